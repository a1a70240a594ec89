/**
 * Serves the customer portal (apps/portal, built by Vite with base '/portal/') under /portal:
 * hashed assets for a year, index.html with a strict CSP for every other /portal path so the
 * portal's own routes (/portal/requests/42) survive a reload — and the customer WebSocket.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { registerPortalSocket } from './realtime.ts';

/** Where `npm run build -w apps/portal` puts the portal. */
export const portalDist = join(dirname(fileURLToPath(import.meta.url)), '../../../../portal/dist');

// As the agent app's: Mantine sets styles at run time; scripts only from us; no framing.
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Customer portal</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>The customer portal is not built yet</h1><p>Run <code>npm start</code> (it builds it first) or <code>npm run build -w apps/portal</code>.</p></main></body></html>`;

/**
 * Mounts /portal and /api/v1/portal/realtime. Call after the realtime gateway registered the
 * WebSocket plugin; returns a function that closes the customer sockets.
 */
export async function registerPortal(http: FastifyInstance, app: AppContext, dir = portalDist): Promise<() => void> {
  const built = existsSync(join(dir, 'index.html'));
  if (built) {
    await http.register(fastifyStatic, { root: join(dir, 'assets'), prefix: '/portal/assets/', immutable: true, maxAge: '365d', index: false, wildcard: true, decorateReply: false });
  }
  const page = (reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', csp)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .send(built ? readFileSync(join(dir, 'index.html')) : notBuilt);
  const favicon = built && existsSync(join(dir, 'favicon.svg')) ? readFileSync(join(dir, 'favicon.svg')) : null;
  http.get('/portal/favicon.svg', async (_req, reply) => {
    if (!favicon) throw new AppError('not_found', 'No favicon');
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(favicon);
  });
  http.get('/portal', async (_req, reply) => page(reply));
  http.get('/portal/*', async (req, reply) => {
    if (req.url.startsWith('/portal/assets/')) throw new AppError('not_found', `No file ${req.url.split('?')[0]}`);
    return page(reply);
  });
  return registerPortalSocket(http, app);
}
