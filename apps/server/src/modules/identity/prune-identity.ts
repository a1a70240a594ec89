import { z } from 'zod';
import { defineJob } from '../../platform/jobs/index.ts';

/**
 * Hourly: forgets sign-in attempts older than a day (the rate limit looks back minutes), expired
 * sessions, and invitations that ran out a week ago (kept a while so "this link expired" stays
 * a clear answer rather than "not found").
 */
export const pruneIdentityJob = defineJob({
  name: 'identity.prune',
  payload: z.object({}),
  cron: '23 * * * *',
  runInTransaction: async (tx) => {
    await tx.query(`delete from login_attempts where at < now() - interval '1 day'`);
    await tx.query(`delete from sessions where expires_at < now()`);
    await tx.query(`delete from invitations where expires_at < now() - interval '7 days'`);
  },
});
