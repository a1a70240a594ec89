/**
 * `npm run bench:portal` (also part of `npm run bench`): the customer portal, on PGlite and on
 * PostgreSQL.
 *
 * For each database it starts the real app in-process, gives one customer BENCH_PORTAL_CASES (300)
 * cases with a few messages each (plus the same for 20 other customers, so the queries must
 * filter), signs the customer in by link and measures over HTTP:
 *  - "my requests": the first page (25) of the list,
 *  - one request with its conversation,
 *  - a reply from the portal (an inbound message through the cases module),
 *  - agent reply → the message on the customer's WebSocket (sequential), p50/p99.
 *
 * Environment: BENCH_DB=pglite|postgres (default both), BENCH_DATABASE_URL (admin connection).
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { buildApp } from '../apps/server/src/app.ts';
import { configWith } from '../apps/server/src/platform/config.ts';
import { systemActor } from '../apps/server/src/platform/context.ts';
import { addEntry, createCase } from '../apps/server/src/modules/cases/index.ts';
import { createCustomer } from '../apps/server/src/modules/customers/index.ts';
import { pgliteTarget, postgresTarget, type Target } from './lib/databases.ts';
import { formatTable, run, summarize, type Measurement } from './lib/stats.ts';

const int = (name: string, fallback: number): number => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
};
const settings = { cases: int('BENCH_PORTAL_CASES', 300), requests: int('BENCH_PORTAL_REQUESTS', 300), pushes: int('BENCH_PORTAL_PUSHES', 40) };

async function benchOne(target: Target): Promise<Measurement[]> {
  // No job worker: the sign-in mail stays queued, and the link is read from its payload.
  const app = await buildApp(configWith({ ...target.config, LOG_LEVEL: 'silent', DEMO_DATA: 'false', EMAIL_IMAP_POLL_MS: 0, JOBS_CONCURRENCY: 0, PUBLIC_URL: 'http://bench.test' }));
  try {
    await app.http.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.http.server.address() as { port: number }).port}`;
    const { ctx } = app;
    const numbers: number[] = [];
    for (let c = 0; c <= 20; c++) {
      await ctx.db.transaction(async (tx) => {
        const customer = await createCustomer(ctx, systemActor, tx, { name: `Customer ${c}`, emails: [`c${c}@bench.test`], phones: [], preferredLanguage: null, timeZone: null, tags: [], customFields: {}, notes: '', accountOwnerId: null, organizationIds: [] });
        const count = c === 0 ? settings.cases : Math.ceil(settings.cases / 10);
        for (let i = 0; i < count; i++) {
          const created = await createCase(ctx, systemActor, tx, { subject: `Request ${c}.${i}`, requesterId: customer.id, channel: 'portal', priority: 'normal', tags: [], customFields: {}, message: { body: 'The device does not start.', direction: 'inbound' } });
          await addEntry(ctx, systemActor, tx, created.id, { kind: 'message', direction: 'outbound', body: 'Please hold the power button for ten seconds.' });
          await addEntry(ctx, systemActor, tx, created.id, { kind: 'note', body: 'internal' });
          if (c === 0) numbers.push(created.number);
        }
      });
    }
    const link = await fetch(`${url}/api/v1/portal/auth/link`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'c0@bench.test' }) });
    if (link.status !== 202) throw new Error(`link: ${link.status}`);
    const { rows } = await ctx.db.query<{ text: string }>(`select payload->>'text' as text from jobs where name = 'mail.send' order by id desc limit 1`);
    const token = /#token=([\w-]+)/.exec(rows[0]!.text)![1]!;
    const redeemed = await fetch(`${url}/api/v1/portal/auth/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    const cookie = redeemed.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await redeemed.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

    const out: Measurement[] = [];
    const list = await run('my requests (25 of ' + settings.cases + ')', { count: settings.requests, maxSeconds: 30, concurrency: 4, warmup: 8 }, async () => {
      const r = await fetch(`${url}/api/v1/portal/requests?limit=25`, { headers });
      return r.status === 200 && ((await r.json()) as { items: unknown[] }).items.length === 25;
    });
    // Targets on a PostgreSQL server; PGlite runs every query on one thread, so it only reports.
    const onServer = target.kind === 'postgres';
    out.push(onServer ? { ...list, target: 'p99 < 100 ms', pass: list.p99 < 100 } : list);
    const one = await run('one request + conversation', { count: settings.requests, maxSeconds: 30, concurrency: 4, warmup: 8 }, async (i) => {
      const r = await fetch(`${url}/api/v1/portal/requests/${numbers[Math.abs(i) % numbers.length]}`, { headers });
      return r.status === 200;
    });
    out.push(onServer ? { ...one, target: 'p99 < 100 ms', pass: one.p99 < 100 } : one);
    const reply = await run('reply from the portal', { count: Math.ceil(settings.requests / 3), maxSeconds: 30, concurrency: 2, warmup: 2 }, async (i) => {
      const r = await fetch(`${url}/api/v1/portal/requests/${numbers[Math.abs(i) % numbers.length]}/messages`, { method: 'POST', headers, body: JSON.stringify({ body: `Still broken (${i})` }) });
      return r.status === 201;
    });
    out.push(reply);

    // Agent reply → customer's socket.
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/v1/portal/realtime`, { headers: { cookie } });
    const waiting = new Map<string, (t: number) => void>();
    socket.on('message', (raw) => {
      const m = JSON.parse(raw.toString()) as { type: string; message?: { body: string } };
      if (m.type === 'message' && m.message) waiting.get(m.message.body)?.(performance.now());
    });
    await new Promise((resolve) => socket.once('open', resolve));
    const latencies: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < settings.pushes; i++) {
      const body = `Agent answer ${i}`;
      const arrived = new Promise<number>((resolve) => waiting.set(body, resolve));
      const sent = performance.now();
      await ctx.db.transaction((tx) => addEntry(ctx, systemActor, tx, numbers[i % numbers.length]!, { kind: 'message', direction: 'outbound', body }));
      latencies.push((await arrived) - sent);
    }
    socket.close();
    const push = summarize('agent reply → customer socket', latencies, (performance.now() - t0) / 1000);
    out.push({ ...push, target: 'p99 < 250 ms', pass: push.p99 < 250 });
    return out;
  } finally {
    await app.close();
  }
}

const which = process.env.BENCH_DB;
for (const make of [which !== 'postgres' ? pgliteTarget : null, which !== 'pglite' ? () => postgresTarget(10) : null]) {
  if (!make) continue;
  const target = await make();
  if ('skipped' in target) {
    console.log(`Skipped: ${target.skipped}\n`);
    continue;
  }
  try {
    console.log(formatTable(`Customer portal — ${target.label}`, await benchOne(target)));
    console.log('');
  } finally {
    await target.dispose();
  }
}
