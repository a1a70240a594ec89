import type { z } from 'zod';
import type { CreateMacroBody, Macro, MacroAction, UpdateMacroBody } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, assertVersion, forbidden, notFound } from '../../platform/http/errors.ts';
import { mayEditMacro, mayManageSharedMacros } from './policy.ts';
import { getMacro, loadMacro } from './queries.ts';
import { cleanTexts, macroProblems } from './render.ts';

type NewMacro = z.output<typeof CreateMacroBody>;
type MacroChanges = z.output<typeof UpdateMacroBody>;

function invalid(errors: { field: string; message: string }[]): never {
  throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/**
 * The team and people a macro names must exist now. Whether the person applying it may make that
 * change (an agent assigning outside the case's team) is the cases module's rule, checked on apply.
 */
async function checkReferences(tx: Tx, teamId: string | null, actions: readonly MacroAction[]): Promise<void> {
  const refs: Array<{ table: 'users' | 'teams'; id: string; field: string }> = [];
  if (teamId) refs.push({ table: 'teams', id: teamId, field: 'body.teamId' });
  actions.forEach((a, i) => {
    if (a.type === 'set_team' && a.teamId) refs.push({ table: 'teams', id: a.teamId, field: `body.actions.${i}.teamId` });
    if (a.type === 'set_assignee' && a.assignee && a.assignee !== 'me') refs.push({ table: 'users', id: a.assignee, field: `body.actions.${i}.assignee` });
  });
  for (const r of refs) {
    const extra = r.table === 'users' ? ` and active and role <> 'customer'` : '';
    const { rowCount } = await tx.query(`select 1 from ${r.table} where id = $1${extra}`, [r.id]);
    if (rowCount === 0) invalid([{ field: r.field, message: r.table === 'users' ? 'no active staff member has this id' : 'no team has this id' }]);
  }
}

/**
 * Saves a new macro: a personal one for the actor (or for `ownerId`, when the system seeds one),
 * or a shared one, which only supervisors and admins may add.
 */
export async function createMacro(actor: Actor, tx: Tx, input: NewMacro, options: { ownerId?: string } = {}): Promise<Macro> {
  if (input.scope === 'shared' && !mayManageSharedMacros(actor)) throw forbidden('Only supervisors and admins add shared macros; save it as a personal macro instead');
  const ownerId = input.scope === 'personal' ? (options.ownerId ?? actor.id) : null;
  const texts = cleanTexts(input.texts);
  const problems = macroProblems(texts, input.defaultLanguage, input.actions.length);
  if (problems.length) invalid(problems);
  await checkReferences(tx, input.teamId, input.actions);
  const { rows } = await tx.query<{ id: string }>(
    `insert into macros (name, description, owner_id, team_id, default_language, texts, actions, created_by)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8) returning id`,
    [input.name, input.description, ownerId, input.teamId, input.defaultLanguage, JSON.stringify(texts), JSON.stringify(input.actions), actor.via === 'system' ? null : actor.id],
  );
  return getMacro(tx, ownerId && actor.via === 'system' ? { ...actor, id: ownerId } : actor, rows[0]!.id);
}

async function loadEditable(actor: Actor, tx: Tx, id: string) {
  const row = await loadMacro(tx, actor, id, true);
  if (!mayEditMacro(actor, { ownerId: row.owner_id, teamId: row.team_id })) {
    throw forbidden(row.owner_id ? 'This is someone else’s personal macro' : 'Only supervisors and admins change shared macros');
  }
  return row;
}

/** Changes a macro the actor may edit, when they saw its current version. */
export async function updateMacro(actor: Actor, tx: Tx, id: string, expectedVersion: number, input: MacroChanges): Promise<Macro> {
  const cur = await loadEditable(actor, tx, id);
  assertVersion(`The macro ${cur.name}`, cur.version, expectedVersion);
  if (cur.owner_id && input.teamId) invalid([{ field: 'body.teamId', message: 'only shared macros are limited to a team' }]);
  const texts = input.texts ? cleanTexts(input.texts) : cur.texts;
  const defaultLanguage = input.defaultLanguage ?? cur.default_language;
  const actions = input.actions ?? cur.actions;
  const teamId = input.teamId !== undefined ? input.teamId : cur.team_id;
  const problems = macroProblems(texts, defaultLanguage, actions.length);
  if (problems.length) invalid(problems);
  await checkReferences(tx, teamId !== cur.team_id ? teamId : null, input.actions ?? []);
  await tx.query(
    `update macros set name = $2, description = $3, team_id = $4, default_language = $5, texts = $6::jsonb, actions = $7::jsonb,
       updated_at = now(), version = version + 1
     where id = $1`,
    [id, input.name ?? cur.name, input.description ?? cur.description, teamId, defaultLanguage, JSON.stringify(texts), JSON.stringify(actions)],
  );
  return getMacro(tx, actor, id);
}

/** Deletes a macro the actor may edit; its timeline entries on cases stay as they were written. */
export async function deleteMacro(actor: Actor, tx: Tx, id: string): Promise<void> {
  await loadEditable(actor, tx, id);
  const { rowCount } = await tx.query('delete from macros where id = $1', [id]);
  if (rowCount === 0) throw notFound('The macro');
}
