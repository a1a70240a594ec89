import { timingSafeEqual } from 'node:crypto';
import { IdParams } from '@switchboard/contracts';
import { CreateMailboxBody, InboundEmailList, InboundEmailQuery, InboundIdParams, IngestResponse, Mailbox, UpdateMailboxBody } from '@switchboard/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { assertAdmin } from '../identity/index.ts';
import { createMailbox, reprocessEmail, updateMailbox } from './manage-mailboxes.ts';
import { listInbound, listMailboxes } from './queries.ts';
import { receiveEmail } from './receive-email.ts';

const tag = 'Email';

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export const emailRoutes: RouteSpec[] = [
  route({
    method: 'POST',
    path: '/api/v1/email/inbound',
    summary: 'Accepts one raw RFC 5322 message (Content-Type: message/rfc822) from an MTA pipe or a provider webhook; Bearer EMAIL_INGEST_TOKEN. 202 means stored: it will be in a case or in quarantine.',
    tag,
    auth: 'public',
    rawBody: 'message/rfc822',
    query: z.object({ mailbox: z.uuid().optional() }).strict(),
    status: 202,
    response: IngestResponse,
    handler: async ({ app, req, query }) => {
      const expected = app.config.EMAIL_INGEST_TOKEN;
      if (!expected) throw new AppError('not_found', 'HTTP ingest is off: set EMAIL_INGEST_TOKEN to turn it on');
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!sameToken(given, expected)) throw new AppError('unauthenticated', 'Send Authorization: Bearer <EMAIL_INGEST_TOKEN>');
      const stored = await receiveEmail(app, { source: 'http', raw: req.body as Buffer, mailboxId: query.mailbox ?? null });
      return { id: stored.id, state: 'received' as const };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/email/inbound',
    summary: 'Received messages in one state, newest first; `state=quarantined` (default) is the quarantine (admins)',
    tag,
    auth: 'staff',
    query: InboundEmailQuery,
    response: InboundEmailList,
    handler: ({ app, actor, query }) => {
      assertAdmin(actor);
      return listInbound(app.db, query);
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/email/inbound/:id/raw',
    summary: 'The message exactly as received, as an .eml download (admins)',
    tag,
    auth: 'staff',
    params: InboundIdParams,
    handler: async ({ app, actor, params, reply }) => {
      assertAdmin(actor);
      const { rows } = await app.db.query<{ raw: Uint8Array }>(`select raw from inbound_emails where id = $1`, [params.id]);
      if (!rows[0]) throw new AppError('not_found', `Message ${params.id} was not found`);
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename="message-${params.id}.eml"`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(rows[0].raw));
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/email/inbound/:id/reprocess',
    summary: 'Processes a quarantined message again (admins)',
    tag,
    auth: 'staff',
    params: InboundIdParams,
    status: 204,
    handler: async ({ actor, params, transaction, app }) => {
      await transaction((tx) => reprocessEmail(app, actor, tx, params.id));
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/mailboxes',
    summary: 'Addresses Switchboard receives mail for, and the team each routes new cases to (admins)',
    tag,
    auth: 'staff',
    response: z.object({ items: z.array(Mailbox) }),
    handler: async ({ app, actor }) => {
      assertAdmin(actor);
      return { items: await listMailboxes(app.db) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/mailboxes',
    summary: 'Adds a mailbox (admins)',
    tag,
    auth: 'staff',
    body: CreateMailboxBody,
    status: 201,
    response: Mailbox,
    handler: ({ app, actor, body, transaction }) => transaction((tx) => createMailbox(app, actor, tx, body)),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/mailboxes/:id',
    summary: 'Changes a mailbox (admins; If-Match)',
    tag,
    auth: 'staff',
    params: IdParams,
    body: UpdateMailboxBody,
    versioned: true,
    response: Mailbox,
    handler: ({ app, actor, params, body, transaction, expectedVersion }) =>
      transaction((tx) => updateMailbox(app, actor, tx, params.id, expectedVersion(body.version), body)),
  }),
];
