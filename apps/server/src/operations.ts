import type { FastifyInstance } from 'fastify';
import type { AppContext } from './platform/context.ts';
import { renderDocsPage } from './platform/http/docs-page.ts';

/** Health, metrics and the OpenAPI document. */
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
  http.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    ctx.metrics.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
    ctx.metrics.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
}
