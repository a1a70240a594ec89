import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/index.ts';
import { defineJob, PermanentJobError } from '../jobs/index.ts';

/** One message to send. `ref` ties it to what asked for it, so a failure can be shown there. */
export const OutgoingMail = z.object({
  /** The sender (e.g. the mailbox a conversation runs through); MAIL_FROM when absent. */
  from: z.object({ address: z.email(), name: z.string().max(200) }).optional(),
  to: z.array(z.email()).min(1).max(50),
  cc: z.array(z.email()).max(50).default([]),
  subject: z.string().min(1).max(998),
  text: z.string().max(1_000_000),
  html: z.string().max(2_000_000).optional(),
  /** Sets the Message-ID, so a retried send is the same message to the receiver. */
  messageId: z.string().max(300).optional(),
  /** Headers we set ourselves (Auto-Submitted, In-Reply-To …); never user input. */
  headers: z.record(z.string(), z.string()).default({}),
  ref: z.object({ kind: z.string(), id: z.string() }).optional(),
});
export type OutgoingMail = z.input<typeof OutgoingMail>;

const transports = new WeakMap<Config, Transporter>();

/** One pooled SMTP connection set per configuration (i.e. per app instance). */
function transportFor(config: Config): Transporter {
  let t = transports.get(config);
  if (!t) {
    if (!config.SMTP_URL) throw new PermanentJobError('No SMTP relay is configured (set SMTP_URL), so mail cannot be sent.');
    const url = new URL(config.SMTP_URL);
    url.searchParams.set('pool', 'true');
    t = nodemailer.createTransport(url.toString());
    transports.set(config, t);
  }
  return t;
}

/** SMTP reply codes 5xx are final (the relay refused this message); anything else may pass later. */
const isPermanent = (err: unknown): boolean => {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

export const sendMailJob = defineJob({
  name: 'mail.send',
  payload: OutgoingMail,
  maxAttempts: 10,
  backoffMs: 30_000,
  // The module that asked for the mail learns of the failure through an event it subscribes to.
  onDead: async (tx, mail, error, run) => {
    if (!mail.ref) return;
    await run.ctx.events.emit(tx, { type: 'mail.failed', actorId: null, audience: { teamIds: [], userIds: [] }, payload: { ref: mail.ref, to: mail.to, subject: mail.subject, error } });
  },
  run: async (mail, run) => {
    const config = run.ctx.config;
    try {
      await transportFor(config).sendMail({
        from: mail.from ? { address: mail.from.address, name: mail.from.name } : config.MAIL_FROM,
        to: mail.to,
        cc: mail.cc.length ? mail.cc : undefined,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: mail.headers,
      });
    } catch (err) {
      if (isPermanent(err)) throw new PermanentJobError(`The SMTP relay refused the message: ${(err as Error).message}`);
      throw err;
    }
  },
});

export const mailJobs = [sendMailJob];

/** Queues a message in the transaction; it is sent (with retries) only if the transaction commits. */
export async function queueMail(app: AppContext, tx: Tx, mail: OutgoingMail): Promise<void> {
  await app.jobs.enqueue(tx, sendMailJob, mail);
}

/** Closes the pooled SMTP connections of this configuration (at shutdown). */
export function closeMail(config: Config): void {
  transports.get(config)?.close();
  transports.delete(config);
}
