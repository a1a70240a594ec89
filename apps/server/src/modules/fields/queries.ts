import type { FieldDefinition } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';

interface FieldRow {
  id: string;
  entity: FieldDefinition['entity'];
  key: string;
  label: string;
  type: FieldDefinition['type'];
  options: string[];
  important: boolean;
  position: number;
  active: boolean;
}

export const fieldColumns = 'f.id, f.entity, f.key, f.label, f.type, f.options, f.important, f.position, f.active';

export const toField = (r: FieldRow): FieldDefinition => ({
  id: r.id,
  entity: r.entity,
  key: r.key,
  label: r.label,
  type: r.type,
  options: r.options,
  important: r.important,
  position: r.position,
  active: r.active,
});

export async function listFields(db: Queryable, entity?: FieldDefinition['entity']): Promise<FieldDefinition[]> {
  const { rows } = await db.query<FieldRow>(
    `select ${fieldColumns} from custom_field_definitions f ${entity ? 'where f.entity = $1' : ''} order by f.entity, f.position, f.label`,
    entity ? [entity] : [],
  );
  return rows.map(toField);
}

export async function teamForm(db: Queryable, teamId: string): Promise<Array<FieldDefinition & { required: boolean }>> {
  const { rows } = await db.query<FieldRow & { required: boolean }>(
    `select ${fieldColumns}, tf.required from team_form_fields tf join custom_field_definitions f on f.id = tf.field_id
     where tf.team_id = $1 and f.active order by tf.position, f.label`,
    [teamId],
  );
  return rows.map((r) => ({ ...toField(r), required: r.required }));
}
