import { createHash } from 'node:crypto';
import type { Attachment } from '@switchboard/contracts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { UploadedFile } from '../../platform/http/multipart.ts';
import { toAttachment } from './attachments.ts';

/**
 * Stores an uploaded file in the database (so every instance can serve it). It stays private to
 * the uploader until they send it with a message or note (addEntry with `attachmentIds`).
 */
export async function uploadAttachment(app: AppContext, actor: Actor, tx: Tx, file: UploadedFile): Promise<Attachment> {
  if (actor.via === 'system' || actor.role === 'customer') throw new AppError('forbidden', 'Only staff upload attachments here');
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const { rows } = await tx.query<Parameters<typeof toAttachment>[0]>(
    // Sent as base64 text and decoded by the database: both drivers would otherwise hex-encode the
    // bytes in JavaScript (PGlite byte by byte, seconds for 20 MiB).
    `insert into attachments (file_name, content_type, size, sha256, content, uploaded_by) values ($1, $2, $3, $4, decode($5, 'base64'), $6)
     returning id, entry_id, file_name, content_type, size, created_at`,
    [file.fileName, file.contentType, file.content.length, sha256, file.content.toString('base64'), actor.id],
  );
  const attachment = toAttachment(rows[0]!);
  await app.events.emit(tx, {
    type: 'attachment.uploaded',
    actorId: actor.id,
    audience: { userIds: [actor.id], teamIds: [], staff: false, personal: true },
    payload: { attachment },
  });
  return attachment;
}
