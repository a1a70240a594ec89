import type { z } from 'zod';
import type { CreateSlaPolicyBody, EscalationAction, SlaConditions, SlaPolicy, UpdateSlaPolicyBody } from '@switchboard/contracts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { AppError, assertVersion, notFound } from '../../platform/http/errors.ts';
import { assertMayManageSla, assertMayReadSla } from './policy.ts';
import { enqueueRecomputeAll } from './recompute-all.ts';
import type { PolicyRow } from './queries.ts';

export const toPolicy = (r: PolicyRow): SlaPolicy => ({
  id: r.id,
  name: r.name,
  position: r.position,
  enabled: r.enabled,
  conditions: r.conditions,
  targets: { firstResponse: r.first_response_minutes, nextResponse: r.next_response_minutes, resolution: r.resolution_minutes },
  warnPercent: r.warn_percent,
  escalation: r.escalation,
  version: r.version,
});

const policySelect = 'select * from sla_policies';
const order = 'order by position, created_at, id';

/** The policies in the order they are tried (first match wins). */
export async function listPolicies(db: Queryable, actor: Actor): Promise<SlaPolicy[]> {
  assertMayReadSla(actor);
  const { rows } = await db.query<PolicyRow>(`${policySelect} ${order}`);
  return rows.map(toPolicy);
}

async function getPolicy(db: Queryable, id: string): Promise<SlaPolicy> {
  const { rows } = await db.query<PolicyRow>(`${policySelect} where id = $1`, [id]);
  if (!rows[0]) throw notFound(`SLA policy ${id}`);
  return toPolicy(rows[0]);
}

/** The users and teams a policy names must exist now. */
async function checkReferences(tx: Tx, conditions: SlaConditions, escalation: readonly EscalationAction[]): Promise<void> {
  for (const [i, a] of escalation.entries()) {
    if (a.type !== 'reassign' || a.userId === null) continue;
    const { rowCount } = await tx.query(`select 1 from users where id = $1 and active and role <> 'customer'`, [a.userId]);
    if (!rowCount) throw new AppError('validation_failed', 'Unknown agent', [{ field: `body.escalation.${i}.userId`, message: 'not found' }]);
  }
  if (conditions.teamIds?.length) {
    const { rows } = await tx.query<{ id: string }>('select id from teams where id = any($1::uuid[])', [conditions.teamIds]);
    if (rows.length !== new Set(conditions.teamIds).size) throw new AppError('validation_failed', 'Unknown team', [{ field: 'body.conditions.teamIds', message: 'a team was not found' }]);
  }
}

function checkTargets(t: SlaPolicy['targets']): void {
  if (t.firstResponse === null && t.nextResponse === null && t.resolution === null) {
    throw new AppError('validation_failed', 'Give at least one target', [{ field: 'body.targets', message: 'give at least one target' }]);
  }
}

/** Adds a policy at the end of the order. */
export async function createPolicy(app: AppContext, actor: Actor, tx: Tx, input: z.output<typeof CreateSlaPolicyBody>): Promise<SlaPolicy> {
  assertMayManageSla(actor);
  checkTargets(input.targets);
  await checkReferences(tx, input.conditions, input.escalation);
  const { rows } = await tx.query<{ id: string }>(
    `insert into sla_policies (name, position, enabled, conditions, first_response_minutes, next_response_minutes, resolution_minutes, warn_percent, escalation)
     values ($1, (select coalesce(max(position), 0) + 1 from sla_policies), $2, $3::jsonb, $4, $5, $6, $7, $8::jsonb) returning id`,
    [input.name, input.enabled, JSON.stringify(input.conditions), input.targets.firstResponse, input.targets.nextResponse, input.targets.resolution, input.warnPercent, JSON.stringify(input.escalation)],
  );
  await enqueueRecomputeAll(app, tx);
  return getPolicy(tx, rows[0]!.id);
}

/** Changes a policy; open cases are recomputed, since which policy applies may change. */
export async function updatePolicy(
  app: AppContext,
  actor: Actor,
  tx: Tx,
  id: string,
  expectedVersion: number,
  input: z.output<typeof UpdateSlaPolicyBody>,
): Promise<SlaPolicy> {
  assertMayManageSla(actor);
  const { rows } = await tx.query<PolicyRow>(`${policySelect} where id = $1 for update`, [id]);
  const cur = rows[0];
  if (!cur) throw notFound(`SLA policy ${id}`);
  assertVersion(`SLA policy ${cur.name}`, cur.version, expectedVersion);
  const merged = { ...toPolicy(cur), ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as SlaPolicy;
  checkTargets(merged.targets);
  await checkReferences(tx, merged.conditions, merged.escalation);
  await tx.query(
    `update sla_policies set name = $2, enabled = $3, conditions = $4::jsonb, first_response_minutes = $5, next_response_minutes = $6,
       resolution_minutes = $7, warn_percent = $8, escalation = $9::jsonb, updated_at = now(), version = version + 1
     where id = $1`,
    [id, merged.name, merged.enabled, JSON.stringify(merged.conditions), merged.targets.firstResponse, merged.targets.nextResponse, merged.targets.resolution, merged.warnPercent, JSON.stringify(merged.escalation)],
  );
  await enqueueRecomputeAll(app, tx);
  return getPolicy(tx, id);
}

/** Deletes a policy; its cases fall to the next matching one. Their past results keep its name. */
export async function deletePolicy(app: AppContext, actor: Actor, tx: Tx, id: string): Promise<void> {
  assertMayManageSla(actor);
  const { rowCount } = await tx.query('delete from sla_policies where id = $1', [id]);
  if (!rowCount) throw notFound(`SLA policy ${id}`);
  await enqueueRecomputeAll(app, tx);
}

/** Sets the order in which policies are tried: `ids` lists every policy once. */
export async function reorderPolicies(app: AppContext, actor: Actor, tx: Tx, ids: readonly string[]): Promise<SlaPolicy[]> {
  assertMayManageSla(actor);
  const { rows } = await tx.query<{ id: string }>('select id from sla_policies for update');
  const all = new Set(rows.map((r) => r.id));
  if (new Set(ids).size !== ids.length || ids.length !== all.size || ids.some((id) => !all.has(id))) {
    throw new AppError('validation_failed', 'List every policy exactly once', [{ field: 'body.ids', message: 'must list every policy exactly once' }]);
  }
  await tx.query('update sla_policies p set position = o.n, updated_at = now(), version = version + 1 from unnest($1::uuid[]) with ordinality as o(id, n) where p.id = o.id', [ids]);
  await enqueueRecomputeAll(app, tx);
  return listPolicies(tx, actor);
}
