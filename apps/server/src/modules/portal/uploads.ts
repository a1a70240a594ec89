/**
 * Files customers send: uploaded one at a time (so a file that is too large is refused at once,
 * before they finish writing), kept private to the customer, and moved onto the message as case
 * attachments when it is sent (`attachReceivedFiles` of the cases module).
 */
import type { PortalAttachment } from '@switchboard/contracts';
import { inlineContentTypes, inlineImageTypes } from '@switchboard/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { UploadedFile } from '../../platform/http/multipart.ts';
import type { ReceivedFile } from '../cases/index.ts';
import { canSeeRequest, type PortalViewer } from './policy.ts';
import type { CustomerPrincipal } from './sessions.ts';

/** The largest file a customer may send: PORTAL_ATTACHMENT_MAX_BYTES, never above ATTACHMENT_MAX_BYTES. */
export const portalMaxBytes = (app: AppContext): number => Math.min(app.config.PORTAL_ATTACHMENT_MAX_BYTES, app.config.ATTACHMENT_MAX_BYTES);

/** At most this many unsent uploads per customer at a time: the portal is not file storage. */
const MAX_PENDING = 20;

/** Stores an upload for the customer; forgets their unsent uploads older than a day. */
export async function uploadPortalFile(tx: Tx, principal: CustomerPrincipal, file: UploadedFile): Promise<PortalAttachment> {
  await tx.query(`delete from portal_uploads where customer_id = $1 and created_at < now() - interval '1 day'`, [principal.customerId]);
  const { rows: count } = await tx.query<{ n: number }>('select count(*)::int as n from portal_uploads where customer_id = $1', [principal.customerId]);
  if (count[0]!.n >= MAX_PENDING) throw new AppError('unprocessable', `You have ${MAX_PENDING} files waiting to be sent; send or remove some first`);
  const { rows } = await tx.query<{ id: string; file_name: string; content_type: string; size: number }>(
    // base64 decoded by the database: both drivers would otherwise hex-encode the bytes in JavaScript.
    `insert into portal_uploads (customer_id, file_name, content_type, size, content) values ($1, $2, $3, $4, decode($5, 'base64'))
     returning id, file_name, content_type, size`,
    [principal.customerId, file.fileName, file.contentType, file.content.length, file.content.toString('base64')],
  );
  const r = rows[0]!;
  return { id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size };
}

/** Removes one of the customer's unsent uploads (they changed their mind). */
export async function removePortalUpload(tx: Tx, principal: CustomerPrincipal, id: string): Promise<void> {
  const { rowCount } = await tx.query('delete from portal_uploads where id = $1 and customer_id = $2', [id, principal.customerId]);
  if (rowCount === 0) throw notFound('The upload');
}

/**
 * Takes the customer's own unsent uploads out of the waiting room to send them with a message.
 * An id that is not theirs (or gone) is refused with 422 naming its position.
 */
export async function takeUploads(tx: Tx, principal: CustomerPrincipal, ids: readonly string[]): Promise<ReceivedFile[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.query<{ id: string; file_name: string; content_type: string; content: string; created_at: Date }>(
    `delete from portal_uploads where id = any($1::uuid[]) and customer_id = $2
     returning id, file_name, content_type, encode(content, 'base64') as content, created_at`,
    [[...new Set(ids)], principal.customerId],
  );
  const found = new Set(rows.map((r) => r.id));
  const bad = ids.findIndex((id) => !found.has(id));
  if (bad >= 0) {
    const field = `body.uploadIds.${bad}`;
    throw new AppError('unprocessable', `${field}: is not a file you uploaded (or it was removed after a day); upload it again`, [{ field, message: 'is not an upload of yours' }]);
  }
  return rows
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id))
    .map((r) => ({ fileName: r.file_name, contentType: r.content_type, content: Buffer.from(r.content, 'base64') }));
}

export interface PortalFile {
  fileName: string;
  content: Buffer;
  servedType: string;
  disposition: 'inline' | 'attachment';
}

/**
 * An attachment of a public message on a request the customer may see. Attachments of notes are
 * never served here (the join demands a message), whatever id is asked for.
 */
export async function loadPortalAttachment(db: Queryable, viewer: PortalViewer, id: string): Promise<PortalFile> {
  const { rows } = await db.query<{ file_name: string; content_type: string; content: string; requester_id: string; organization_id: string | null }>(
    `select a.file_name, a.content_type, encode(a.content, 'base64') as content, c.requester_id, c.organization_id
     from attachments a join case_entries e on e.id = a.entry_id and e.kind = 'message' join cases c on c.id = a.case_id
     where a.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r || !canSeeRequest(viewer, { requesterId: r.requester_id, organizationId: r.organization_id })) throw notFound('The attachment');
  const safe = (inlineContentTypes as readonly string[]).includes(r.content_type);
  return {
    fileName: r.file_name,
    content: Buffer.from(r.content, 'base64'),
    servedType: safe ? r.content_type : 'application/octet-stream',
    disposition: (inlineImageTypes as readonly string[]).includes(r.content_type) ? 'inline' : 'attachment',
  };
}
