import type { z } from 'zod';
import {
  CreatePortalRequestBody,
  IdParams,
  PortalBranding,
  PortalCustomer,
  PortalForm,
  PortalMessage,
  PortalReplyBody,
  PortalRequest,
  PortalRequestPage,
  PortalRequestParams,
  PortalRequestsQuery,
  PortalSession,
  PortalUpload,
  RedeemSignInLinkBody,
  RequestSignInLinkBody,
  SignInLinkRequested,
  UpdatePortalProfileBody,
} from '@switchboard/contracts';
import { systemActor } from '../../platform/context.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { AppError } from '../../platform/http/errors.ts';
import { readUpload } from '../../platform/http/multipart.ts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { updateCustomer } from '../customers/index.ts';
import { getBranding } from './branding.ts';
import { createPortalRequest } from './create-request.ts';
import { portalForm } from './form.ts';
import { loadLogo } from './manage-settings.ts';
import { getRequest, listRequests, portalCustomer, viewerOf } from './queries.ts';
import { replyToRequest } from './reply-to-request.ts';
import { clearPortalCookie, endPortalSession, principalOf, requireCustomer, sameOrigin, setPortalCookie, type CustomerPrincipal } from './sessions.ts';
import { redeemSignInLink, requestSignInLink } from './sign-in.ts';
import { solveRequest } from './solve-request.ts';
import { loadPortalAttachment, portalMaxBytes, removePortalUpload, uploadPortalFile } from './uploads.ts';

const tag = 'Portal';
type Schema = z.ZodType | undefined;
type Ctx<B extends Schema, Q extends Schema, P extends Schema> = Parameters<RouteSpec<B, Q, P>['handler']>[0];

/**
 * A route for signed-in customers. It is 'public' to the staff authenticator, which never sees
 * customers; the customer comes from the portal cookie (and, for changes, its CSRF token) here.
 */
function customerRoute<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  spec: Omit<RouteSpec<B, Q, P>, 'auth' | 'tag' | 'handler'> & { handler: (ctx: Ctx<B, Q, P> & { customer: CustomerPrincipal }) => Promise<unknown> },
): RouteSpec {
  return route<B, Q, P>({ ...spec, tag, auth: 'public', handler: async (ctx) => spec.handler({ ...ctx, customer: await requireCustomer(ctx.app, ctx.req) }) });
}

const fileHeaders = (type: string, disposition: 'inline' | 'attachment', name: string) => ({
  'content-type': type,
  'content-disposition': contentDisposition(disposition, name),
  'x-content-type-options': 'nosniff',
  'content-security-policy': "sandbox; default-src 'none'",
  'cache-control': 'private, max-age=3600',
});

