/**
 * `npm run bench:email` (also part of `npm run bench`): inbound email ingest, on PGlite and on
 * PostgreSQL.
 *
 * For each database it starts the real app in-process with its built-in SMTP server and job
 * worker, an admin's WebSocket listening, and a mailbox routing to a team; then sends
 * BENCH_EMAILS (2000) messages over SMTP on BENCH_SMTP_CONNECTIONS (16) connections at once — an MTA
 * such as Postfix opens up to 20 to one destination — from a worker thread, so the senders do not
 * share the server's event loop, and measures
 *  - ingest: messages per second from the first SMTP command to the last case stored (target
 *    ≥ 500/s on PostgreSQL),
 *  - SMTP 250 → case.created on the agent's socket, p50/p99.
 *
 * Environment: BENCH_DB=pglite|postgres (default both), BENCH_DATABASE_URL (admin connection).
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import { buildApp } from '../apps/server/src/app.ts';
import { configWith } from '../apps/server/src/platform/config.ts';
import { systemActor } from '../apps/server/src/platform/context.ts';
import { actorFor, createApiToken, createTeam, createUser } from '../apps/server/src/modules/identity/index.ts';
import { pgliteTarget, postgresTarget, type Target } from './lib/databases.ts';
import type { SenderJob, SenderResult } from './lib/smtp-sender.ts';
import { formatTable, summarize, type Measurement } from './lib/stats.ts';

/** Epoch milliseconds, comparable across threads. */
const now = (): number => performance.timeOrigin + performance.now();

const int = (name: string, fallback: number): number => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
};
const settings = { emails: int('BENCH_EMAILS', 2000), connections: int('BENCH_SMTP_CONNECTIONS', 16) };
const ingestTarget = { pglite: 0, postgres: 500 };

async function benchOne(target: Target): Promise<Measurement[]> {
  const app = await buildApp(configWith({ ...target.config, LOG_LEVEL: 'silent', DEMO_DATA: 'false', EMAIL_IMAP_POLL_MS: 0, DB_POOL_SIZE: 20, JOBS_CONCURRENCY: 8 }));
  try {
    await app.http.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.http.server.address() as { port: number }).port;
    const smtpPort = await app.startSmtp(0);
    const { db } = app.ctx;
    const { token } = await db.transaction(async (tx) => {
      const team = await createTeam(app.ctx, systemActor, tx, { name: 'Billing', description: '', memberIds: [] });
      await tx.query(`insert into mailboxes (name, address, team_id) values ('Service', 'service@bench.test', $1)`, [team.id]);
      const user = await createUser(app.ctx, systemActor, tx, { email: 'bench-admin@bench.test', name: 'Bench Admin', role: 'admin', language: 'en', timeZone: 'UTC', teamIds: [] });
      const actor = (await actorFor(tx, user.id, 'token'))!;
      return createApiToken(tx, actor, { name: 'bench' });
    });

    // The agent's socket: when did each case arrive?
    const arrived = new Map<string, number>();
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/realtime`, { headers: { authorization: `Bearer ${token}` } });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.on('message', (raw) => {
      const m = JSON.parse(raw.toString()) as { type: string; event?: { type: string; payload: { case?: { subject?: string } } } };
      if (m.type === 'event' && m.event?.type === 'case.created' && m.event.payload.case?.subject) arrived.set(m.event.payload.case.subject, now());
    });

    const sent = await new Promise<SenderResult>((resolve, reject) => {
      const job: SenderJob = { smtpPort, emails: settings.emails, connections: settings.connections };
      const worker = new Worker(new URL('./lib/smtp-sender.mjs', import.meta.url), { workerData: job });
      worker.once('message', (m: { ok: true; result: SenderResult } | { ok: false; error: string }) => {
        void worker.terminate();
        if (m.ok) resolve(m.result);
        else reject(new Error(`the SMTP senders failed: ${m.error}`));
      });
      worker.once('error', reject);
    });
    const deadline = Date.now() + 300_000;
    while (arrived.size < settings.emails) {
      if (Date.now() > deadline) throw new Error(`only ${arrived.size} of ${settings.emails} cases arrived`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (Math.max(...arrived.values()) - sent.startedAt) / 1000;
    ws.close();

    const ingest = summarize(`ingest: ${settings.emails} messages over SMTP → stored cases`, [], seconds);
    ingest.requests = settings.emails;
    ingest.throughput = settings.emails / seconds;
    if (ingestTarget[target.kind] > 0) {
      ingest.target = `≥ ${ingestTarget[target.kind]} msg/s`;
      ingest.pass = ingest.throughput >= ingestTarget[target.kind];
    }
    ingest.note = `${ingest.throughput.toFixed(0)} messages/s with ${settings.connections} SMTP connections and ${app.ctx.config.JOBS_CONCURRENCY} workers`;
    // A case can reach the socket before the sender has read its 250: that counts as 0.
    const latencies = sent.acked.map(([subject, at]) => Math.max(0, (arrived.get(subject) ?? NaN) - at));
    const toSocket = summarize('SMTP 250 → case.created on the agent socket', latencies, seconds);
    return [ingest, toSocket];
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const which = process.env.BENCH_DB;
  const out: string[] = [];
  if (!which || which === 'pglite') {
    const target = await pgliteTarget();
    try {
      out.push(formatTable(`Email ingest on ${target.label}`, await benchOne(target)));
    } finally {
      await target.dispose();
    }
  }
  if (!which || which === 'postgres') {
    const target = await postgresTarget();
    if ('skipped' in target) out.push(`Email ingest on PostgreSQL: skipped — ${target.skipped}`);
    else {
      try {
        out.push(formatTable(`Email ingest on ${target.label}`, await benchOne(target)));
      } finally {
        await target.dispose();
      }
    }
  }
  console.log('\n' + out.join('\n\n') + '\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
