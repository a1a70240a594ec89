import type { FastifyRequest } from 'fastify';
import { IdParams, WidgetMessage, WidgetMessageBody, WidgetProfileBody, WidgetSession, WidgetSessionBody, WidgetUploadQuery } from '@switchboard/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { readUpload } from '../../platform/http/multipart.ts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { channelRow, uploadLimit, visitorMessages } from './queries.ts';
import { sendVisitorMessage } from './send-visitor-message.ts';
import { loadVisitorFile } from './visitor-files.ts';
import { startVisitorSession, updateVisitorProfile, visitorByToken, type VisitorPrincipal } from './visitors.ts';
import { assertRequestOrigin } from './widget-origin.ts';

const tag = 'Chat widget';

/** The visitor of the request's X-Widget-Token, from an allowed website only. */
async function visitorOf(app: AppContext, req: FastifyRequest): Promise<VisitorPrincipal> {
  const token = req.headers['x-widget-token'];
  const p = await visitorByToken(app.db, typeof token === 'string' ? token : undefined);
  assertRequestOrigin(req, app.config, p.channel);
  return p;
}

const Sent = z.object({ message: WidgetMessage, duplicate: z.boolean() });
const State = WidgetSession.omit({ token: true });

/** What the widget frame calls (no staff session: a visitor token from the frame's storage). */
export const widgetRoutes: RouteSpec[] = [
  route({
    method: 'POST',
    path: '/api/v1/widget/sessions',
    summary: 'Starts or resumes a visitor session: a stored token continues the conversation; an identity (user id + HMAC-SHA256 signature) recognises a signed-in customer; a forged signature is refused (403)',
    tag,
    auth: 'public',
    body: WidgetSessionBody,
    response: WidgetSession,
    handler: async ({ app, req, body }) => {
      const ch = await channelRow(app.db, body.channelId);
      if (ch) assertRequestOrigin(req, app.config, ch);
      return app.db.transaction((tx) => startVisitorSession(app, tx, body));
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/widget/profile',
    summary: 'The pre-chat form: the visitor’s name, email and topic (X-Widget-Token)',
    tag,
    auth: 'public',
    body: WidgetProfileBody,
    response: State,
    handler: async ({ app, req, body }) => {
      const p = await visitorOf(app, req);
      return app.db.transaction((tx) => updateVisitorProfile(app, tx, p, body));
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/widget/messages',
    summary: 'The public messages of the visitor’s conversation after an id (X-Widget-Token); notes never appear',
    tag,
    auth: 'public',
    query: z.object({ after: z.coerce.number().int().min(0).default(0) }).strict(),
    response: z.object({ items: z.array(WidgetMessage) }),
    handler: async ({ app, req, query }) => {
      const p = await visitorOf(app, req);
      const { rows } = await app.db.query<{ case_id: string }>('select case_id from chat_conversations where visitor_id = $1 order by created_at desc limit 1', [p.visitor.id]);
      return { items: rows[0] ? await visitorMessages(app.db, rows[0].case_id, query.after) : [] };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/widget/messages',
    summary: 'Sends a visitor message (X-Widget-Token); the same clientId again returns the stored message (duplicate: true) and writes nothing',
    tag,
    auth: 'public',
    body: WidgetMessageBody,
    response: Sent,
    status: 201,
    handler: async ({ app, req, body }) => {
      const p = await visitorOf(app, req);
      const sent = await app.db.transaction((tx) => sendVisitorMessage(app, tx, p, body));
      return { message: sent.message, duplicate: sent.duplicate };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/widget/uploads',
    summary: 'Sends a file as a visitor message (multipart/form-data, field "file"; X-Widget-Token); larger than the channel allows: 413 with maxBytes',
    tag,
    auth: 'public',
    multipart: true,
    query: WidgetUploadQuery,
    response: Sent,
    status: 201,
    handler: async ({ app, req, query }) => {
      const p = await visitorOf(app, req);
      // Read (and size-checked) before the transaction: a refused file leaves nothing behind.
      const file = await readUpload(req, 'file', uploadLimit(p.channel, app.config.ATTACHMENT_MAX_BYTES));
      const sent = await app.db.transaction((tx) => sendVisitorMessage(app, tx, p, { clientId: query.clientId, body: file.fileName, file }));
      return { message: sent.message, duplicate: sent.duplicate };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/widget/files/:id',
    summary: 'Downloads a file of a public message of the visitor’s own conversation (X-Widget-Token)',
    tag,
    auth: 'public',
    params: IdParams,
    handler: async ({ app, req, params, reply }) => {
      const p = await visitorOf(app, req);
      const file = await loadVisitorFile(app.db, p, params.id);
      reply.headers({
        'content-type': file.servedType,
        'content-disposition': contentDisposition(file.disposition, file.fileName),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
        'cache-control': 'private, no-store',
      });
      return file.content;
    },
  }),
];
