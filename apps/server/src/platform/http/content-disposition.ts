/**
 * A Content-Disposition header value with the file name per RFC 6266: a quoted ASCII fallback
 * for old clients and `filename*` (RFC 8187, UTF-8, percent-encoded) with the exact name.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  // attr-char (RFC 8187) leaves only ALPHA / DIGIT / !#$&+-.^_`|~ unencoded.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
