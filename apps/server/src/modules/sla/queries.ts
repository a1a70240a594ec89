import type { CaseSla, CaseSlaDetail, EscalationAction, SlaConditions, SlaMetric } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import { canSeeCase } from '../cases/index.ts';
import type { CalendarSpec } from './clock.ts';

export interface PolicyRow {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: SlaConditions;
  first_response_minutes: number | null;
  next_response_minutes: number | null;
  resolution_minutes: number | null;
  warn_percent: number | null;
  escalation: EscalationAction[];
  version: number;
}

/** The enabled policies in order, for choosing a case's. */
export async function enabledPolicies(db: Queryable): Promise<PolicyRow[]> {
  const { rows } = await db.query<PolicyRow>('select * from sla_policies where enabled order by position, created_at, id');
  return rows;
}

/** The calendar a team counts its SLA time in; null: the team works around the clock. */
export async function calendarOfTeam(db: Queryable, teamId: string | null): Promise<(CalendarSpec & { id: string; name: string }) | null> {
  if (!teamId) return null;
  const { rows } = await db.query<{ id: string; name: string; time_zone: string; weekly: CalendarSpec['weekly']; holidays: CalendarSpec['holidays'] }>(
    'select b.id, b.name, b.time_zone, b.weekly, b.holidays from team_calendars tc join business_calendars b on b.id = tc.calendar_id where tc.team_id = $1',
    [teamId],
  );
  const r = rows[0];
  return r ? { id: r.id, name: r.name, timeZone: r.time_zone, weekly: r.weekly, holidays: r.holidays } : null;
}


interface SummaryRow {
  policy_id: string | null;
  policy_name: string;
  metric: SlaMetric;
  due_at: Date | null;
  paused: boolean;
  breached: boolean;
  warning: boolean;
}

/** The case's headline SLA as list rows show it; null when no policy applies or nothing is open. */
export async function loadCaseSla(db: Queryable, caseId: string): Promise<CaseSla | null> {
  const { rows } = await db.query<SummaryRow>('select policy_id, policy_name, metric, due_at, paused, breached, warning from case_sla where case_id = $1', [caseId]);
  const r = rows[0];
  if (!r?.policy_id) return null;
  return { policy: { id: r.policy_id, name: r.policy_name }, metric: r.metric, dueAt: r.due_at?.toISOString() ?? null, paused: r.paused, breached: r.breached, warning: r.warning };
}

interface ResultRow {
  metric: SlaMetric;
  occurrence: number;
  policy_id: string | null;
  policy_name: string;
  target_minutes: number;
  started_at: Date;
  due_at: Date | null;
  warn_at: Date | null;
  achieved_at: Date | null;
  paused: boolean;
  breached: boolean;
  business_minutes: number;
}

const metricOrder: Record<SlaMetric, number> = { first_response: 0, next_response: 1, resolution: 2 };

/** Every clock of a case (for the case page and reports); a case the actor may not see is not found. */
export async function caseSlaDetail(db: Queryable, actor: Actor, ref: string | number): Promise<CaseSlaDetail> {
  const { rows: cases } = await db.query<{ id: string; number: number; team_id: string | null; assignee_id: string | null }>(
    `select id, number, team_id, assignee_id from cases where ${typeof ref === 'number' ? 'number' : 'id'} = $1`,
    [ref],
  );
  const c = cases[0];
  if (!c || !canSeeCase(actor, { teamId: c.team_id, assigneeId: c.assignee_id })) throw notFound(`Case ${typeof ref === 'number' ? `#${ref}` : ref}`);
  const { rows } = await db.query<ResultRow>('select * from case_sla_results where case_id = $1', [c.id]);
  rows.sort((a, b) => metricOrder[a.metric] - metricOrder[b.metric] || a.occurrence - b.occurrence);
  const { rows: cal } = await db.query<{ id: string; name: string; time_zone: string }>(
    'select b.id, b.name, b.time_zone from team_calendars tc join business_calendars b on b.id = tc.calendar_id where tc.team_id = $1',
    [c.team_id],
  );
  const current = rows.find((r) => r.policy_id) ?? null;
  return {
    policy: current?.policy_id ? { id: current.policy_id, name: current.policy_name } : null,
    calendar: cal[0] ? { id: cal[0].id, name: cal[0].name, timeZone: cal[0].time_zone } : null,
    clocks: rows.map((r) => ({
      metric: r.metric,
      occurrence: r.occurrence,
      targetMinutes: r.target_minutes,
      startedAt: r.started_at.toISOString(),
      dueAt: r.paused ? null : (r.due_at?.toISOString() ?? null),
      warnAt: r.warn_at?.toISOString() ?? null,
      achievedAt: r.achieved_at?.toISOString() ?? null,
      paused: r.paused,
      breached: r.breached,
      businessMinutes: r.business_minutes,
    })),
  };
}
