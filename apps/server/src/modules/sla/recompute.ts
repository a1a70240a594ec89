import { z } from 'zod';
import type { CaseSla, SlaMetric, Status } from '@switchboard/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { defineJob } from '../../platform/jobs/index.ts';
import { computeClocks, headlineClock, policyMatches, type CaseFact, type ClockState } from './compute.ts';
import { escalate, warn, type SlaCase } from './escalate.ts';
import { slaAudience } from './audience.ts';
import { calendarOfTeam, enabledPolicies, loadCaseSla, type PolicyRow } from './queries.ts';

/** One queued timer per case, at its next warning or breach instant; each run recomputes. */
export const slaTimerJob = defineJob({
  name: 'sla.timer',
  payload: z.object({ caseId: z.uuid() }),
  runInTransaction: (tx, payload, run) => recomputeCaseSla(run.ctx, tx, payload.caseId),
});

interface CaseFactsRow extends SlaCase {
  status: Status;
  priority: string;
  channel: string;
  created_at: Date;
  merged_into_id: string | null;
  tier: string | null;
}

interface ResultRow {
  metric: SlaMetric;
  occurrence: number;
  warned_at: Date | null;
  breach_handled_at: Date | null;
}

async function loadFacts(tx: Queryable, caseId: string): Promise<CaseFact[]> {
  // Outbound messages without a staff author (an email auto-acknowledgement, an automation's
  // template) are not responses: the customer still waits for a person.
  const { rows } = await tx.query<{ kind: string; direction: string | null; changes: Array<{ field: string; to: unknown }> | null; created_at: Date }>(
    `select kind, direction, changes, created_at from case_entries
     where case_id = $1 and ((kind = 'message' and (direction = 'inbound' or author_user_id is not null))
       or (kind = 'change' and changes @> '[{"field": "status"}]'::jsonb))
     order by id`,
    [caseId],
  );
  const facts: CaseFact[] = [];
  for (const r of rows) {
    if (r.kind === 'message') facts.push({ at: r.created_at, type: r.direction === 'inbound' ? 'inbound' : 'outbound' });
    else {
      const status = r.changes?.find((c) => c.field === 'status')?.to;
      if (typeof status === 'string') facts.push({ at: r.created_at, type: 'status', status: status as Status });
    }
  }
  return facts;
}

const key = (metric: string, occurrence: number) => `${metric}:${occurrence}`;
const sameSla = (a: CaseSla | null, b: CaseSla | null) => JSON.stringify(a) === JSON.stringify(b);

async function saveResults(tx: Tx, caseId: string, policy: PolicyRow, clocks: readonly ClockState[], marks: Map<string, { warned: boolean; breached: boolean }>): Promise<void> {
  for (const k of clocks) {
    const m = marks.get(key(k.metric, k.occurrence));
    await tx.query(
      `insert into case_sla_results (case_id, metric, occurrence, policy_id, policy_name, target_minutes, started_at, due_at, warn_at,
         achieved_at, paused, breached, business_minutes, warned_at, breach_handled_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, case when $14 then now() end, case when $15 then now() end, now())
       on conflict (case_id, metric, occurrence) do update set policy_id = excluded.policy_id, policy_name = excluded.policy_name,
         target_minutes = excluded.target_minutes, started_at = excluded.started_at, due_at = excluded.due_at, warn_at = excluded.warn_at,
         achieved_at = excluded.achieved_at, paused = excluded.paused, breached = excluded.breached, business_minutes = excluded.business_minutes,
         warned_at = coalesce(case_sla_results.warned_at, excluded.warned_at),
         breach_handled_at = coalesce(case_sla_results.breach_handled_at, excluded.breach_handled_at), updated_at = now()`,
      [caseId, k.metric, k.occurrence, policy.id, policy.name, k.targetMinutes, k.startedAt, k.dueAt, k.warnAt, k.achievedAt, k.paused, k.breached, k.businessMinutes, m?.warned ?? false, m?.breached ?? false],
    );
  }
  const keep = clocks.map((k) => key(k.metric, k.occurrence));
  await tx.query(`delete from case_sla_results where case_id = $1 and (metric || ':' || occurrence) <> all($2::text[])`, [caseId, keep]);
}

async function saveSummary(tx: Tx, caseId: string, policy: PolicyRow | null, head: ClockState | null, now: Date): Promise<void> {
  if (!policy || !head) {
    await tx.query('delete from case_sla where case_id = $1', [caseId]);
    await tx.query('update cases set sla_due_at = null where id = $1 and sla_due_at is not null', [caseId]);
    return;
  }
  const breached = head.dueAt !== null && head.dueAt <= now;
  const warning = head.warnAt !== null && head.warnAt <= now;
  await tx.query(
    `insert into case_sla (case_id, policy_id, policy_name, metric, due_at, paused, breached, warning, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, now())
     on conflict (case_id) do update set policy_id = excluded.policy_id, policy_name = excluded.policy_name, metric = excluded.metric,
       due_at = excluded.due_at, paused = excluded.paused, breached = excluded.breached, warning = excluded.warning, updated_at = now()`,
    [caseId, policy.id, policy.name, head.metric, head.paused ? null : head.dueAt, head.paused, breached, warning],
  );
  await tx.query('update cases set sla_due_at = $2 where id = $1 and sla_due_at is distinct from $2', [caseId, head.paused ? null : head.dueAt]);
}

