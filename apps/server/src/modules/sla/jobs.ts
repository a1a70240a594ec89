import { defineJob, EventJobPayload } from '../../platform/jobs/index.ts';
import { recomputeCaseSla, slaTimerJob } from './recompute.ts';
import { slaRecomputeAllJob } from './recompute-all.ts';

/**
 * A durable subscriber: every change to a case (properties, a message, a status) recomputes its
 * clocks. A merge changes two cases: the source stops being measured.
 */
export const slaCaseChangedJob = defineJob({
  name: 'sla.case_changed',
  payload: EventJobPayload,
  events: ['case.created', 'case.updated', 'case.entry_added', 'case.merged'],
  // nothing to compute while no policy is enabled and no case has clocks left to clear
  enqueueIf: `exists (select 1 from sla_policies where enabled) or exists (select 1 from case_sla)
    or exists (select 1 from case_sla_results where achieved_at is null)`,
  runInTransaction: async (tx, event, run) => {
    const ids = [event.payload.caseId, event.payload.sourceId].filter((id): id is string => typeof id === 'string');
    for (const id of ids) await recomputeCaseSla(run.ctx, tx, id);
  },
});

export const slaJobs = [slaCaseChangedJob, slaTimerJob, slaRecomputeAllJob];
