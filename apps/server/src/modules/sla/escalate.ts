import type { Case, NotificationKind } from '@switchboard/contracts';
import { systemActor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { updateCase } from '../cases/index.ts';
import { slaAudience } from './audience.ts';
import { notifyUser } from '../notifications/index.ts';
import type { ClockState } from './compute.ts';
import type { PolicyRow } from './queries.ts';

/** What warning and escalating need to know about the case. */
export interface SlaCase {
  id: string;
  number: number;
  subject: string;
  priority: string;
  team_id: string | null;
  assignee_id: string | null;
}

const priorityOrder: ReadonlyArray<Case['priority']> = ['low', 'normal', 'high', 'urgent'];

/** Active supervisors of the team; for a case without a team, every supervisor (they triage). */
async function supervisorsOf(tx: Tx, teamId: string | null): Promise<string[]> {
  const { rows } = teamId
    ? await tx.query<{ id: string }>(
        `select u.id from team_members tm join users u on u.id = tm.user_id where tm.team_id = $1 and u.role = 'supervisor' and u.active order by u.id`,
        [teamId],
      )
    : await tx.query<{ id: string }>(`select id from users where role = 'supervisor' and active order by id`);
  return rows.map((r) => r.id);
}

async function notifyAll(app: AppContext, tx: Tx, c: SlaCase, userIds: Iterable<string>, kind: NotificationKind): Promise<void> {
  for (const userId of new Set(userIds)) {
    await notifyUser(app, tx, { userId, kind, case: { id: c.id, number: c.number, subject: c.subject }, actor: null });
  }
}

const eventPayload = (c: SlaCase, policy: PolicyRow, k: ClockState) => ({
  caseId: c.id,
  number: c.number,
  metric: k.metric,
  occurrence: k.occurrence,
  dueAt: k.dueAt?.toISOString() ?? null,
  policyId: policy.id,
  policyName: policy.name,
});

/** A target is about to be missed: tell the assignee, or the team's supervisors when nobody has the case. */
export async function warn(app: AppContext, tx: Tx, c: SlaCase, policy: PolicyRow, k: ClockState): Promise<void> {
  const people = c.assignee_id ? [c.assignee_id] : await supervisorsOf(tx, c.team_id);
  await notifyAll(app, tx, c, people, 'sla_warning');
  await app.events.emit(tx, {
    type: 'case.sla_warning',
    actorId: null,
    audience: slaAudience(c),
    payload: eventPayload(c, policy, k),
  });
}

/** The priority one step up, or `to` when that is higher; null when nothing changes. */
export function raisedPriority(current: string, to: Case['priority'] | undefined): Case['priority'] | null {
  const at = priorityOrder.indexOf(current as Case['priority']);
  const target = to ? priorityOrder.indexOf(to) : Math.min(at + 1, priorityOrder.length - 1);
  return target > at ? priorityOrder[target]! : null;
}

/** A target was missed: emit `case.sla_breached` and run the policy's escalation actions, in order. */
export async function escalate(app: AppContext, tx: Tx, c: SlaCase, policy: PolicyRow, k: ClockState): Promise<void> {
  await app.events.emit(tx, {
    type: 'case.sla_breached',
    actorId: null,
    audience: slaAudience(c),
    payload: eventPayload(c, policy, k),
  });
  const changes: { assigneeId?: string | null; priority?: Case['priority'] } = {};
  for (const action of policy.escalation) {
    if (action.type === 'notify') {
      const people = [...(c.assignee_id ? [c.assignee_id] : []), ...(await supervisorsOf(tx, c.team_id))];
      await notifyAll(app, tx, c, people, 'sla_breached');
    } else if (action.type === 'reassign') {
      if (action.userId !== c.assignee_id) changes.assigneeId = action.userId;
    } else {
      const raised = raisedPriority(changes.priority ?? c.priority, action.to);
      if (raised) changes.priority = raised;
    }
  }
  if (Object.keys(changes).length === 0) return;
  try {
    await updateCase(app, systemActor, tx, c.id, 'current', changes);
  } catch (err) {
    // A reassignment to an agent who has since left must not block the rest of the case's SLA.
    if (!(err instanceof AppError)) throw err;
    app.log.warn({ caseId: c.id, policyId: policy.id, err: err.message }, 'sla: escalation action could not be applied');
  }
}
