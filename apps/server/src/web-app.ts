import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from './platform/http/errors.ts';

/** Where `npm run build -w apps/web` puts the agent web app. */
export const webDist = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

// Mantine sets styles at run time, hence 'unsafe-inline' for styles only; scripts come from us alone.
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

const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Switchboard</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}code{background:#eef2f7;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><main><h1>Switchboard is running</h1><p>The web app is not built yet: run <code>npm start</code> (it builds the app first) or
<code>npm run build -w apps/web</code>. The API is at <code>/api/v1</code>, described at <a href="/api/docs">/api/docs</a>.</p></main></body></html>`;

const reserved = /^\/(api|healthz|metrics|portal|widget|help)(\/|$|\?)/;

/**
 * Serves the web app: hashed assets with a year of caching, and index.html (never cached) for every
 * other path that is not the API, so the app's own routes survive a reload.
 */
export async function registerWebApp(http: FastifyInstance, dir = webDist): Promise<void> {
  const built = existsSync(join(dir, 'index.html'));
  if (built) {
    await http.register(fastifyStatic, { root: join(dir, 'assets'), prefix: '/assets/', immutable: true, maxAge: '365d', index: false, wildcard: true });
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
  http.get('/favicon.svg', async (_req, reply) => {
    if (!favicon) throw new AppError('not_found', 'No favicon');
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(favicon);
  });
  http.get('/', async (_req, reply) => page(reply));
  http.get('/*', async (req, reply) => {
    if (reserved.test(req.url) || req.url.startsWith('/assets/')) throw new AppError('not_found', `No route for GET ${req.url.split('?')[0]}`);
    return page(reply);
  });
}
