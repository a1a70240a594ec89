import { Attachment, IdParams } from '@switchboard/contracts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { readUpload } from '../../platform/http/multipart.ts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { loadAttachmentFile } from './attachments.ts';
import { uploadAttachment } from './upload-attachment.ts';

const tag = 'Attachments';

export const attachmentRoutes: RouteSpec[] = [
  route({
    method: 'POST',
    path: '/api/v1/attachments',
    summary: 'Upload a file (multipart/form-data, field "file"); send its id with a message or note (attachmentIds)',
    tag,
    auth: 'staff',
    multipart: true,
    response: Attachment,
    status: 201,
    handler: async ({ app, actor, req, transaction }) => {
      // The whole file is read (and checked) before the transaction: a refused upload leaves nothing.
      const file = await readUpload(req, 'file', app.config.ATTACHMENT_MAX_BYTES);
      return transaction((tx) => uploadAttachment(app, actor, tx, file));
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/attachments/:id',
    summary: 'Download an attachment (for those who may see its case; an unsent upload for its uploader)',
    tag,
    auth: 'staff',
    params: IdParams,
    handler: async ({ app, actor, params, reply }) => {
      const file = await loadAttachmentFile(app.db, actor, params.id);
      reply.headers({
        'content-type': file.servedType,
        'content-disposition': contentDisposition(file.disposition, file.fileName),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
        'cache-control': 'private, max-age=3600',
      });
      return file.content;
    },
  }),
];