export const portalRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/portal/branding',
    summary: 'Company name, colour, logo, welcome texts and whether anyone may sign up (public)',
    tag,
    auth: 'public',
    response: PortalBranding,
    handler: async ({ app }) => getBranding(app.db),
  }),
  route({
    method: 'GET',
    path: '/api/v1/portal/logo',
    summary: 'The company logo (public)',
    tag,
    auth: 'public',
    handler: async ({ app, reply }) => {
      const logo = await loadLogo(app.db);
      if (!logo) throw new AppError('not_found', 'No logo was uploaded');
      reply.headers({ 'content-type': logo.type, 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=86400' });
      return logo.content;
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/portal/auth/link',
    summary: 'Ask for a one-time sign-in link by email; the answer is the same for every address',
    tag,
    auth: 'public',
    body: RequestSignInLinkBody,
    response: SignInLinkRequested,
    status: 202,
    handler: async ({ app, body, req }) => {
      if (!sameOrigin(req)) throw new AppError('csrf_failed', 'Ask for a link from the portal itself');
      return app.db.transaction((tx) => requestSignInLink(app, tx, req.ip, body));
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/portal/auth/redeem',
    summary: 'Sign in with the token of a sign-in link (once, within 15 minutes); sets the portal cookie',
    tag,
    auth: 'public',
    body: RedeemSignInLinkBody,
    response: PortalSession,
    handler: async ({ app, body, req, reply }) => {
      // Another site must not sign a visitor in to an account of its choosing (login CSRF).
      if (!sameOrigin(req)) throw new AppError('csrf_failed', 'Open the link in the portal itself');
      const s = await app.db.transaction((tx) => redeemSignInLink(app, tx, req, body.token));
      setPortalCookie(app, reply, s);
      const principal = (await principalOf(app.db, s.secret))!;
      return { customer: await portalCustomer(app.db, principal), csrfToken: s.csrfToken, returnTo: s.returnTo };
    },
  }),
  customerRoute({
    method: 'GET',
    path: '/api/v1/portal/session',
    summary: 'The signed-in customer, with the CSRF token of the portal session',
    response: PortalSession,
    handler: async ({ app, customer }) => ({ customer: await portalCustomer(app.db, customer), csrfToken: customer.csrfToken, returnTo: null }),
  }),
  customerRoute({
    method: 'POST',
    path: '/api/v1/portal/auth/logout',
    summary: 'Sign out of the portal',
    handler: async ({ app, customer, reply }) => {
      await endPortalSession(app.db, customer);
      clearPortalCookie(reply);
      return undefined;
    },
  }),
  customerRoute({
    method: 'PATCH',
    path: '/api/v1/portal/me',
    summary: 'Change your name or the language of mails',
    body: UpdatePortalProfileBody,
    response: PortalCustomer,
    handler: async ({ app, customer, body }) => {
      await app.db.transaction(async (tx) => {
        const { rows } = await tx.query<{ version: number }>('select version from customers where id = $1', [customer.customerId]);
        await updateCustomer(app, systemActor, tx, customer.customerId, rows[0]!.version, { name: body.name, preferredLanguage: body.language });
      });
      return portalCustomer(app.db, { ...customer, name: body.name ?? customer.name, language: body.language ?? customer.language });
    },
  }),
  customerRoute({
    method: 'GET',
    path: '/api/v1/portal/form',
    summary: 'The new-request form: topics and their customer-visible fields, upload limits',
    response: PortalForm,
    handler: async ({ app }) => portalForm(app.db, portalMaxBytes(app)),
  }),
  customerRoute({
    method: 'GET',
    path: '/api/v1/portal/requests',
    summary: "Your requests (or, scope=organization, your organization's where it shares them)",
    query: PortalRequestsQuery,
    response: PortalRequestPage,
    handler: async ({ app, customer, query }) => listRequests(app.db, await viewerOf(app.db, customer), query),
  }),
  customerRoute({
    method: 'POST',
    path: '/api/v1/portal/requests',
    summary: 'Open a new request',
    body: CreatePortalRequestBody,
    response: PortalRequest,
    status: 201,
    handler: async ({ app, customer, body }) => app.db.transaction((tx) => createPortalRequest(app, customer, tx, body)),
  }),
  customerRoute({
    method: 'GET',
    path: '/api/v1/portal/requests/:ref',
    summary: 'One of your requests with its conversation (messages only)',
    params: PortalRequestParams,
    response: PortalRequest,
    handler: async ({ app, customer, params }) => getRequest(app.db, await viewerOf(app.db, customer), params.ref),
  }),
  customerRoute({
    method: 'POST',
    path: '/api/v1/portal/requests/:ref/messages',
    summary: 'Write to your request (with files uploaded before)',
    params: PortalRequestParams,
    body: PortalReplyBody,
    response: PortalMessage,
    status: 201,
    handler: async ({ app, customer, params, body }) => app.db.transaction((tx) => replyToRequest(app, customer, tx, params.ref, body)),
  }),
  customerRoute({
    method: 'POST',
    path: '/api/v1/portal/requests/:ref/solve',
    summary: 'Mark your request as solved',
    params: PortalRequestParams,
    response: PortalRequest,
    handler: async ({ app, customer, params }) => app.db.transaction((tx) => solveRequest(app, customer, tx, params.ref)),
  }),
  customerRoute({
    method: 'POST',
    path: '/api/v1/portal/uploads',
    summary: 'Upload a file (multipart/form-data, field "file") to send with a request or message',
    multipart: true,
    response: PortalUpload,
    status: 201,
    handler: async ({ app, customer, req }) => {
      const file = await readUpload(req, 'file', portalMaxBytes(app));
      return app.db.transaction((tx) => uploadPortalFile(tx, customer, file));
    },
  }),
  customerRoute({
    method: 'DELETE',
    path: '/api/v1/portal/uploads/:id',
    summary: 'Remove a file you uploaded and did not send',
    params: IdParams,
    handler: async ({ app, customer, params }) => {
      await app.db.transaction((tx) => removePortalUpload(tx, customer, params.id));
      return undefined;
    },
  }),
  customerRoute({
    method: 'GET',
    path: '/api/v1/portal/attachments/:id',
    summary: 'Download a file of a message on one of your requests',
    params: IdParams,
    handler: async ({ app, customer, params, reply }) => {
      const file = await loadPortalAttachment(app.db, await viewerOf(app.db, customer), params.id);
      reply.headers(fileHeaders(file.servedType, file.disposition, file.fileName));
      return file.content;
    },
  }),
];
