import type { EventAudience } from '../../platform/events/bus.ts';
import { caseAudience } from '../cases/index.ts';

/** Who receives a case's SLA events: whoever may see the case (its team or the triage queue, its assignee). */
export function slaAudience(c: { team_id: string | null; assignee_id: string | null }): EventAudience {
  return caseAudience({ teamId: c.team_id, assigneeId: c.assignee_id });
}
