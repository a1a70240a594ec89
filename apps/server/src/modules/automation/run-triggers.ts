import type { TriggerEvent } from '@switchboard/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { defineJob, EventJobPayload } from '../../platform/jobs/index.ts';
import { conditionsHold } from './conditions.ts';
import { activeRuleSelect, loadSnapshot, toRule, type RuleRow } from './queries.ts';
import { runActions } from './run-actions.ts';

/**
 * Loop guard: at most this many trigger firings per case per hour. Rules that answer each
 * other's changes (A adds a tag B removes) stop here instead of running forever.
 */
export const TRIGGER_FIRINGS_PER_CASE_PER_HOUR = 20;

/** The trigger event a domain event is, if any: only a customer's message counts as "received". */
export function triggerEventOf(type: string, payload: Record<string, unknown>): TriggerEvent | undefined {
  if (type === 'case.created' || type === 'case.updated' || type === 'case.sla_warning' || type === 'case.sla_breached') return type;
  if (type === 'case.entry_added') {
    const entry = payload.entry as { kind?: string; direction?: string } | undefined;
    return entry?.kind === 'message' && entry.direction === 'inbound' ? 'message.received' : undefined;
  }
  return undefined;
}

const changedFields = (payload: Record<string, unknown>): string[] =>
  Array.isArray(payload.changes) ? payload.changes.map((c) => String((c as { field?: unknown }).field ?? '')).filter(Boolean) : [];

/**
 * Runs the enabled triggers for one event, in their order, each seeing the case as the earlier
 * ones left it. A rule does not run on events its own actions caused; events the actions emit
 * are recorded as caused by the rule, before commit, in the same transaction.
 */
export async function runTriggers(app: AppContext, tx: Tx, event: EventJobPayload, now = new Date()): Promise<number> {
  const trigger = triggerEventOf(event.type, event.payload);
  const caseId = typeof event.payload.caseId === 'string' ? event.payload.caseId : undefined;
  if (!trigger || !caseId) return 0;
  const { rows: ruleRows } = await tx.query<RuleRow>(
    `${activeRuleSelect} where r.enabled and r.kind = 'trigger' and r.event = $1
       and not exists (select 1 from automation_caused_events ce where ce.event_id = $2 and ce.rule_id = r.id)
     order by r.position, r.created_at`,
    [trigger, event.eventId],
  );
  if (ruleRows.length === 0) return 0;
  // Holding the case's row lock from here to commit means every event about this case with a
  // higher id than `mark` is one this transaction emitted (every writer of a case locks it first).
  const { rows: locked } = await tx.query('select 1 from cases where id = $1 and merged_into_id is null for update', [caseId]);
  if (locked.length === 0) return 0;
  let fired = 0;
  for (const row of ruleRows) {
    const { rows: recent } = await tx.query<{ n: number }>(
      `select count(*)::int as n from automation_firings where case_id = $1 and occurrence like 'event:%' and fired_at > now() - interval '1 hour'`,
      [caseId],
    );
    if ((recent[0]?.n ?? 0) >= TRIGGER_FIRINGS_PER_CASE_PER_HOUR) {
      app.log.warn({ caseId, ruleId: row.id }, 'automation: too many trigger firings on this case in the last hour; skipping (loop guard)');
      break;
    }
    const rule = toRule(row);
    const snap = await loadSnapshot(tx, caseId, event.type === 'case.updated' ? changedFields(event.payload) : []);
    if (snap && typeof event.payload.metric === 'string') snap.facts.metric = event.payload.metric;
    if (!snap || !conditionsHold(rule.conditions, snap.facts, now, rule.timeZone)) continue;
    const { rows: markRows } = await tx.query<{ mark: string }>('select coalesce(max(id), 0)::text as mark from events');
    const acted = await actSafely(app, tx, rule, snap);
    if (!acted) continue;
    fired += 1;
    await tx.query(`insert into automation_firings (rule_id, case_id, occurrence) values ($1, $2, $3) on conflict do nothing`, [rule.id, caseId, `event:${event.eventId}`]);
    await tx.query(
      `insert into automation_caused_events (event_id, rule_id)
       select id, $3 from events where id > $1::int8 and payload->>'caseId' = $2 on conflict do nothing`,
      [markRows[0]!.mark, caseId, rule.id],
    );
  }
  return fired;
}

/**
 * Runs a rule's actions inside a savepoint: an action the case refuses (an assignee who left, a
 * required field) undoes that rule's work and is logged, and the other rules still run. The
 * after-commit hooks of undone work (event pushes) are dropped with it.
 */
export async function actSafely(app: AppContext, tx: Tx, rule: Parameters<typeof runActions>[2], snap: Parameters<typeof runActions>[3]): Promise<boolean> {
  const hooks: Array<() => void | Promise<void>> = [];
  const inner: Tx = { query: (text, params, options) => tx.query(text, params, options), exec: (script) => tx.exec(script), afterCommit: (hook) => hooks.push(hook) };
  await tx.query('savepoint automation_rule');
  try {
    const acted = await runActions(app, inner, rule, snap);
    await tx.query('release savepoint automation_rule');
    for (const hook of hooks) tx.afterCommit(hook);
    return acted;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await tx.query('rollback to savepoint automation_rule');
    app.log.warn({ err: err.message, ruleId: rule.id, caseId: snap.id }, 'automation rule could not act on the case');
    return false;
  }
}

export const runTriggersJob = defineJob({
  name: 'automation.triggers',
  payload: EventJobPayload,
  events: ['case.created', 'case.updated', 'case.entry_added', 'case.sla_warning', 'case.sla_breached'],
  enqueueIf: `exists (select 1 from automation_rules r where r.enabled and r.kind = 'trigger')`,
  maxAttempts: 5,
  runInTransaction: async (tx, event, run) => {
    await runTriggers(run.ctx, tx, event);
  },
});
