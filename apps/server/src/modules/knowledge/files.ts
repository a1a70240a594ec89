/** Images and files of articles, stored in the database like case attachments. */
import { createHash } from 'node:crypto';
import { inlineContentTypes, inlineImageTypes, type KnowledgeFile } from '@switchboard/contracts';
import { authorId, type Actor } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { UploadedFile } from '../../platform/http/multipart.ts';
import { assertMayEditKnowledge, readableVisibilities } from './policy.ts';
import { fileUrl } from './queries.ts';

/** Stores an upload of an editor; it joins an article when an article names or shows it. */
export async function uploadKnowledgeFile(actor: Actor, tx: Tx, file: UploadedFile): Promise<KnowledgeFile> {
  assertMayEditKnowledge(actor);
  const { rows } = await tx.query<{ id: string; created_at: Date }>(
    `insert into knowledge_files (file_name, content_type, size, sha256, content, uploaded_by) values ($1, $2, $3, $4, $5, $6) returning id, created_at`,
    [file.fileName, file.contentType, file.content.length, createHash('sha256').update(file.content).digest('hex'), file.content, authorId(actor)],
  );
  const r = rows[0]!;
  return { id: r.id, fileName: file.fileName, contentType: file.contentType, size: file.content.length, url: fileUrl(r.id, file.fileName), createdAt: r.created_at.toISOString() };
}

/** Removes a file from its article (and the database). */
export async function deleteKnowledgeFile(actor: Actor, tx: Tx, id: string): Promise<void> {
  assertMayEditKnowledge(actor);
  const { rowCount } = await tx.query('delete from knowledge_files where id = $1', [id]);
  if (rowCount === 0) throw notFound('The file');
}

export interface ServedFile {
  fileName: string;
  content: Buffer;
  /** Content-Type to send: the stored one only for safe types, else a download. */
  servedType: string;
  disposition: 'inline' | 'attachment';
  /** Public files may be cached by anyone; others only privately. */
  public: boolean;
}

/**
 * A file for a reader: anyone for a file of a public article; staff for files of articles they
 * may read, and an editor for their own unattached uploads. Else "not found".
 */
export async function loadKnowledgeFile(db: Queryable, actor: Actor | null, id: string): Promise<ServedFile> {
  const { rows } = await db.query<{ file_name: string; content_type: string; content: string; uploaded_by: string | null; visibility: string | null }>(
    // base64 rather than bytea: PGlite parses bytea output byte by byte in JavaScript
    `select f.file_name, f.content_type, encode(f.content, 'base64') as content, f.uploaded_by, a.visibility
     from knowledge_files f left join knowledge_articles a on a.id = f.article_id where f.id = $1`,
    [id],
  );
  const r = rows[0];
  const readable = readableVisibilities(actor) as string[];
  const allowed = r !== undefined && (r.visibility === null ? actor !== null && r.uploaded_by === actor.id : readable.includes(r.visibility));
  if (!r || !allowed) throw notFound('The file');
  return {
    fileName: r.file_name,
    content: Buffer.from(r.content, 'base64'),
    servedType: (inlineContentTypes as readonly string[]).includes(r.content_type) ? r.content_type : 'application/octet-stream',
    disposition: (inlineImageTypes as readonly string[]).includes(r.content_type) ? 'inline' : 'attachment',
    public: r.visibility === 'public',
  };
}
