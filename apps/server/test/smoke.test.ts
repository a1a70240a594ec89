import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

describe('harness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('serves health and creates a case through the API', async () => {
    expect((await t.api('GET', '/healthz')).body).toMatchObject({ status: 'ok' });
    const team = await t.team('Billing');
    const agent = await t.user('agent', [team]);
    const res = await t.api('POST', '/api/v1/cases', { token: agent.token, body: { subject: 'Hello', requester: { name: 'Ann', email: 'ann@example.com' }, teamId: team } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.number).toBeGreaterThanOrEqual(1000);
  });
});
