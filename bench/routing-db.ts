/**
 * `npm run bench:routing` (second part): routing as users get it — on PGlite and on PostgreSQL.
 * A routed team of BENCH_ROUTING_AGENTS (20) online agents; BENCH_ROUTING_CASES (500) cases are
 * created one per transaction, each routed by the `routing.route-case` job (team lock, load
 * recount, explanation entry, assignment through updateCase). Prints decisions per second (first
 * creation to last assignment) and created → assigned latency p50/p99.
 *
 * Environment: BENCH_DB=pglite|postgres (default both), BENCH_DATABASE_URL (admin connection).
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../apps/server/src/app.ts';
import { configWith } from '../apps/server/src/platform/config.ts';
import { systemActor } from '../apps/server/src/platform/context.ts';
import { createCase } from '../apps/server/src/modules/cases/index.ts';
import { createTeam, createUser } from '../apps/server/src/modules/identity/index.ts';
import { pgliteTarget, postgresTarget, type Target } from './lib/databases.ts';
import { formatTable, summarize, type Measurement } from './lib/stats.ts';

const int = (name: string, fallback: number): number => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
};
const settings = { agents: int('BENCH_ROUTING_AGENTS', 20), cases: int('BENCH_ROUTING_CASES', 500) };

async function benchOne(target: Target): Promise<Measurement[]> {
  const app = await buildApp(configWith({ ...target.config, LOG_LEVEL: 'silent', DEMO_DATA: 'false', EMAIL_IMAP_POLL_MS: 0 }));
  try {
    const { db } = app.ctx;
    const teamId = await db.transaction(async (tx) => {
      const team = await createTeam(app.ctx, systemActor, tx, { name: 'Billing', description: '', memberIds: [] });
      for (let i = 0; i < settings.agents; i++) {
        const user = await createUser(app.ctx, systemActor, tx, { email: `agent${i}@bench.test`, name: `Agent ${i}`, role: 'agent', language: 'de', timeZone: 'Europe/Berlin', teamIds: [team.id] });
        await tx.query(`insert into agent_presence (user_id, status, last_seen_at) values ($1, 'online', now() + interval '1 hour')`, [user.id]);
        await tx.query(`insert into agent_capacity (user_id, channel, max_open) values ($1, 'email', 500)`, [user.id]);
      }
      await tx.query(`insert into routing_rules (team_id, enabled, strategy) values ($1, true, 'least_busy')`, [team.id]);
      return team.id;
    });
    const created = new Map<string, number>();
    const t0 = performance.now();
    for (let i = 0; i < settings.cases; i++) {
      const c = await db.transaction((tx) =>
        createCase(app.ctx, systemActor, tx, {
          subject: `Rechnung ${i} doppelt`,
          requester: { name: `Kunde ${i}`, email: `kunde${i}@example.com` },
          channel: 'email',
          priority: 'normal',
          teamId,
          tags: [],
          customFields: {},
        }),
      );
      created.set(c.id, performance.now());
    }
    const assigned = new Map<string, number>();
    const deadline = Date.now() + 300_000;
    while (assigned.size < settings.cases) {
      if (Date.now() > deadline) throw new Error(`only ${assigned.size} of ${settings.cases} cases were routed`);
      const { rows } = await db.query<{ id: string }>(`select id from cases where team_id = $1 and assignee_id is not null`, [teamId]);
      const now = performance.now();
      for (const r of rows) if (!assigned.has(r.id)) assigned.set(r.id, now);
      await new Promise((r) => setTimeout(r, 10));
    }
    const seconds = (Math.max(...assigned.values()) - t0) / 1000;
    const latencies = [...created].map(([id, at]) => assigned.get(id)! - at);
    const m = summarize(`${settings.cases} new cases routed among ${settings.agents} agents (created → assigned)`, latencies, seconds);
    const perKind = (await app.ctx.metrics.jobRunSeconds.get()).values.filter((v) => v.metricName === 'switchboard_job_run_seconds_sum' || v.metricName === 'switchboard_job_run_seconds_count');
    const byName = new Map<string, { sum: number; count: number }>();
    for (const v of perKind) {
      const name = String(v.labels.name);
      const e = byName.get(name) ?? { sum: 0, count: 0 };
      if (v.metricName?.endsWith('_sum')) e.sum = v.value;
      else e.count = v.value;
      byName.set(name, e);
    }
    const kinds = [...byName].sort((a, b) => b[1].sum - a[1].sum).map(([n, e]) => `${n} ${e.count}× ${((e.sum / e.count) * 1000).toFixed(1)} ms`);
    m.note = `${(settings.cases / seconds).toFixed(0)} routing decisions/s end to end, one case per transaction (latency includes the 10 ms polling of this benchmark); job time by kind: ${kinds.join(', ')}`;
    return [m];
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
      out.push(formatTable(`Routing on ${target.label}`, await benchOne(target)));
    } finally {
      await target.dispose();
    }
  }
  if (!which || which === 'postgres') {
    const target = await postgresTarget();
    if ('skipped' in target) out.push(`Routing on PostgreSQL: skipped — ${target.skipped}`);
    else {
      try {
        out.push(formatTable(`Routing on ${target.label}`, await benchOne(target)));
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
