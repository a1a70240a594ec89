import { z } from 'zod';
import { defineJob } from '../../platform/jobs/index.ts';

/**
 * Hourly: deletes uploads that were never sent with a message or note within a day — a reply
 * abandoned after attaching a file. Linked attachments are part of the timeline and stay.
 */
export const pruneUploadsJob = defineJob({
  name: 'cases.prune-uploads',
  payload: z.object({}),
  cron: '29 * * * *',
  runInTransaction: async (tx) => {
    await tx.query(`delete from attachments where entry_id is null and created_at < now() - interval '24 hours'`);
  },
});
