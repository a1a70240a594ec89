import type { FastifyInstance } from 'fastify';
import type { AppContext } from './platform/context.ts';
import { renderDocsPage } from './platform/http/docs-page.ts';

const landing = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Switchboard</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2933}
code{background:#eef2f7;padding:.1rem .3rem;border-radius:4px}a{color:#1d4ed8}</style></head>
<body><main><h1>Switchboard is running</h1>
<p>The API is at <code>/api/v1</code>; its OpenAPI 3.1 description is at <a href="/api/docs">/api/docs</a>.</p>
<p>Health: <a href="/healthz">/healthz</a> · Metrics: <a href="/metrics">/metrics</a></p></main></body></html>`;

/** Health, metrics, the OpenAPI document and the landing page. */
export function operationsRoutes(http: FastifyInstance, ctx: AppContext, openapi: Record<string, unknown>): void {
  http.get('/healthz', async (_req, reply) => {
    try {
      await ctx.db.query('select 1');
      return { status: 'ok', database: ctx.db.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: ctx.db.kind });
    }
  });
  http.get('/metrics', async (_req, reply) => {
    reply.type(ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
  const docsPage = renderDocsPage(openapi);
  // Browsers get a readable page; API clients (Accept: application/json or */*) the document.
  http.get('/api/docs', async (req, reply) => {
    const accept = req.headers.accept ?? '';
    if (accept.includes('text/html') && !accept.startsWith('application/json')) return reply.type('text/html; charset=utf-8').send(docsPage);
    return openapi;
  });
  http.get('/api/docs/openapi.json', async () => openapi);
  http.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(landing));
  http.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    ctx.metrics.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
    ctx.metrics.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
}
