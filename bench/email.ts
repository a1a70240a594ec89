/**
 * `npm run bench:email` (also part of `npm run bench`): inbound email ingest, on PGlite and on
 * PostgreSQL.
 *
 * For each database it starts the real app in-process with its built-in SMTP server and job
 * worker, an admin's WebSocket listening, and a mailbox routing to a team; then sends
 * BENCH_EMAILS (2000) messages over SMTP from BENCH_SMTP_CONNECTIONS (8) pooled connections and
 * measures
 *  - ingest: messages per second from the first SMTP command to the last case stored (target
 *    ≥ 500/s on PostgreSQL),
 *  - SMTP 250 → case.created on the agent's socket, p50/p99.
 *
 * Environment: BENCH_DB=pglite|postgres (default both), BENCH_DATABASE_URL (admin connection).
 */
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import WebSocket from 'ws';
import { buildApp } from '../apps/server/src/app.ts';
import { configWith } from '../apps/server/src/platform/config.ts';
import { systemActor } from '../apps/server/src/platform/context.ts';
import { actorFor, createApiToken, createTeam, createUser } from '../apps/server/src/modules/identity/index.ts';
import { pgliteTarget, postgresTarget, type Target } from './lib/databases.ts';
import { formatTable, summarize, type Measurement } from './lib/stats.ts';

const int = (name: string, fallback: number): number => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
};
const settings = { emails: int('BENCH_EMAILS', 2000), connections: int('BENCH_SMTP_CONNECTIONS', 8) };
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
      if (m.type === 'event' && m.event?.type === 'case.created' && m.event.payload.case?.subject) arrived.set(m.event.payload.case.subject, performance.now());
    });

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: settings.connections, maxMessages: Infinity });
    const acked = new Map<string, number>();
    const t0 = performance.now();
    let next = 0;
    const sender = async (): Promise<void> => {
      while (next < settings.emails) {
        const i = next++;
        const subject = `Bench ${i}: Rechnung doppelt bezahlt`;
        await transport.sendMail({
          from: `Kunde ${i % 500} <kunde${i % 500}@example.com>`,
          to: 'service@bench.test',
          subject,
          text: `Guten Tag,\n\nich habe die Rechnung ${i} zweimal bezahlt. Bitte prüfen Sie das.\n\nViele Grüße`,
          messageId: `<bench-${i}@example.com>`,
        });
        acked.set(subject, performance.now());
      }
    };
    await Promise.all(Array.from({ length: settings.connections }, sender));
    const deadline = Date.now() + 300_000;
    while (arrived.size < settings.emails) {
      if (Date.now() > deadline) throw new Error(`only ${arrived.size} of ${settings.emails} cases arrived`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (Math.max(...arrived.values()) - t0) / 1000;
    transport.close();
    ws.close();

    const ingest = summarize(`ingest: ${settings.emails} messages over SMTP → stored cases`, [], seconds);
    ingest.requests = settings.emails;
    ingest.throughput = settings.emails / seconds;
    if (ingestTarget[target.kind] > 0) {
      ingest.target = `≥ ${ingestTarget[target.kind]} msg/s`;
      ingest.pass = ingest.throughput >= ingestTarget[target.kind];
    }
    ingest.note = `${ingest.throughput.toFixed(0)} messages/s with ${settings.connections} SMTP connections and ${app.ctx.config.JOBS_CONCURRENCY} workers`;
    const latencies = [...acked].map(([subject, at]) => (arrived.get(subject) ?? NaN) - at);
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
