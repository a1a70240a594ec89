/**
 * Email for requests that run through the portal: when an agent answers a portal-channel case,
 * the customer gets the reply by mail with a link to the request (they may not have the portal
 * open). Email-channel cases are answered by the email module's own threaded reply instead, so
 * no customer gets two mails for one answer. The mail asks them to answer in the portal: it
 * carries no thread headers, and a mail reply would open a new case rather than join this one.
 */
import type { TimelineEntry } from '@switchboard/contracts';
import { defineJob, EventJobPayload } from '../../platform/jobs/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { getBranding } from './branding.ts';
import { asMailLanguage, publicBase, replyMail } from './mail-text.ts';

export const notifyReplyJob = defineJob({
  name: 'portal.notify-reply',
  payload: EventJobPayload,
  events: ['case.entry_added'],
  runInTransaction: async (tx, event, run) => {
    const entry = event.payload.entry as TimelineEntry | undefined;
    if (event.payload.internal !== false || !entry || entry.kind !== 'message' || entry.direction !== 'outbound' || entry.channel !== 'portal' || entry.author.type !== 'user') return;
    const { rows } = await tx.query<{ number: number; subject: string; language: string | null; email: string | null }>(
      `select c.number::int as number, c.subject, r.preferred_language as language,
         (select e.email from customer_emails e where e.customer_id = c.requester_id order by e.is_primary desc, e.created_at limit 1) as email
       from cases c join customers r on r.id = c.requester_id where c.id = $1`,
      [entry.caseId],
    );
    const c = rows[0];
    // A notice, like an acknowledgement, needs a relay; without one the portal still shows the answer.
    if (!c?.email || !run.ctx.config.SMTP_URL) return;
    const branding = await getBranding(tx);
    const mail = replyMail(asMailLanguage(c.language), {
      company: branding.companyName,
      color: branding.primaryColor,
      number: c.number,
      subject: c.subject,
      agent: entry.author.name,
      body: entry.body,
      link: `${publicBase(run.ctx)}/portal/requests/${c.number}`,
    });
    await queueMail(run.ctx, tx, { to: [c.email], subject: mail.subject, text: mail.text, html: mail.html, headers: { 'Auto-Submitted': 'auto-generated' }, ref: { kind: 'portal.reply', id: String(entry.id) } });
  },
});

