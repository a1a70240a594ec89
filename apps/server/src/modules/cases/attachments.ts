import { createHash } from 'node:crypto';
import { inlineContentTypes, inlineImageTypes, type Attachment } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { canSeeCase } from './policy.ts';

interface AttachmentRow {
  id: string;
  entry_id: number | null;
  file_name: string;
  content_type: string;
  size: number;
  content_id?: string | null;
  created_at: Date;
}

const columns = 'a.id, a.entry_id, a.file_name, a.content_type, a.size, a.content_id, a.created_at';

export const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  fileName: r.file_name,
  contentType: r.content_type,
  size: r.size,
  contentId: r.content_id ?? null,
  createdAt: r.created_at.toISOString(),
});

/** The attachments of many timeline entries in one query, by entry id (upload order). */
export async function attachmentsOfEntries(db: Queryable, entryIds: readonly number[]): Promise<Map<number, Attachment[]>> {
  const out = new Map<number, Attachment[]>();
  if (entryIds.length === 0) return out;
  const { rows } = await db.query<AttachmentRow>(`select ${columns} from attachments a where a.entry_id = any($1::int8[]) order by a.created_at, a.id`, [entryIds]);
  for (const r of rows) {
    const list = out.get(r.entry_id!) ?? [];
    list.push(toAttachment(r));
    out.set(r.entry_id!, list);
  }
  return out;
}

/**
 * Links the actor's own, not yet sent uploads to a new entry (and its case). An id that is
 * someone else's upload, already sent, or unknown is refused with 422 naming its position.
 */
export async function linkAttachments(tx: Tx, actor: Actor, caseId: string, entryId: number, ids: readonly string[]): Promise<Attachment[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.query<AttachmentRow>(
    `update attachments a set case_id = $1, entry_id = $2 where a.id = any($3::uuid[]) and a.uploaded_by = $4 and a.entry_id is null
     returning ${columns}`,
    [caseId, entryId, [...new Set(ids)], actor.via === 'system' ? null : actor.id],
  );
  const linked = new Set(rows.map((r) => r.id));
  const bad = ids.findIndex((id) => !linked.has(id));
  if (bad >= 0) {
    const field = `body.attachmentIds.${bad}`;
    throw new AppError('unprocessable', `${field}: is not an upload of yours that is still unsent`, [{ field, message: 'is not an upload of yours that is still unsent' }]);
  }
  return rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id)).map(toAttachment);
}

export interface AttachmentFile {
  fileName: string;
  contentType: string;
  content: Buffer;
  /** Content-Type to send: the stored one only for safe types. */
  servedType: string;
  disposition: 'inline' | 'attachment';
}

/**
 * The bytes of an attachment for someone who may see its case (or the case it was merged into);
 * an unsent upload only for its uploader. Anything else is "not found", so existence does not leak.
 */
export async function loadAttachmentFile(db: Queryable, actor: Actor, id: string): Promise<AttachmentFile> {
  const { rows } = await db.query<{
    file_name: string;
    content_type: string;
    content: string;
    uploaded_by: string;
    case_id: string | null;
    team_id: string | null;
    assignee_id: string | null;
    target_team_id: string | null;
    target_assignee_id: string | null;
    merged: boolean;
  }>(
    // base64 rather than bytea: PGlite parses bytea output byte by byte in JavaScript.
    `select a.file_name, a.content_type, encode(a.content, 'base64') as content, a.uploaded_by, a.case_id, c.team_id, c.assignee_id,
       m.team_id as target_team_id, m.assignee_id as target_assignee_id, m.id is not null as merged
     from attachments a left join cases c on c.id = a.case_id left join cases m on m.id = c.merged_into_id
     where a.id = $1`,
    [id],
  );
  const r = rows[0];
  const allowed =
    r !== undefined &&
    (r.case_id === null
      ? r.uploaded_by === actor.id
      : canSeeCase(actor, { teamId: r.team_id, assigneeId: r.assignee_id }) || (r.merged && canSeeCase(actor, { teamId: r.target_team_id, assigneeId: r.target_assignee_id })));
  if (!r || !allowed) throw notFound('The attachment');
  const safe = (inlineContentTypes as readonly string[]).includes(r.content_type);
  return {
    fileName: r.file_name,
    contentType: r.content_type,
    content: Buffer.from(r.content, 'base64'),
    servedType: safe ? r.content_type : 'application/octet-stream',
    disposition: (inlineImageTypes as readonly string[]).includes(r.content_type) ? 'inline' : 'attachment',
  };
}

/** A file that arrived with a customer's message (an email attachment or inline image). */
export interface ReceivedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
  /** The cid: an HTML body refers to it by. */
  contentId?: string | null | undefined;
}

/**
 * Stores files that came with an inbound message on its entry. Files larger than the upload limit
 * are not stored as attachments (the raw message keeps them); their names are returned.
 */
export async function attachReceivedFiles(tx: Tx, caseId: string, entryId: number, files: readonly ReceivedFile[], maxBytes: number): Promise<{ stored: number; tooLarge: string[] }> {
  const tooLarge: string[] = [];
  let stored = 0;
  for (const f of files) {
    if (f.content.length === 0) continue;
    if (f.content.length > maxBytes) {
      tooLarge.push(f.fileName);
      continue;
    }
    await tx.query(
      `insert into attachments (file_name, content_type, size, sha256, content, case_id, entry_id, content_id) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [f.fileName.slice(0, 255), f.contentType.slice(0, 255), f.content.length, createHash('sha256').update(f.content).digest('hex'), f.content, caseId, entryId, f.contentId ?? null],
    );
    stored++;
  }
  return { stored, tooLarge };
}
