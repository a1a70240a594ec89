import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp, type TestUser } from '../../../../test/harness.ts';
import { expectStatus, newCase } from '../../../../test/factories.ts';
import { isSealed } from '../../../platform/secrets/index.ts';
import { verifySignature } from './sign.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on loopback; answers with the queued statuses, then 200. */
async function receiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'thanks' : 'broken today');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/hooks`, received, statuses, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface Delivery {
  id: string;
  eventType: string;
  state: string;
  attempts: Array<{ attempt: number; statusCode: number | null; durationMs: number; responseSnippet: string; error: string | null }>;
}

describe('outgoing webhooks', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  let team: string;
  let hook: Awaited<ReturnType<typeof receiver>>;

  const deliveries = async (endpointId: string) =>
    expectStatus(await t.api('GET', `/api/v1/webhooks/${endpointId}/deliveries`, { token: admin.token }), 200).body.items as Delivery[];
  /** What the database holds for an endpoint's secret: what a dump or a backup would show. */
  const storedSecret = async (id: string) => (await t.app.ctx.db.query<{ secret: string }>('select secret from webhook_endpoints where id = $1', [id])).rows[0]!.secret;
  /** Lets a waiting retry run now instead of after its backoff. */
  const retryNow = () => t.app.ctx.db.query(`update jobs set run_at = now() where name = 'webhooks.deliver' and state = 'queued'`);

  beforeAll(async () => {
    hook = await receiver();
    t = await startTestApp({ JOBS_POLL_MS: 100 });
    team = await t.team('Support');
    admin = await t.user('admin');
    agent = await t.user('agent', [team]);
  });
  afterAll(async () => {
    await t?.close();
    await hook?.close();
  });

  it('refuses URLs with credentials or other schemes, and non-admins', async () => {
    for (const url of ['http://user:pw@127.0.0.1/x', 'ftp://example.com/x', 'not a url']) {
      const res = await t.api('POST', '/api/v1/webhooks', { token: admin.token, body: { name: 'x', url, events: ['case.created'] } });
      expect(res.status, url).toBe(400);
    }
    const res = await t.api('POST', '/api/v1/webhooks', { token: agent.token, body: { name: 'x', url: hook.url, events: ['case.created'] } });
    expect(res.status).toBe(403);
  });

  it('signs each delivery, retries after a 500, and logs both attempts; notes stay inside', async () => {
    const created = expectStatus(
      await t.api('POST', '/api/v1/webhooks', { token: admin.token, body: { name: 'CRM', url: hook.url, events: ['case.created', 'case.entry_added'] } }),
      201,
    ).body;
    const secret = created.secret as string;
    expect(secret).toMatch(/^whsec_/);
    expect(created.secretHint).toBe(secret.slice(-4));
    const listed = expectStatus(await t.api('GET', '/api/v1/webhooks', { token: admin.token }), 200).body.items;
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed.find((e: { id: string }) => e.id === created.id).secretHint).toBe(secret.slice(-4));
    // Stored sealed; deliveries below are signed with it all the same.
    const stored = await storedSecret(created.id);
    expect(isSealed(stored)).toBe(true);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice('whsec_'.length));

    hook.statuses.push(500);
    const c = await newCase(t, agent, { teamId: team, subject: 'Webhook me' });
    await waitFor(() => hook.received.length >= 1, 10_000, 'the first attempt');
    const first = await waitFor(async () => (await deliveries(created.id)).find((d) => d.attempts.length === 1), 10_000, 'the failed attempt in the log');
    expect(first).toMatchObject({ eventType: 'case.created', state: 'pending', attempts: [{ attempt: 1, statusCode: 500, responseSnippet: 'broken today', error: 'HTTP 500' }] });

    await retryNow();
    const done = await waitFor(async () => (await deliveries(created.id)).find((d) => d.id === first.id && d.state === 'succeeded'), 10_000, 'the retry');
    expect(done.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    expect(done.attempts[1]!.responseSnippet).toBe('thanks');

    expect(hook.received).toHaveLength(2);
    for (const r of hook.received) {
      expect(r.headers['x-switchboard-event']).toBe('case.created');
      expect(r.headers['x-switchboard-delivery']).toBe(first.id);
      expect(verifySignature(secret, r.body, String(r.headers['x-switchboard-signature']))).toBe(true);
      expect(verifySignature('whsec_wrong', r.body, String(r.headers['x-switchboard-signature']))).toBe(false);
      expect(verifySignature(secret, r.body.replace('Webhook me', 'Webhook you'), String(r.headers['x-switchboard-signature']))).toBe(false);
    }
    const body = JSON.parse(hook.received[1]!.body);
    expect(body).toMatchObject({ id: first.id, type: 'case.created', data: { caseId: c.id, number: c.number, case: { subject: 'Webhook me' } } });
    expect(Date.parse(body.createdAt)).not.toBeNaN();

    // An internal note is not sent (the endpoint did not opt in); a public reply is.
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: agent.token, body: { kind: 'note', body: 'Secret: customer is difficult' } }), 201);
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: agent.token, body: { kind: 'message', body: 'Hello, we are on it.' } }), 201);
    await waitFor(() => hook.received.length >= 3, 10_000, 'the reply');
    await new Promise((r) => setTimeout(r, 300));
    expect(hook.received).toHaveLength(3);
    expect(hook.received[2]!.body).toContain('Hello, we are on it.');
    expect(hook.received.map((r) => r.body).join()).not.toContain('Secret: customer is difficult');
    expectStatus(await t.api('PATCH', `/api/v1/webhooks/${created.id}`, { token: admin.token, body: { enabled: false } }), 200);
  });

  it('gives up at once on a 4xx, and redelivers by hand with the same delivery id', async () => {
    const created = expectStatus(await t.api('POST', '/api/v1/webhooks', { token: admin.token, body: { name: 'Strict', url: hook.url, events: ['case.created'] } }), 201).body;
    const before = hook.received.length;
    hook.statuses.push(410);
    await newCase(t, agent, { teamId: team, subject: 'Gone' });
    const failed = await waitFor(async () => (await deliveries(created.id)).find((d) => d.state === 'failed'), 10_000, 'the failed delivery');
    expect(failed.attempts.map((a) => a.statusCode)).toEqual([410]);

    expectStatus(await t.api('POST', `/api/v1/webhooks/${created.id}/deliveries/${failed.id}/redeliver`, { token: admin.token }), 202);
    const ok = await waitFor(async () => (await deliveries(created.id)).find((d) => d.id === failed.id && d.state === 'succeeded'), 10_000, 'the redelivery');
    expect(ok.attempts.map((a) => a.statusCode)).toEqual([410, 200]);
    const sent = hook.received.slice(before).filter((r) => r.headers['x-switchboard-delivery'] === failed.id);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.body).toBe(sent[1]!.body);

    // A new secret is shown once and signs what follows.
    const sealedBefore = await storedSecret(created.id);
    const rotated = expectStatus(await t.api('POST', `/api/v1/webhooks/${created.id}/secret`, { token: admin.token }), 200).body;
    expect(rotated.secret).not.toBe(created.secret);
    const sealedAfter = await storedSecret(created.id);
    expect(isSealed(sealedAfter) && sealedAfter !== sealedBefore && !sealedAfter.includes(rotated.secret)).toBe(true);
    expectStatus(await t.api('POST', `/api/v1/webhooks/${created.id}/deliveries/${failed.id}/redeliver`, { token: admin.token }), 202);
    await waitFor(() => hook.received.filter((r) => r.headers['x-switchboard-delivery'] === failed.id).length === 3, 10_000, 'the second redelivery');
    const last = hook.received.filter((r) => r.headers['x-switchboard-delivery'] === failed.id).at(-1)!;
    expect(verifySignature(rotated.secret, last.body, String(last.headers['x-switchboard-signature']))).toBe(true);
    expectStatus(await t.api('PATCH', `/api/v1/webhooks/${created.id}`, { token: admin.token, body: { enabled: false } }), 200);
  });

  it('a retried create shows the same secret again, which the idempotency store keeps sealed', async () => {
    const request = { token: admin.token, headers: { 'idempotency-key': 'create-hook-once' }, body: { name: 'Once', url: hook.url, events: ['case.created'] } };
    const first = expectStatus(await t.api('POST', '/api/v1/webhooks', request), 201);
    const again = expectStatus(await t.api('POST', '/api/v1/webhooks', request), 201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const { rows } = await t.app.ctx.db.query<{ response: unknown }>(`select response from idempotency_keys where key = 'create-hook-once'`);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]!.response)).not.toContain(first.body.secret);
    expect(JSON.stringify(rows[0]!.response)).not.toContain(first.body.id);
    expect(isSealed(rows[0]!.response as string)).toBe(true);
    expectStatus(await t.api('PATCH', `/api/v1/webhooks/${first.body.id}`, { token: admin.token, body: { enabled: false } }), 200);
  });

  it('a rule can call a webhook', async () => {
    const created = expectStatus(await t.api('POST', '/api/v1/webhooks', { token: admin.token, body: { name: 'Rule hook', url: hook.url, events: ['case.merged'] } }), 201).body;
    expectStatus(
      await t.api('POST', '/api/v1/automation/rules', {
        token: admin.token,
        body: {
          name: 'Tell the CRM about VIPs',
          kind: 'trigger',
          event: 'case.created',
          conditions: { match: 'all', items: [{ field: 'case.tags', op: 'contains', value: 'vip' }] },
          actions: [{ type: 'webhook', endpointId: created.id }],
        },
      }),
      201,
    );
    const c = await newCase(t, agent, { teamId: team, subject: 'VIP calling', tags: ['vip'] });
    const got = await waitFor(() => hook.received.find((r) => r.headers['x-switchboard-event'] === 'automation.rule'), 10_000, 'the rule webhook');
    expect(JSON.parse(got.body).data).toMatchObject({ rule: { name: 'Tell the CRM about VIPs' }, case: { caseId: c.id, tags: ['vip'] } });
  });
});
