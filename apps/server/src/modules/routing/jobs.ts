import { z } from 'zod';
import { defineJob, EventJobPayload } from '../../platform/jobs/index.ts';
import { routeCase, sweepTeam } from './route-case.ts';

interface CaseSnapshot {
  team?: { id: string } | null;
  assignee?: { id: string } | null;
  status?: string;
}
interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

const freesCapacity = (changes: FieldChange[]) =>
  changes.some((ch) => (ch.field === 'assignee' && ch.from !== null) || (ch.field === 'status' && ['pending', 'solved', 'closed'].includes(String(ch.to))));

/**
 * Offers waiting cases of one team (or, from the schedule, of every team with an enabled rule).
 * Enqueued with key `team:<id>`, so a burst of presence changes sweeps a team once.
 */
export const routingSweepJob = defineJob({
  name: 'routing.sweep',
  payload: z.object({ teamId: z.uuid().optional() }),
  cron: '*/1 * * * *',
  runInTransaction: async (tx, payload, run) => {
    const teamIds = payload.teamId
      ? [payload.teamId]
      : (
          await tx.query<{ team_id: string }>(
            `select r.team_id from routing_rules r where r.enabled
               and exists (select 1 from cases c where c.team_id = r.team_id and c.assignee_id is null and c.status in ('new', 'open'))`,
          )
        ).rows.map((r) => r.team_id);
    for (const teamId of teamIds) await sweepTeam(run.ctx, tx, teamId);
  },
});

/**
 * Routes a case when it lands unassigned in a team: created there, transferred there, or
 * unassigned. A change that frees an agent's capacity (reassigned away, pending, solved) offers
 * the team's waiting cases instead. Runs in the transaction that completes the job: exactly once.
 */
export const routeCaseJob = defineJob({
  name: 'routing.route-case',
  payload: EventJobPayload,
  events: ['case.created', 'case.updated'],
  // both paths below act only for a team with an enabled routing rule
  enqueueIf: `exists (select 1 from routing_rules r where r.enabled and r.team_id::text = e.payload #>> '{case,team,id}')`,
  runInTransaction: async (tx, event, run) => {
    const caseId = typeof event.payload.caseId === 'string' ? event.payload.caseId : undefined;
    const snapshot = event.payload.case as CaseSnapshot | undefined;
    if (!caseId || !snapshot) return;
    const changes = Array.isArray(event.payload.changes) ? (event.payload.changes as FieldChange[]) : [];
    const teamId = snapshot.team?.id;
    if (teamId && !snapshot.assignee) {
      const arrived = event.type === 'case.created' || changes.some((ch) => ch.field === 'team' || ch.field === 'assignee');
      const reopened = changes.some((ch) => ch.field === 'status');
      if (arrived || reopened) {
        const gaveBack = changes.find((ch) => ch.field === 'assignee' && typeof ch.from === 'string');
        await routeCase(run.ctx, tx, caseId, { explainQueued: arrived, exclude: (gaveBack?.from as string | undefined) ?? null });
        return;
      }
    }
    if (event.type === 'case.updated' && freesCapacity(changes) && teamId) {
      await run.ctx.jobs.enqueue(tx, routingSweepJob, { teamId }, { key: `team:${teamId}` });
    }
  },
});
