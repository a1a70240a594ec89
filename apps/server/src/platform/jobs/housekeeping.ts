import { z } from 'zod';
import { defineJob } from './define-job.ts';

/** Tables whose rows come and go all day; PGlite has no autovacuum, so we vacuum them ourselves. */
const churningTables = ['jobs', 'events', 'idempotency_keys', 'job_schedules'];

/**
 * Hourly retention of the platform's own tables: events (subscribers catch up from the last
 * 10 minutes at most; a week is kept for diagnosis) and idempotency keys (a retry within a day
 * replays; later, the same key is a new request).
 */
export const pruneJob = defineJob({
  name: 'platform.prune',
  payload: z.object({}),
  cron: '17 * * * *',
  runInTransaction: async (tx) => {
    await tx.query(`delete from events where created_at < now() - interval '7 days'`);
    await tx.query(`delete from idempotency_keys where created_at < now() - interval '24 hours'`);
  },
});

/**
 * Nightly VACUUM ANALYZE on the embedded database (a server's autovacuum does this by itself):
 * the churning tables vacuumed, every table analyzed — the planner's statistics are also what
 * knowledge search reads to tell a common word from a rare one.
 */
export const vacuumJob = defineJob({
  name: 'platform.vacuum',
  payload: z.object({}),
  cron: '40 3 * * *',
  maxAttempts: 2,
  run: async (_payload, run) => {
    if (run.ctx.db.kind !== 'pglite') return;
    for (const table of churningTables) await run.ctx.db.exec(`vacuum (analyze) ${table}`);
    await run.ctx.db.exec('analyze');
  },
});
