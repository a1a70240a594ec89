import { z } from 'zod';
import { languages } from '@switchboard/contracts/constants';
import type { TimelineEntry } from '@switchboard/contracts';
import { systemActor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { defineJob, EventJobPayload } from '../../platform/jobs/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { addEntry } from '../cases/index.ts';
import { ourMessageId } from './message-ids.ts';
import { caseMailbox } from './queries.ts';
import { renderTemplate, templateFor } from './templates.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The reply as simple HTML beside the text: paragraphs and line breaks, links clickable, nothing else. */
export function textToHtml(text: string): string {
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${escape(p).replace(/https?:\/\/[^\s<]+/g, (u) => `<a href="${u}">${u}</a>`).replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1f2328">${paragraphs.join('')}</body></html>`;
}

const domainOf = (from: string): string => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'switchboard.invalid';

interface ThreadInfo {
  number: number;
  subject: string;
  requester_name: string;
  language: string | null;
  requester_email: string | null;
  ids: string[];
  last_inbound: string | null;
}

/** The case's email thread: requester address, every Message-ID in order, the last one the customer sent. */
async function threadOf(tx: Tx, caseId: string): Promise<ThreadInfo | null> {
  const { rows } = await tx.query<ThreadInfo>(
    `select c.number, c.subject, r.name as requester_name, r.preferred_language as language,
       (select e.email from customer_emails e where e.customer_id = c.requester_id order by e.is_primary desc, e.email limit 1) as requester_email,
       (select array_agg(t.message_id order by t.created_at, t.message_id) from email_message_ids t where t.case_id = c.id) as ids,
       (select t.message_id from email_message_ids t where t.case_id = c.id and t.inbound_email_id is not null order by t.created_at desc limit 1) as last_inbound
     from cases c join customers r on r.id = c.requester_id where c.id = $1`,
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
    const requester = thread.requester_email.toLowerCase();
    const cc = (entry.email?.cc ?? []).map((a) => a.address.toLowerCase()).filter((a) => a !== requester);
    if (cc.length) {
      // Whoever the agent copied is on the conversation from now on: their answers thread, reply-all includes them.
      await tx.query(`insert into case_participants (case_id, email) select $1, unnest($2::text[]) on conflict do nothing`, [entry.caseId, cc]);
    }
    const mailbox = await caseMailbox(tx, entry.caseId);
    const language = (languages as readonly string[]).includes(thread.language ?? '') ? (thread.language as (typeof languages)[number]) : 'en';
    const template = await templateFor(tx, mailbox?.id ?? null, 'reply', language);
    const text = renderTemplate(template.body, {
      message: entry.body,
      'agent.name': entry.author.name,
      'mailbox.name': mailbox?.name ?? '',
      'case.number': String(thread.number),
      'case.subject': thread.subject,
      'customer.name': thread.requester_name,
      'customer.firstName': thread.requester_name.split(/\s+/)[0] ?? '',
    }).trim();
    await queueMail(run.ctx, tx, {
      ...(mailbox ? { from: { address: mailbox.address, name: mailbox.name } } : {}),
      to: [thread.requester_email],
      cc,
      subject: /^re:/i.test(subject) ? subject : `Re: ${subject}`,
      text,
      html: textToHtml(text),
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
