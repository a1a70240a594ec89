import type { EventAudience } from '../../platform/events/bus.ts';

/**
 * Who receives a case's SLA events: the same rule as the cases module's `caseAudience` (the
 * case's team, or the triage queue, and its assignee). Kept here because the cases module's
 * index does not export it; move to that import once it does.
 */
export function slaAudience(c: { team_id: string | null; assignee_id: string | null }): EventAudience {
  return { teamIds: c.team_id ? [c.team_id] : [], userIds: c.assignee_id ? [c.assignee_id] : [], triage: c.team_id === null };
}
