import type { z } from 'zod';
import type { Action, AutomationRule, ReorderRulesBody, RuleBody, UpdateRuleBody } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, assertVersion, notFound } from '../../platform/http/errors.ts';
import { assertMayManageAutomation } from './policy.ts';
import { getRule } from './queries.ts';

type NewRule = z.output<typeof RuleBody>;

function checkKind(kind: string, event: string | null): void {
  if ((kind === 'trigger') !== (event !== null)) {
    throw new AppError('validation_failed', 'A trigger needs an event; a time rule has none', [{ field: 'body.event', message: 'a trigger needs an event; a time rule has none' }]);
  }
}

/**
 * The users, teams and endpoints the actions name must exist now (a later deletion makes the
 * action fail at run time, which is logged and skips only that rule).
 */
async function checkReferences(tx: Tx, actions: readonly Action[]): Promise<void> {
  const refs: Array<{ table: string; id: string; field: string }> = [];
  actions.forEach((a, i) => {
    if (a.type === 'assign' && a.userId) refs.push({ table: 'users', id: a.userId, field: `body.actions.${i}.userId` });
    if (a.type === 'assign' && a.teamId) refs.push({ table: 'teams', id: a.teamId, field: `body.actions.${i}.teamId` });
    if (a.type === 'webhook') refs.push({ table: 'webhook_endpoints', id: a.endpointId, field: `body.actions.${i}.endpointId` });
  });
  for (const r of refs) {
    const extra = r.table === 'users' ? ` and active and role <> 'customer'` : '';
    const { rowCount } = await tx.query(`select 1 from ${r.table} where id = $1${extra}`, [r.id]);
    if (rowCount === 0) throw new AppError('validation_failed', `${r.field}: not found`, [{ field: r.field, message: 'not found' }]);
  }
}

/** Adds a rule at the end of the order. */
export async function createRule(actor: Actor, tx: Tx, input: NewRule): Promise<AutomationRule> {
  assertMayManageAutomation(actor);
  checkKind(input.kind, input.event);
  await checkReferences(tx, input.actions);
  const { rows } = await tx.query<{ id: string }>(
    `insert into automation_rules (name, description, kind, event, conditions, actions, time_zone, enabled, position)
     values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, (select coalesce(max(position), -1) + 1 from automation_rules)) returning id`,
    [input.name, input.description, input.kind, input.event, JSON.stringify(input.conditions), JSON.stringify(input.actions), input.timeZone, input.enabled],
  );
  return getRule(tx, rows[0]!.id);
}

/** Changes a rule when the caller saw its current version. */
export async function updateRule(actor: Actor, tx: Tx, id: string, expectedVersion: number, input: z.output<typeof UpdateRuleBody>): Promise<AutomationRule> {
  assertMayManageAutomation(actor);
  const { rows } = await tx.query<{ version: number; kind: string; event: string | null; name: string }>(
    'select version, kind, event, name from automation_rules where id = $1 for update',
    [id],
  );
  const cur = rows[0];
  if (!cur) throw notFound('The rule');
  assertVersion(`The rule ${cur.name}`, cur.version, expectedVersion);
  const kind = input.kind ?? cur.kind;
  const event = input.event !== undefined ? input.event : kind === 'time' ? null : cur.event;
  checkKind(kind, event);
  if (input.actions) await checkReferences(tx, input.actions);
  await tx.query(
    `update automation_rules set name = coalesce($2, name), description = coalesce($3, description), kind = $4, event = $5,
       conditions = coalesce($6::jsonb, conditions), actions = coalesce($7::jsonb, actions), time_zone = coalesce($8, time_zone),
       enabled = coalesce($9, enabled), updated_at = now(), version = version + 1
     where id = $1`,
    [
      id,
      input.name ?? null,
      input.description ?? null,
      kind,
      event,
      input.conditions ? JSON.stringify(input.conditions) : null,
      input.actions ? JSON.stringify(input.actions) : null,
      input.timeZone ?? null,
      input.enabled ?? null,
    ],
  );
  return getRule(tx, id);
}

/** Deletes a rule and its firing record. */
export async function deleteRule(actor: Actor, tx: Tx, id: string): Promise<void> {
  assertMayManageAutomation(actor);
  const { rowCount } = await tx.query('delete from automation_rules where id = $1', [id]);
  if (rowCount === 0) throw notFound('The rule');
}

/** Sets the order rules run in: the listed ids first to last; every rule must be listed once. */
export async function reorderRules(actor: Actor, tx: Tx, input: z.output<typeof ReorderRulesBody>): Promise<void> {
  assertMayManageAutomation(actor);
  const { rows } = await tx.query<{ id: string }>('select id from automation_rules for update');
  const all = new Set(rows.map((r) => r.id));
  const given = new Set(input.ids);
  if (given.size !== input.ids.length || given.size !== all.size || input.ids.some((id) => !all.has(id))) {
    throw new AppError('validation_failed', 'List every rule exactly once', [{ field: 'body.ids', message: 'must list every rule exactly once' }]);
  }
  await tx.query(`update automation_rules r set position = o.pos - 1 from unnest($1::uuid[]) with ordinality as o(id, pos) where r.id = o.id`, [input.ids]);
}
