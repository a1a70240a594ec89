import { createHash } from 'node:crypto';
import PostalMime from 'postal-mime';
import { z } from 'zod';

const Address = z.object({ name: z.string(), address: z.string().toLowerCase() });

/** A received message as the rest of Switchboard sees it: typed, never a bag of headers. */
export const InboundEmail = z.object({
  /** Without angle brackets; a content hash when the sender gave none (so re-delivery is still detected). */
  messageId: z.string().min(1),
  inReplyTo: z.array(z.string()),
  references: z.array(z.string()),
  from: Address,
  to: z.array(Address),
  cc: z.array(Address),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  date: z.string().nullable(),
  /** RFC 3834 and list signals, lower-cased header values (absent: null). */
  autoSubmitted: z.string().nullable(),
  precedence: z.string().nullable(),
  xLoop: z.string().nullable(),
  autoResponseSuppress: z.string().nullable(),
  /** Return-Path as written by the receiving server; `<>` (empty) for bounces and auto-replies. */
  returnPath: z.string().nullable(),
  listId: z.string().nullable(),
  /** multipart/report; report-type=delivery-status: a bounce or delivery notice. */
  deliveryReport: z.boolean(),
  /** The message's language if it says (Content-Language), when it is one we speak. */
  language: z.enum(['en', 'de', 'et', 'tr']).nullable(),
  /** Attachments and inline images (cid:); delivery reports' machine parts are not among them. */
  attachments: z.array(
    z.object({ fileName: z.string(), contentType: z.string(), contentId: z.string().nullable(), content: z.instanceof(Buffer) }),
  ),
});
export type InboundEmail = z.infer<typeof InboundEmail>;

/** Why a message cannot become a timeline entry; it goes to quarantine with this reason. */
export class UnreadableEmail extends Error {
  override readonly name = 'UnreadableEmail';
}

/** `<a@b>` → `a@b`, lower-case domain part kept as sent (Message-IDs are compared exactly). */
export function bareMessageId(value: string): string {
  return value.trim().replace(/^<+|>+$/g, '');
}

const idsIn = (value: string | undefined): string[] => (value ? (value.match(/<[^<>\s]+>/g) ?? []).map(bareMessageId) : []);

/** Text for the timeline from HTML when a message has no text part (the HTML itself is kept raw). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const spoken = ['en', 'de', 'et', 'tr'] as const;
function languageOf(value: string | undefined): InboundEmail['language'] {
  const code = value?.trim().slice(0, 2).toLowerCase();
  return (spoken as readonly string[]).includes(code ?? '') ? (code as InboundEmail['language']) : null;
}

/** Parses raw RFC 5322 bytes with postal-mime (charsets, encoded words, MIME structure). */
export async function parseEmail(raw: Buffer): Promise<InboundEmail> {
  let parsed;
  try {
    parsed = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  } catch (err) {
    throw new UnreadableEmail(`the message could not be parsed: ${(err as Error).message}`);
  }
  const header = (name: string): string | undefined => parsed.headers.find((h) => h.key === name)?.value;
  const single = (a: { name?: string; address?: string } | undefined) => (a?.address ? { name: a.name ?? '', address: a.address } : null);
  const list = (as: Array<{ name?: string; address?: string; group?: Array<{ name?: string; address?: string }> }> | undefined) =>
    (as ?? []).flatMap((a) => (a.group ? a.group : [a])).map(single).filter((a): a is { name: string; address: string } => a !== null);
  const from = single(parsed.from) ?? single(parsed.sender);
  if (!from) throw new UnreadableEmail('the message has no sender address (From)');
  const messageId = parsed.messageId ? bareMessageId(parsed.messageId) : `sha256-${createHash('sha256').update(raw).digest('hex')}@switchboard.invalid`;
  // Line ends as in the timeline everywhere: a base64 text part keeps the sender's CRLF.
  const text = (parsed.text?.trim() ? parsed.text : parsed.html ? htmlToText(parsed.html) : '').replace(/\r\n?/g, '\n');
  return InboundEmail.parse({
    messageId,
    inReplyTo: idsIn(parsed.inReplyTo ?? header('in-reply-to')),
    references: idsIn(parsed.references ?? header('references')),
    from,
    to: list(parsed.to),
    cc: list(parsed.cc),
    subject: (parsed.subject ?? '').trim(),
    text,
    html: parsed.html ?? null,
    date: parsed.date ?? null,
    autoSubmitted: header('auto-submitted')?.toLowerCase().trim() ?? null,
    precedence: header('precedence')?.toLowerCase().trim() ?? null,
    xLoop: header('x-loop')?.trim() ?? null,
    autoResponseSuppress: header('x-auto-response-suppress')?.trim() ?? null,
    returnPath: header('return-path')?.trim() ?? null,
    listId: header('list-id')?.trim() ?? null,
    deliveryReport: /multipart\/report/i.test(header('content-type') ?? '') && /report-type="?delivery-status/i.test(header('content-type') ?? ''),
    language: languageOf(header('content-language')),
    attachments: parsed.attachments
      .filter((a) => !/^(message\/delivery-status|text\/rfc822-headers|message\/rfc822)$/i.test(a.mimeType))
      .map((a, i) => ({
        fileName: (a.filename ?? '').trim() || `attachment-${i + 1}${a.mimeType.startsWith('image/') ? '.' + a.mimeType.slice(6).split(/[;+]/)[0] : ''}`,
        contentType: a.mimeType || 'application/octet-stream',
        contentId: a.contentId ? bareMessageId(a.contentId) : null,
        content: Buffer.from(a.content as ArrayBuffer),
      })),
  });
}

/** A header of a message that may not parse at all (for the quarantine list): the first occurrence, unfolded. */
export function roughHeader(raw: Buffer, name: 'subject' | 'message-id' | 'from'): string | null {
  const head = raw.subarray(0, 65_536).toString('latin1');
  const m = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return m ? m[1]!.replace(/\r?\n[ \t]/g, ' ').trim().slice(0, 500) : null;
}
