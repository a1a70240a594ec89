import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../src/app.ts';
import { ConfigError, parseConfig } from '../src/platform/config.ts';
import { startTestApp, type TestApp } from './harness.ts';

describe('operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('answers health checks with the database in use', async () => {
    const res = await t.api('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(['pglite', 'postgres']).toContain(res.body.database);
  });

  it('exposes Prometheus metrics that count requests by route', async () => {
    await t.api('GET', '/api/v1/cases');
    const res = await t.api('GET', '/metrics');
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    expect(res.body).toMatch(/switchboard_http_requests_total\{method="GET",route="\/api\/v1\/cases",status="401"\} 1/);
    expect(res.body).toMatch(/switchboard_process_cpu_seconds_total/);
  });

  it('echoes a sane X-Request-Id and names it in problems; makes one up otherwise', async () => {
    const res = await t.api('GET', '/api/v1/nothing-here', { headers: { 'x-request-id': 'lb-1234' } });
    expect(res.headers.get('x-request-id')).toBe('lb-1234');
    expect(res.body.instance).toBe('urn:switchboard:request:lb-1234');
    const odd = await t.api('GET', '/healthz', { headers: { 'x-request-id': 'no spaces allowed here' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves an OpenAPI 3.1 document describing every route, generated from the zod schemas', async () => {
    const res = await t.api('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const ops = Object.values(res.body.paths as Record<string, Record<string, unknown>>).flatMap((p) => Object.keys(p));
    expect(ops.length).toBe(allRoutes.length);
    const create = res.body.paths['/api/v1/cases'].post;
    expect(create.requestBody.content['application/json'].schema.properties.subject.type).toBe('string');
    expect(create.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    expect(res.body.paths['/api/v1/cases/{id}'].patch.parameters.map((p: { name: string }) => p.name)).toContain('If-Match');
    const ids = Object.values(res.body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('renders the same document as a readable page for browsers', async () => {
    const res = await t.api('GET', '/api/docs', { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.body).toContain('<code>/api/v1/cases/{id}/timeline</code>');
  });
});

describe('configuration', () => {
  it('reports every invalid variable at once', () => {
    let message = '';
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL: must start with postgres/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it('has working defaults for the two-command start', () => {
    expect(parseConfig({})).toMatchObject({ HOST: '127.0.0.1', PORT: 3000, DATA_DIR: './data', DEMO_DATA: 'auto' });
  });
});