/**
 * Recomputes a case's SLA from its timeline: picks the first matching enabled policy, counts
 * each target in the team's business hours, stores clocks and results, acts once on warnings and
 * breaches that are due, moves the case's timer to the next such instant and, when what lists
 * show changed, emits `case.sla_changed` (never `case.updated`, which this job listens to).
 * `quiet` (demo data, imports) marks warnings and breaches already past as handled without acting.
 */
export async function recomputeCaseSla(app: AppContext, tx: Tx, caseId: string, now = new Date(), options: { quiet?: boolean } = {}): Promise<void> {
  const { rows } = await tx.query<CaseFactsRow>(
    `select c.id, c.number, c.subject, c.status, c.priority, c.channel, c.team_id, c.assignee_id, c.created_at, c.merged_into_id, o.tier
     from cases c left join organizations o on o.id = c.organization_id where c.id = $1 for update of c`,
    [caseId],
  );
  const c = rows[0];
  if (!c) return;
  const before = await loadCaseSla(tx, caseId);
  const policy = c.merged_into_id
    ? null
    : ((await enabledPolicies(tx)).find((p) => policyMatches(p.conditions, { priority: c.priority, channel: c.channel, teamId: c.team_id, tier: c.tier })) ?? null);
  let clocks: ClockState[] = [];
  if (policy) {
    const calendar = await calendarOfTeam(tx, c.team_id);
    const targets = { firstResponse: policy.first_response_minutes, nextResponse: policy.next_response_minutes, resolution: policy.resolution_minutes, warnPercent: policy.warn_percent };
    clocks = computeClocks({ createdAt: c.created_at, facts: await loadFacts(tx, caseId) }, targets, calendar, now);
  }

  const { rows: results } = await tx.query<ResultRow>('select metric, occurrence, warned_at, breach_handled_at from case_sla_results where case_id = $1', [caseId]);
  const handled = new Map(results.map((r) => [key(r.metric, r.occurrence), r]));
  const marks = new Map<string, { warned: boolean; breached: boolean }>();
  const breaches: ClockState[] = [];
  const warnings: ClockState[] = [];
  for (const k of clocks) {
    if (k.achievedAt) continue;
    const prev = handled.get(key(k.metric, k.occurrence));
    const overdue = k.dueAt !== null && k.dueAt <= now;
    const warnDue = k.warnAt !== null && k.warnAt <= now;
    if (overdue && !prev?.breach_handled_at) {
      breaches.push(k);
      marks.set(key(k.metric, k.occurrence), { warned: true, breached: true });
    } else if (warnDue && !overdue && !prev?.warned_at) {
      warnings.push(k);
      marks.set(key(k.metric, k.occurrence), { warned: true, breached: false });
    }
  }

  if (policy) await saveResults(tx, caseId, policy, clocks, marks);
  else await tx.query('delete from case_sla_results where case_id = $1 and achieved_at is null', [caseId]);
  const head = headlineClock(clocks);
  await saveSummary(tx, caseId, policy, head, now);

  // The next instant something happens: a warning or breach not yet acted on, on a running clock.
  let next: Date | null = null;
  for (const k of clocks) {
    if (k.achievedAt || k.paused || k.stopped) continue;
    const m = marks.get(key(k.metric, k.occurrence));
    const prev = handled.get(key(k.metric, k.occurrence));
    const candidates = [!(prev?.warned_at || m?.warned) ? k.warnAt : null, !(prev?.breach_handled_at || m?.breached) ? k.dueAt : null];
    for (const at of candidates) if (at && at > now && (!next || at < next)) next = at;
  }
  if (next) await app.jobs.enqueue(tx, slaTimerJob, { caseId }, { runAt: next, key: caseId, replace: true });
  else await app.jobs.cancel(tx, slaTimerJob, caseId);

  const after = await loadCaseSla(tx, caseId);
  const audience = slaAudience(c);
  if (options.quiet) return;
  if (!sameSla(before, after)) {
    await app.events.emit(tx, { type: 'case.sla_changed', actorId: null, audience, payload: { caseId, number: c.number, sla: after } });
  }
  for (const k of warnings) await warn(app, tx, c, policy!, k);
  for (const k of breaches) await escalate(app, tx, c, policy!, k);
}
