import type { InboundEmail } from './parse-email.ts';

/** Our own loop marker, set on every message we send automatically. */
export const LOOP_MARKER = 'switchboard';

/**
 * Why we must not answer this message automatically (RFC 3834 and common practice), or null
 * when an automatic acknowledgement is fine. Not answering is not ignoring: the message still
 * becomes a case (mailing lists included).
 */
export function noAutoReplyReason(email: InboundEmail, envelopeFrom: string | null, ownAddresses: ReadonlySet<string>): string | null {
  if (email.autoSubmitted && email.autoSubmitted !== 'no') return `Auto-Submitted: ${email.autoSubmitted}`;
  if (email.precedence && ['bulk', 'list', 'junk'].includes(email.precedence)) return `Precedence: ${email.precedence}`;
  if (email.listId) return 'a mailing list (List-Id)';
  if (email.xLoop) return `X-Loop: ${email.xLoop}`;
  if (email.autoResponseSuppress && /all|oof|autoreply/i.test(email.autoResponseSuppress)) return `X-Auto-Response-Suppress: ${email.autoResponseSuppress}`;
  if (envelopeFrom === '' || email.returnPath === '<>') return 'an empty Return-Path (a bounce or notification)';
  if (ownAddresses.has(email.from.address)) return 'sent from one of our own addresses';
  if (/^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/i.test(email.from.address)) return `sent by ${email.from.address}`;
  return null;
}

/** A delivery failure report (bounce) rather than a message from a person. */
export function isBounce(email: InboundEmail): boolean {
  return email.deliveryReport || /^(mailer-daemon|postmaster)@/i.test(email.from.address);
}

/** What a bounce says: the failed recipient and the reason, from the delivery-status part. */
export function bounceDetails(raw: string): { recipient: string | null; reason: string } {
  const recipient = /^Final-Recipient:\s*rfc822;\s*<?([^>\s]+)>?/im.exec(raw)?.[1]?.toLowerCase() ?? null;
  const diagnostic = /^Diagnostic-Code:\s*[^;]*;\s*(.+(?:\r?\n[ \t].+)*)/im.exec(raw)?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim();
  const status = /^Status:\s*([245]\.\d{1,3}\.\d{1,3})/im.exec(raw)?.[1];
  return { recipient, reason: [status, diagnostic].filter(Boolean).join(' ') || 'the receiving server gave no reason' };
}
