import type { z } from 'zod';
import type { CreateCustomStatusBody, CreateFieldBody, FieldDefinition, PutTeamFormBody, UpdateCustomStatusBody, UpdateFieldBody } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { assertAdmin } from '../identity/index.ts';
import { fieldColumns, toField } from './queries.ts';

/** Defines a typed custom field for cases or customers. */
export async function createField(actor: Actor, tx: Tx, input: z.output<typeof CreateFieldBody>): Promise<FieldDefinition> {
  assertAdmin(actor);
  const dup = await tx.query('select 1 from custom_field_definitions where entity = $1 and key = $2', [input.entity, input.key]);
  if (dup.rowCount > 0) throw new AppError('conflict', `A ${input.entity} field with the key ${input.key} exists already`, [{ field: 'body.key', message: 'is taken' }]);
  const { rows } = await tx.query<Parameters<typeof toField>[0]>(
    `insert into custom_field_definitions as f (entity, key, label, type, options, important, position)
     values ($1, $2, $3, $4, $5, $6, $7) returning ${fieldColumns}`,
    [input.entity, input.key, input.label, input.type, input.options, input.important, input.position],
  );
  return toField(rows[0]!);
}

/** Changes label, options, importance, order or retires a field (its values stay on records). */
export async function updateField(actor: Actor, tx: Tx, id: string, input: z.output<typeof UpdateFieldBody>): Promise<FieldDefinition> {
  assertAdmin(actor);
  const { rows: cur } = await tx.query<{ type: string }>('select type from custom_field_definitions where id = $1 for update', [id]);
  if (!cur[0]) throw notFound('The field');
  if (input.options && cur[0].type !== 'select') throw new AppError('validation_failed', 'only select fields have options', [{ field: 'body.options', message: 'only select fields have options' }]);
  if (input.options && input.options.length === 0) throw new AppError('validation_failed', 'a select field needs options', [{ field: 'body.options', message: 'needs at least one option' }]);
  const { rows } = await tx.query<Parameters<typeof toField>[0]>(
    `update custom_field_definitions f set label = coalesce($2, label), options = coalesce($3, options), important = coalesce($4, important),
       position = coalesce($5, position), active = coalesce($6, active) where id = $1 returning ${fieldColumns}`,
    [id, input.label ?? null, input.options ?? null, input.important ?? null, input.position ?? null, input.active ?? null],
  );
  return toField(rows[0]!);
}

/** Sets which case fields a team's form shows, in order, and which are required. */
export async function putTeamForm(actor: Actor, tx: Tx, teamId: string, input: z.output<typeof PutTeamFormBody>): Promise<void> {
  assertAdmin(actor);
  const team = await tx.query('select 1 from teams where id = $1', [teamId]);
  if (team.rowCount === 0) throw notFound('The team');
  const ids = input.fields.map((f) => f.fieldId);
  const { rows } = await tx.query<{ id: string }>(`select id from custom_field_definitions where id = any($1::uuid[]) and entity = 'case'`, [ids]);
  const found = new Set(rows.map((r) => r.id));
  const bad = ids.findIndex((id) => !found.has(id));
  if (bad >= 0) throw new AppError('validation_failed', 'No such case field', [{ field: `body.fields.${bad}.fieldId`, message: 'no such case field' }]);
  if (new Set(ids).size !== ids.length) throw new AppError('validation_failed', 'A field is listed twice', [{ field: 'body.fields', message: 'a field is listed twice' }]);
  await tx.query('delete from team_form_fields where team_id = $1', [teamId]);
  for (const [position, f] of input.fields.entries()) {
    await tx.query('insert into team_form_fields (team_id, field_id, position, required) values ($1, $2, $3, $4)', [teamId, f.fieldId, position, f.required]);
  }
}

interface StatusRow {
  id: string;
  name: string;
  category: 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
  position: number;
  active: boolean;
}

export async function listCustomStatuses(tx: Pick<Tx, 'query'>): Promise<StatusRow[]> {
  return (await tx.query<StatusRow>('select id, name, category, position, active from custom_statuses order by category, position, name')).rows;
}

/** An admin-defined status (e.g. "Waiting for parts") that maps onto one of the built-in ones. */
export async function createCustomStatus(actor: Actor, tx: Tx, input: z.output<typeof CreateCustomStatusBody>): Promise<StatusRow> {
  assertAdmin(actor);
  const { rows } = await tx.query<StatusRow>(
    'insert into custom_statuses (name, category, position) values ($1, $2, $3) returning id, name, category, position, active',
    [input.name, input.category, input.position],
  );
  return rows[0]!;
}

export async function updateCustomStatus(actor: Actor, tx: Tx, id: string, input: z.output<typeof UpdateCustomStatusBody>): Promise<StatusRow> {
  assertAdmin(actor);
  const { rows } = await tx.query<StatusRow>(
    `update custom_statuses set name = coalesce($2, name), position = coalesce($3, position), active = coalesce($4, active)
     where id = $1 returning id, name, category, position, active`,
    [id, input.name ?? null, input.position ?? null, input.active ?? null],
  );
  if (!rows[0]) throw notFound('The status');
  return rows[0];
}
