import { inlineContentTypes, inlineImageTypes } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { VisitorPrincipal } from './visitors.ts';

export interface VisitorFile {
  fileName: string;
  content: Buffer;
  servedType: string;
  disposition: 'inline' | 'attachment';
}

/**
 * A file of a public message in one of the visitor's own conversations. The join demands a
 * message entry, so an attachment of a note is "not found" whatever id is asked for.
 */
export async function loadVisitorFile(db: Queryable, p: VisitorPrincipal, id: string): Promise<VisitorFile> {
  const { rows } = await db.query<{ file_name: string; content_type: string; content: string }>(
    `select a.file_name, a.content_type, encode(a.content, 'base64') as content
     from attachments a join case_entries e on e.id = a.entry_id and e.kind = 'message'
     join chat_conversations v on v.case_id = e.case_id and v.visitor_id = $2
     where a.id = $1`,
    [id, p.visitor.id],
  );
  const r = rows[0];
  if (!r) throw notFound('The file');
  return {
    fileName: r.file_name,
    content: Buffer.from(r.content, 'base64'),
    servedType: (inlineContentTypes as readonly string[]).includes(r.content_type) ? r.content_type : 'application/octet-stream',
    disposition: (inlineImageTypes as readonly string[]).includes(r.content_type) ? 'inline' : 'attachment',
  };
}
