import { z } from 'zod';
import { defineJob } from '../../platform/jobs/index.ts';

/**
 * Hourly: forgets link requests older than a day (the rate limit looks back minutes), sign-in
 * links a day past their expiry (kept that long so "this link expired" stays a clear answer),
 * expired sessions, and uploads nobody sent within a day.
 */
export const prunePortalJob = defineJob({
  name: 'portal.prune',
  payload: z.object({}),
  cron: '41 * * * *',
  runInTransaction: async (tx) => {
    await tx.query(`delete from portal_link_requests where at < now() - interval '1 day'`);
    await tx.query(`delete from portal_sign_in_links where expires_at < now() - interval '1 day'`);
    await tx.query(`delete from portal_sessions where expires_at < now()`);
    await tx.query(`delete from portal_uploads where created_at < now() - interval '1 day'`);
  },
});
