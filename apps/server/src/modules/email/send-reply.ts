import { z } from 'zod';
import type { TimelineEntry } from '@switchboard/contracts';
import { systemActor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { defineJob, EventJobPayload } from '../../platform/jobs/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { addEntry } from '../cases/index.ts';
import { ourMessageId } from './message-ids.ts';

const domainOf = (from: string): string => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'switchboard.invalid';

interface ThreadInfo {
  number: number;
  subject: string;
  requester_email: string | null;
  ids: string[];
  last_inbound: string | null;
}

/** The case's email thread: requester address, every Message-ID in order, the last one the customer sent. */
async function threadOf(tx: Tx, caseId: string): Promise<ThreadInfo | null> {
  const { rows } = await tx.query<ThreadInfo>(
    `select c.number, c.subject,
       (select e.email from customer_emails e where e.customer_id = c.requester_id order by e.is_primary desc, e.email limit 1) as requester_email,
       (select array_agg(t.message_id order by t.created_at, t.message_id) from email_message_ids t where t.case_id = c.id) as ids,
       (select t.message_id from email_message_ids t where t.case_id = c.id and t.inbound_email_id is not null order by t.created_at desc limit 1) as last_inbound
     from cases c where c.id = $1`,
    [caseId],
  );
  const r = rows[0];
  return r && r.ids ? r : null;
}

/**
 * Sends an agent's public reply by email when the case has an email thread: with our signed
 * Message-ID, In-Reply-To the customer's last message and the thread's References, so the
 * customer's mail program keeps the conversation together and their answer finds this case.
 */
export const sendReplyJob = defineJob({
  name: 'email.send-reply',
  payload: EventJobPayload,
  events: ['case.entry_added'],
  runInTransaction: async (tx, event, run) => {
    const entry = event.payload.entry as TimelineEntry | undefined;
    if (!entry || entry.kind !== 'message' || entry.direction !== 'outbound' || entry.channel !== 'email' || entry.author.type !== 'user') return;
    const thread = await threadOf(tx, entry.caseId);
    if (!thread || !thread.requester_email) return; // not an email conversation (yet): nothing to answer
    const config = run.ctx.config;
    const messageId = await ourMessageId(tx, entry.id, domainOf(config.MAIL_FROM));
    await tx.query(`insert into email_message_ids (message_id, case_id, entry_id) values ($1, $2, $3) on conflict do nothing`, [messageId, entry.caseId, entry.id]);
    const subject = /\[#\d+\]/.test(thread.subject) ? thread.subject : `${thread.subject} [#${thread.number}]`;
    await queueMail(run.ctx, tx, {
      to: [thread.requester_email],
      subject: /^re:/i.test(subject) ? subject : `Re: ${subject}`,
      text: entry.body,
      messageId: `<${messageId}>`,
      headers: {
        ...(thread.last_inbound ? { 'In-Reply-To': `<${thread.last_inbound}>` } : {}),
        References: thread.ids.slice(-20).map((id) => `<${id}>`).join(' '),
      },
      ref: { kind: 'case-entry', id: `${entry.caseId}:${entry.id}` },
    });
  },
});

/** A reply that could not be delivered is shown on its case, as a note the team sees. */
export const mailFailedJob = defineJob({
  name: 'email.mail-failed',
  payload: EventJobPayload,
  events: ['mail.failed'],
  runInTransaction: async (tx, event, run) => {
    const p = z.object({ ref: z.object({ kind: z.string(), id: z.string() }), to: z.array(z.string()), error: z.string() }).safeParse(event.payload);
    if (!p.success || p.data.ref.kind !== 'case-entry') return;
    const caseId = p.data.ref.id.split(':')[0]!;
    await addEntry(run.ctx, systemActor, tx, caseId, { kind: 'note', body: `⚠ The email to ${p.data.to.join(', ')} could not be sent: ${p.data.error}` });
  },
});
