import type { languages } from '@switchboard/contracts/constants';
import { systemActor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { addEntry } from '../cases/index.ts';
import { LOOP_MARKER } from './classify.ts';
import { ourMessageId } from './message-ids.ts';

/** Acknowledgements to one address per day; more would answer a loop we did not recognise. */
const MAX_PER_DAY = 3;

type Language = (typeof languages)[number];

const texts: Record<Language, (n: number, subject: string) => { subject: string; body: string }> = {
  en: (n, s) => ({ subject: `We received your request [#${n}]: ${s}`, body: `Thank you for your message. We have received it as request #${n} and will get back to you as soon as we can.\n\nPlease keep #${n} in the subject if you write to us again about it.` }),
  de: (n, s) => ({ subject: `Ihre Anfrage ist eingegangen [#${n}]: ${s}`, body: `Vielen Dank für Ihre Nachricht. Wir haben sie als Anfrage #${n} erhalten und melden uns so bald wie möglich.\n\nBitte lassen Sie #${n} im Betreff, wenn Sie uns dazu erneut schreiben.` }),
  et: (n, s) => ({ subject: `Teie pöördumine on kätte saadud [#${n}]: ${s}`, body: `Täname teid kirja eest. Saime selle kätte pöördumisena #${n} ja vastame esimesel võimalusel.\n\nPalun jätke #${n} teemareale, kui kirjutate meile sel teemal uuesti.` }),
  tr: (n, s) => ({ subject: `Talebiniz alındı [#${n}]: ${s}`, body: `Mesajınız için teşekkür ederiz. Talebinizi #${n} numarasıyla aldık ve en kısa sürede size dönüş yapacağız.\n\nBu konuda tekrar yazarsanız lütfen konu satırında #${n} numarasını koruyun.` }),
};

/**
 * Confirms a new email case to its sender, in their language: an outbound entry on the case and
 * the mail itself, marked Auto-Submitted: auto-replied (RFC 3834) and with our loop marker.
 */
export async function acknowledgeNewCase(
  app: AppContext,
  tx: Tx,
  c: { id: string; number: number; subject: string },
  to: string,
  language: Language,
  inReplyTo: string,
): Promise<boolean> {
  // Serialised per address: messages from one sender processed at the same time must not all pass.
  await tx.query(`select pg_advisory_xact_lock(hashtext('email-ack:' || $1))`, [to]);
  const { rows } = await tx.query<{ n: number }>(`select count(*)::int as n from email_auto_replies where address = $1 and sent_at > now() - interval '1 day'`, [to]);
  if ((rows[0]?.n ?? 0) >= MAX_PER_DAY) return false;
  const text = texts[language](c.number, c.subject);
  const entry = await addEntry(app, systemActor, tx, c.id, { kind: 'message', direction: 'outbound', channel: 'email', body: text.body });
  const domain = /@([^>\s]+)>?\s*$/.exec(app.config.MAIL_FROM)?.[1] ?? 'switchboard.invalid';
  const messageId = await ourMessageId(tx, entry.id, domain);
  await tx.query(`insert into email_message_ids (message_id, case_id, entry_id) values ($1, $2, $3)`, [messageId, c.id, entry.id]);
  await tx.query(`insert into email_auto_replies (address, case_id) values ($1, $2)`, [to, c.id]);
  await queueMail(app, tx, {
    to: [to],
    subject: text.subject,
    text: text.body,
    messageId: `<${messageId}>`,
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', 'X-Loop': LOOP_MARKER, 'In-Reply-To': `<${inReplyTo}>`, References: `<${inReplyTo}>` },
    ref: { kind: 'case-entry', id: `${c.id}:${entry.id}` },
  });
  return true;
}
