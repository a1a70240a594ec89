import { createHash } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { parseEmail } from './parse-email.ts';
import { processEmailJob, processParsed } from './process-email.ts';

export interface ReceivedEmail {
  source: 'smtp' | 'imap' | 'http';
  raw: Buffer;
  envelopeFrom?: string | null | undefined;
  envelopeTo?: readonly string[] | undefined;
  mailboxId?: string | null | undefined;
}

const insertInbound = `insert into inbound_emails (source, mailbox_id, envelope_from, envelope_to, raw, size, sha256)
  values ($1, $2, $3, $4, $5, $6, $7) returning id`;

/**
 * Stores a received message and turns it into a case entry, in one transaction. Callers
 * acknowledge the sender (SMTP 250, IMAP \Seen, HTTP 202) only after this returned: from then on
 * the message is in the database and will end up in a case or in quarantine.
 *
 * Most messages are processed right here, on receipt, so the case is there the moment the sender
 * gets its 250. A message that cannot be — unreadable, or any error while processing — is stored
 * on its own instead and left to the `email.process` job, which retries and in the end
 * quarantines it: a failure in processing never loses the message.
 */
export async function receiveEmail(app: AppContext, email: ReceivedEmail): Promise<{ id: number }> {
  if (email.raw.length === 0) throw new AppError('validation_failed', 'The message is empty', [{ field: 'body', message: 'is empty' }]);
  if (email.raw.length > app.config.EMAIL_MAX_BYTES) throw new AppError('payload_too_large', `The message is larger than ${app.config.EMAIL_MAX_BYTES} bytes`);
  const sha256 = createHash('sha256').update(email.raw).digest('hex');
  const envelopeTo = [...(email.envelopeTo ?? [])].map((a) => a.toLowerCase());
  const values = [email.source, email.mailboxId ?? null, email.envelopeFrom ?? null, envelopeTo, email.raw, email.raw.length, sha256];
  const parsed = await parseEmail(email.raw).catch(() => null);
  if (parsed) {
    try {
      // Mail arriving on several connections at once shares a commit (group commit). The row
      // is written with its outcome, at the end of the transaction (StoredEmail.unwritten).
      return await app.db.groupTransaction(async (tx) => {
        const stored = {
          id: null,
          raw: email.raw,
          state: 'received',
          mailbox_id: email.mailboxId ?? null,
          envelope_from: email.envelopeFrom ?? null,
          envelope_to: envelopeTo,
          unwritten: { source: email.source, size: email.raw.length, sha256 },
        };
        return { id: await processParsed(app, tx, stored, parsed) };
      });
    } catch (err) {
      app.log.warn({ err, source: email.source }, 'a received email could not be processed on receipt; stored for the email.process job to retry');
    }
  }
  return app.db.transaction(async (tx) => {
    const id = (await tx.query<{ id: number }>(insertInbound, values)).rows[0]!.id;
    await app.jobs.enqueue(tx, processEmailJob, { inboundId: id });
    return { id };
  });
}
