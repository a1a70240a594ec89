import type { languages } from '@switchboard/contracts/constants';
import { systemActor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { addEntry } from '../cases/index.ts';
import { LOOP_MARKER } from './classify.ts';
import { ourMessageId } from './message-ids.ts';
import { mailboxById } from './queries.ts';
import { renderTemplate, templateFor } from './templates.ts';

/** Acknowledgements to one address per day; more would answer a loop we did not recognise. */
const MAX_PER_DAY = 3;

type Language = (typeof languages)[number];

/**
 * Confirms a new email case to its sender, in their language: an outbound entry on the case and
 * the mail itself, marked Auto-Submitted: auto-replied (RFC 3834) and with our loop marker.
 */
export async function acknowledgeNewCase(
  app: AppContext,
  tx: Tx,
  c: { id: string; number: number; subject: string },
  sender: { address: string; name: string },
  language: Language,
  inReplyTo: string,
  mailboxId: string | null,
): Promise<boolean> {
  const to = sender.address;
  // Serialised per address: messages from one sender processed at the same time must not all pass.
  await tx.query(`select pg_advisory_xact_lock(hashtext('email-ack:' || $1))`, [to]);
  const { rows } = await tx.query<{ n: number }>(`select count(*)::int as n from email_auto_replies where address = $1 and sent_at > now() - interval '1 day'`, [to]);
  if ((rows[0]?.n ?? 0) >= MAX_PER_DAY) return false;
  const mailbox = mailboxId ? await mailboxById(tx, mailboxId) : null;
  const template = await templateFor(tx, mailboxId, 'acknowledgement', language);
  const values = { 'case.number': String(c.number), 'case.subject': c.subject, 'customer.name': sender.name, 'customer.firstName': sender.name.split(/\s+/)[0] ?? '', 'mailbox.name': mailbox?.name ?? '' };
  const text = { subject: renderTemplate(template.subject, values).slice(0, 998), body: renderTemplate(template.body, values).trim() };
  const entry = await addEntry(app, systemActor, tx, c.id, {
    kind: 'message',
    direction: 'outbound',
    channel: 'email',
    body: text.body,
    email: { from: mailbox ? { address: mailbox.address, name: mailbox.name } : null, to: [{ address: to, name: sender.name || null }], cc: [], subject: text.subject, html: null, quotedHtml: null, foldAt: null },
  });
  const domain = /@([^>\s]+)>?\s*$/.exec(app.config.MAIL_FROM)?.[1] ?? 'switchboard.invalid';
  const messageId = await ourMessageId(tx, entry.id, domain);
  await tx.query(`insert into email_message_ids (message_id, case_id, entry_id) values ($1, $2, $3)`, [messageId, c.id, entry.id]);
  await tx.query(`insert into email_auto_replies (address, case_id) values ($1, $2)`, [to, c.id]);
  await queueMail(app, tx, {
    ...(mailbox ? { from: { address: mailbox.address, name: mailbox.name } } : {}),
    to: [to],
    subject: text.subject,
    text: text.body,
    messageId: `<${messageId}>`,
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', 'X-Loop': LOOP_MARKER, 'In-Reply-To': `<${inReplyTo}>`, References: `<${inReplyTo}>` },
    ref: { kind: 'case-entry', id: `${c.id}:${entry.id}` },
  });
  return true;
}
