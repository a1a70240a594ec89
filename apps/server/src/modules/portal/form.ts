/**
 * The new-request form: the topics (teams an admin offers in the portal) and, per topic, the
 * fields of that team's form that an admin marked customer-visible. Fields not marked stay for
 * agents only — they are neither shown nor accepted from the portal.
 */
import type { PortalForm } from '@switchboard/contracts';
import { PORTAL_MAX_FILES } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';

type Topic = PortalForm['topics'][number];

/** The topics in the admin's order, each with its customer-visible fields. */
export async function portalTopics(db: Queryable): Promise<Topic[]> {
  const { rows: teams } = await db.query<{ id: string; name: string }>(
    'select t.id, t.name from portal_teams pt join teams t on t.id = pt.team_id order by pt.position, t.name',
  );
  if (teams.length === 0) return [];
  const { rows: fields } = await db.query<{ team_id: string; key: string; label: string; type: Topic['fields'][number]['type']; options: string[]; required: boolean }>(
    `select tf.team_id, f.key, f.label, f.type, f.options, tf.required
     from team_form_fields tf join custom_field_definitions f on f.id = tf.field_id
     where tf.team_id = any($1::uuid[]) and f.active and f.customer_visible and f.entity = 'case'
     order by tf.position, f.label`,
    [teams.map((t) => t.id)],
  );
  return teams.map((t) => ({
    teamId: t.id,
    name: t.name,
    fields: fields.filter((f) => f.team_id === t.id).map((f) => ({ key: f.key, label: f.label, type: f.type, options: f.options, required: f.required })),
  }));
}

/** What the portal's new-request screen needs. */
export async function portalForm(db: Queryable, maxUploadBytes: number): Promise<PortalForm> {
  return { topics: await portalTopics(db), maxUploadBytes, maxFiles: PORTAL_MAX_FILES };
}

/**
 * Keys of a team's form that are required but hidden from customers: a request from the portal
 * could never fill them, so the admin screen warns about such topics.
 */
export async function hiddenRequiredFields(db: Queryable, teamIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (teamIds.length === 0) return out;
  const { rows } = await db.query<{ team_id: string; label: string }>(
    `select tf.team_id, f.label from team_form_fields tf join custom_field_definitions f on f.id = tf.field_id
     where tf.team_id = any($1::uuid[]) and tf.required and f.active and not f.customer_visible order by tf.position, f.label`,
    [teamIds],
  );
  for (const r of rows) out.set(r.team_id, [...(out.get(r.team_id) ?? []), r.label]);
  return out;
}
