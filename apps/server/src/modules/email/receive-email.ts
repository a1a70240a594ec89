import { createHash } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { processEmailJob } from './process-email.ts';

export interface ReceivedEmail {
  source: 'smtp' | 'imap' | 'http';
  raw: Buffer;
  envelopeFrom?: string | null | undefined;
  envelopeTo?: readonly string[] | undefined;
  mailboxId?: string | null | undefined;
}

/**
 * Stores a received message and queues its processing, in one transaction. Callers acknowledge
 * the sender (SMTP 250, IMAP \Seen, HTTP 202) only after this returned: from then on the message
 * is in the database and will end up in a case or in quarantine.
 */
export async function receiveEmail(app: AppContext, email: ReceivedEmail): Promise<{ id: number }> {
  if (email.raw.length === 0) throw new AppError('validation_failed', 'The message is empty', [{ field: 'body', message: 'is empty' }]);
  if (email.raw.length > app.config.EMAIL_MAX_BYTES) throw new AppError('payload_too_large', `The message is larger than ${app.config.EMAIL_MAX_BYTES} bytes`);
  const sha256 = createHash('sha256').update(email.raw).digest('hex');
  return app.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: number }>(
      `insert into inbound_emails (source, mailbox_id, envelope_from, envelope_to, raw, size, sha256)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [email.source, email.mailboxId ?? null, email.envelopeFrom ?? null, [...(email.envelopeTo ?? [])].map((a) => a.toLowerCase()), email.raw, email.raw.length, sha256],
    );
    const id = rows[0]!.id;
    await app.jobs.enqueue(tx, processEmailJob, { inboundId: id });
    return { id };
  });
}
