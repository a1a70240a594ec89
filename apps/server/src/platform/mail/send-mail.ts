import { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/index.ts';
import { defineJob, PermanentJobError } from '../jobs/index.ts';

/** One message to send. `ref` ties it to what asked for it, so a failure can be shown there. */
export const OutgoingMail = z.object({
  to: z.array(z.string().email()).min(1).max(50),
  cc: z.array(z.string().email()).max(50).default([]),
  subject: z.string().min(1).max(998),
  text: z.string().max(1_000_000),
  html: z.string().max(2_000_000).optional(),
  /** Headers we set ourselves (Auto-Submitted, In-Reply-To …); never user input. */
  headers: z.record(z.string(), z.string()).default({}),
  ref: z.object({ kind: z.string(), id: z.string() }).optional(),
});
export type OutgoingMail = z.input<typeof OutgoingMail>;

export const sendMailJob = defineJob({
  name: 'mail.send',
  payload: OutgoingMail,
  maxAttempts: 10,
  backoffMs: 30_000,
  run: async () => {
    throw new PermanentJobError('not implemented yet');
  },
});

export const mailJobs = [sendMailJob];

/** Queues a message in the transaction; it is sent (with retries) only if the transaction commits. */
export async function queueMail(app: AppContext, tx: Tx, mail: OutgoingMail): Promise<void> {
  await app.jobs.enqueue(tx, sendMailJob, mail);
}
