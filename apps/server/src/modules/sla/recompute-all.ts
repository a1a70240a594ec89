import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { defineJob } from '../../platform/jobs/index.ts';
import { recomputeCaseSla } from './recompute.ts';

/** Cases per run: short transactions (PGlite runs one at a time), many runs. */
const BATCH = 50;

/**
 * After a calendar or policy changes, every case that is not closed gets its clocks recomputed,
 * in batches by id. A further change restarts the pass from the beginning (same key, replaced).
 */
export const slaRecomputeAllJob = defineJob({
  name: 'sla.recompute_all',
  payload: z.object({ after: z.uuid().nullable() }),
  runInTransaction: async (tx, payload, run) => {
    const { rows } = await tx.query<{ id: string }>(
      `select id from cases where status <> 'closed' and merged_into_id is null and ($1::uuid is null or id > $1::uuid) order by id limit ${BATCH}`,
      [payload.after],
    );
    for (const r of rows) await recomputeCaseSla(run.ctx, tx, r.id);
    if (rows.length === BATCH) await run.ctx.jobs.enqueue(tx, slaRecomputeAllJob, { after: rows[rows.length - 1]!.id }, { key: 'all', replace: true });
  },
});

/** Schedules the recomputation of all open cases (in the caller's transaction). */
export async function enqueueRecomputeAll(app: AppContext, tx: Tx): Promise<void> {
  await app.jobs.enqueue(tx, slaRecomputeAllJob, { after: null }, { key: 'all', replace: true });
}
