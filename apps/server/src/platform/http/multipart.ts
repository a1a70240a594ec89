import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export interface UploadedFile {
  fileName: string;
  /** The declared type, lower case and without parameters; application/octet-stream if unusable. */
  contentType: string;
  content: Buffer;
}

const mediaType = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
// Slack for the multipart framing around the file: boundaries, part headers, a long file name.
const FRAMING_BYTES = 64 * 1024;

const missing = (field: string, message: string) => new AppError('validation_failed', `body.${field}: ${message}`, [{ field: `body.${field}`, message }]);

function mebibytes(bytes: number): string {
  return bytes >= 1_048_576 ? `${Math.round((bytes / 1_048_576) * 10) / 10} MiB` : `${bytes} bytes`;
}

/** The base name a browser sent, without folders or control characters, at most 255 characters. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? 'attachment' : clean;
}

export function cleanContentType(raw: string | undefined): string {
  const type = (raw ?? '').split(';')[0]!.trim().toLowerCase();
  return mediaType.test(type) ? type : 'application/octet-stream';
}

/** Maps the multipart plugin's and the parser's errors onto precise problems. */
function uploadError(err: unknown, maxBytes: number): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('payload_too_large', `The file is larger than the limit of ${mebibytes(maxBytes)}`, [], { maxBytes });
  if (code === 'FST_FILES_LIMIT') return missing('file', 'send one file per request');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new AppError('validation_failed', 'The form has too many parts; send only the file field');
  if (code === 'FST_PROTO_VIOLATION') return new AppError('validation_failed', 'A form field has a name that is not allowed');
  return new AppError('malformed_request', 'The multipart/form-data body could not be read');
}

/**
 * Reads a multipart/form-data request with exactly one file in `field` into memory (at most
 * `maxBytes`). Anything else — no such field, an empty file, other fields, a second file, a file
 * too large — is a 4xx problem; nothing is kept of a refused upload.
 */
export async function readUpload(req: FastifyRequest, field: string, maxBytes: number): Promise<UploadedFile> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', `Send multipart/form-data with the file in the field "${field}"`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + FRAMING_BYTES) {
    throw new AppError('payload_too_large', `The file is larger than the limit of ${mebibytes(maxBytes)}`, [], { maxBytes });
  }
  let upload: UploadedFile | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } })) {
      if (part.type !== 'file') throw new AppError('validation_failed', `body.${part.fieldname}: unknown field`, [{ field: `body.${part.fieldname}`, message: 'unknown field' }]);
      if (part.fieldname !== field) {
        part.file.resume();
        throw new AppError('validation_failed', `body.${part.fieldname}: unknown field; send the file as "${field}"`, [{ field: `body.${part.fieldname}`, message: 'unknown field' }]);
      }
      const content = await part.toBuffer();
      upload = { fileName: cleanFileName(part.filename), contentType: cleanContentType(part.mimetype), content };
    }
  } catch (err) {
    throw uploadError(err, maxBytes);
  }
  if (!upload) throw missing(field, 'is required: send the file in this form field');
  if (upload.content.length === 0) throw missing(field, 'is empty');
  return upload;
}
