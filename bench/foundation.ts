/**
 * `npm run bench`: the foundation benchmark, on PGlite and on PostgreSQL.
 *
 * For each database it starts the real server in-process on 127.0.0.1, seeds staff, customers and
 * BENCH_CASES cases, then measures case creation through the HTTP API (concurrency 1 and 16)
 * against raw single-row inserts into the same table (and, for reference, the same rows a creation
 * writes in one raw transaction), view lists, view counts and customer search,
 * and prints a table per database (also written to bench/results/<db>-<timestamp>.json).
 *
 * Environment: BENCH_DB=pglite|postgres (default both), BENCH_CASES (1000000), BENCH_CUSTOMERS
 * (10000), BENCH_WRITES (2000 per write measurement), BENCH_READS (300 per read measurement),
 * BENCH_SECONDS (20, upper bound per measurement), BENCH_DATABASE_URL (admin connection, default
 * postgres://postgres@127.0.0.1:5432/postgres), BENCH_POOL_SIZE (the server's DB_POOL_SIZE),
 * BENCH_EXPLAIN=1 (EXPLAIN ANALYZE and a create-case trace even when all targets pass),
 * BENCH_KEEP_INDEXES=1 (seed with the indexes in place), BENCH_VACUUM=0 (only ANALYZE after seeding),
 * BENCH_LATENCIES=1 (every latency, in order, in the JSON).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildApp, type App } from '../apps/server/src/app.ts';
import { configWith } from '../apps/server/src/platform/config.ts';
import { pgliteTarget, postgresTarget, type DbKind, type Target } from './lib/databases.ts';
import { explainCounts, explainCustomers, explainList, traceCreateCase } from './lib/diagnose.ts';
import { createStaff, seedCases, seedCustomers, type Principal, type SeedResult } from './lib/fixtures.ts';
import { Client } from './lib/http-client.ts';
import { startServerProcess, type ServerProcess } from './lib/server-process.ts';
import { createCases, getSequential, nextCursor, rawCreateTransactions, rawInserts, takeFirstError, type Limits } from './lib/measure.ts';
import { formatTable, since, type Measurement } from './lib/stats.ts';

const int = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not ${raw}`);
  return n;
};

const settings = {
  cases: int('BENCH_CASES', 1_000_000),
  customers: Math.max(100, int('BENCH_CUSTOMERS', 10_000)),
  limits: { writes: int('BENCH_WRITES', 2000), reads: int('BENCH_READS', 300), seconds: int('BENCH_SECONDS', 20) } satisfies Limits,
  poolSize: int('BENCH_POOL_SIZE', 0) || undefined,
  explain: process.env.BENCH_EXPLAIN === '1',
};

/** The targets the issue sets, per database. */
const targets = {
  listP99: { pglite: 30, postgres: 10 } satisfies Record<DbKind, number>,
  createVsRaw: 0.5,
};

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

/** Clean-up of what a run created (temp folder, database), also on Ctrl-C. */
const disposers = new Set<() => Promise<void>>();
process.on('SIGINT', () => {
  console.log('\ninterrupted; cleaning up');
  void Promise.allSettled([...disposers].map((d) => d())).then(() => process.exit(130));
});

interface DbResult {
  db: DbKind;
  label: string;
  startedAt: string;
  settings: typeof settings;
  seed: SeedResult & { customers: number; customerSeconds: number };
  measurements: Measurement[];
  /** Short lines for the console: per-statement timings of failing lists, the create-case trace. */
  diagnostics: string[];
  /** Full EXPLAIN ANALYZE output, written next to the JSON. */
  plans: string[];
}

function markP99(m: Measurement, limit: number): Measurement {
  m.target = `p99 < ${limit} ms`;
  m.pass = m.p99 < limit;
  return m;
}

function assertNoErrors(ms: readonly Measurement[]): void {
  const bad = ms.filter((m) => m.errors > 0);
  if (bad.length) throw new Error(`unexpected responses in ${bad.map((m) => `${m.name} (${m.errors})`).join(', ')}; first: ${takeFirstError()}`);
}

async function benchOne(target: Target): Promise<DbResult> {
  const startedAt = new Date();
  console.log(`\n=== ${target.label}`);
  const t0 = performance.now();
  const app: App = await buildApp(configWith({ ...target.config, LOG_LEVEL: 'silent', DEMO_DATA: 'false', HOST: '127.0.0.1', PORT: 0 }));
  const stop = () => app.close();
  disposers.add(stop);
  let client: Client | undefined;
  let server: ServerProcess | undefined;
  try {
    await app.http.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.http.server.address() as AddressInfo).port;
    client = new Client(port);
    const { ctx } = app;
    console.log(`  server on 127.0.0.1:${port}, migrations applied (${since(t0)})`);

    const staff = await createStaff(ctx);
    const tCustomers = performance.now();
    const customers = await seedCustomers(ctx.db, settings.customers);
    const customerSeconds = (performance.now() - tCustomers) / 1000;
    const seed = await seedCases(ctx.db, staff, customers, settings.cases);
    console.log(`  seeded ${settings.cases.toLocaleString('en')} cases in ${seed.seconds.toFixed(1)} s; measuring`);
    if (target.kind === 'postgres' && target.config.DATABASE_URL) {
      // HTTP goes to a separate server process on the same database; raw inserts stay in here.
      server = await startServerProcess(target.config.DATABASE_URL, settings.poolSize);
      client.close();
      client = new Client(server.port);
      console.log(`  measuring against a separate server process on 127.0.0.1:${server.port}`);
    }

    const ms: Measurement[] = [];
    const L = settings.limits;
    const kind = target.kind;
    // Writes: the API and raw inserts alternate so both see the same table size.
    const create1 = await createCases(client, staff, customers, 1, L);
    const raw1 = await rawInserts(ctx, staff, customers, 1, L);
    const create16 = await createCases(client, staff, customers, 16, L);
    const raw16 = await rawInserts(ctx, staff, customers, 16, L);
    const rawTx16 = await rawCreateTransactions(ctx, staff, customers, 16, L);
    for (const [api, raw] of [[create1, raw1], [create16, raw16]] as const) {
      const ratio = api.throughput / raw.throughput;
      api.note = `${(ratio * 100).toFixed(1)} % of the raw insert rate at the same concurrency (${api.throughput.toFixed(1)} vs ${raw.throughput.toFixed(1)} req/s)`;
      if (api === create16 && kind === 'postgres') {
        api.target = `>= 50 % of raw (${(ratio * 100).toFixed(0)} %)`;
        api.pass = ratio >= targets.createVsRaw;
      }
    }
    create16.note += `; ${((create16.throughput / rawTx16.throughput) * 100).toFixed(1)} % of the raw create transaction rate`;
    rawTx16.note = 'informational: the same rows a case creation writes (case, 2 entries, event) in one transaction, nothing else';
    if (kind === 'pglite') raw16.note = 'PGlite has one connection: the 16 concurrent statements queue behind each other';
    ms.push(create1, create16, raw1, raw16, rawTx16);
    assertNoErrors(ms);
    console.log(`  writes done (${since(t0)})`);

    // Reads: the built-in views as the team-limited agent and as the admin, then counts and search.
    const listLimit = targets.listP99[kind];
    const listed: Array<{ m: Measurement; who: Principal; view: string; cursor: string | null }> = [];
    for (const [role, who] of [['agent', staff.agent], ['admin', staff.admin]] as const) {
      for (const view of ['open', 'unassigned', 'mine']) {
        const probe = await getSequential(client, who, `list view=${view} (${role})`, `/api/v1/cases?view=${view}`, L);
        probe.measurement.note = `${probe.items} items on the page`;
        listed.push({ m: markP99(probe.measurement, listLimit), who, view, cursor: null });
      }
      const cursor = await nextCursor(client, who, '/api/v1/cases?view=open');
      if (cursor) {
        const probe = await getSequential(client, who, `list view=open page 2 (${role})`, `/api/v1/cases?view=open&cursor=${cursor}`, L);
        probe.measurement.note = `${probe.items} items on the page`;
        listed.push({ m: markP99(probe.measurement, listLimit), who, view: 'open', cursor });
      }
    }
    ms.push(...listed.map((l) => l.m));
    const counts = [
      (await getSequential(client, staff.agent, 'view counts GET /views (agent)', '/api/v1/views', L)).measurement,
      (await getSequential(client, staff.admin, 'view counts GET /views (admin)', '/api/v1/views', L)).measurement,
    ];
    ms.push(...counts);
    const half = String(Math.floor(customers.length / 2)).padStart(7, '0');
    const phoneQuery = `+49 30 ${half.slice(0, 6)}`; // partial: ten customers share these digits
    const searches = [
      await getSequential(client, staff.agent, 'customer search q=mill (name)', '/api/v1/customers?q=mill', L),
      await getSequential(client, staff.agent, `customer search q="${phoneQuery}" (phone)`, `/api/v1/customers?q=${encodeURIComponent(phoneQuery)}`, L),
    ];
    for (const s of searches) s.measurement.note = `${s.items} customers found (first page)`;
    ms.push(...searches.map((s) => s.measurement));
    assertNoErrors(ms);
    console.log(`  reads done (${since(t0)})`);

    // Diagnostics for failing targets (or all, with BENCH_EXPLAIN=1).
    const diagnostics: string[] = [];
    const plans: string[] = [];
    const explained = [];
    for (const l of listed) {
      if (settings.explain || l.m.pass === false) explained.push(await explainList(ctx, l.who.id, l.view, l.cursor));
    }
    if (settings.explain) {
      explained.push(await explainCounts(ctx, staff.agent.id), await explainCustomers(ctx, 'mill'), await explainCustomers(ctx, phoneQuery));
    }
    if (explained.length) diagnostics.push(['--- EXPLAIN ANALYZE summary (full plans in the .explain.txt file)', ...explained.flatMap((e) => e.summary)].join('\n'));
    plans.push(...explained.map((e) => e.text));
    if (settings.explain || create16.pass === false) diagnostics.push(await traceCreateCase(ctx, staff, customers[0]!));

    return {
      db: kind,
      label: target.label,
      startedAt: startedAt.toISOString(),
      settings,
      seed: { ...seed, customers: customers.length, customerSeconds },
      measurements: ms,
      diagnostics,
      plans,
    };
  } finally {
    client?.close();
    await server?.stop();
    await app.close();
    disposers.delete(stop);
  }
}

function report(r: DbResult): void {
  mkdirSync(resultsDir, { recursive: true });
  const base = `${resultsDir}${r.db}-${r.startedAt.replace(/[:.]/g, '-')}`;
  const { plans, ...json } = r;
  writeFileSync(`${base}.json`, JSON.stringify(json, null, 2) + '\n');
  if (plans.length) writeFileSync(`${base}.explain.txt`, plans.join('\n\n') + '\n');
  for (const d of r.diagnostics) console.log(`\n${d}`);
  const seed = `seeded ${r.seed.cases.toLocaleString('en')} cases in ${r.seed.seconds.toFixed(1)} s (indexes ${r.seed.indexSeconds.toFixed(1)} s, vacuum/analyze ${r.seed.analyzeSeconds.toFixed(1)} s), ${r.seed.customers.toLocaleString('en')} customers`;
  console.log(`\n${formatTable(`${r.label} — ${seed}`, r.measurements)}\n`);
  console.log(`results written to ${base}.json${plans.length ? ` (plans: ${base}.explain.txt)` : ''}`);
}

async function main(): Promise<void> {
  const only = process.env.BENCH_DB || undefined;
  if (only !== undefined && only !== 'pglite' && only !== 'postgres') throw new Error(`BENCH_DB must be pglite or postgres, not ${only}`);
  const kinds: DbKind[] = only ? [only] : ['pglite', 'postgres'];
  console.log(
    `Switchboard foundation benchmark: node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB; ` +
      `${settings.cases.toLocaleString('en')} cases, ${settings.customers.toLocaleString('en')} customers, ` +
      `${settings.limits.writes} writes / ${settings.limits.reads} reads per measurement (at most ${settings.limits.seconds} s each); ` +
      `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  );
  let failed = false;
  for (const kind of kinds) {
    const target = kind === 'pglite' ? await pgliteTarget() : await postgresTarget(settings.poolSize);
    if ('skipped' in target) {
      console.log(`\n=== PostgreSQL skipped: ${target.skipped}`);
      continue;
    }
    disposers.add(target.dispose);
    try {
      const result = await benchOne(target);
      report(result);
      if (result.measurements.some((m) => m.pass === false)) failed = true;
    } finally {
      await target.dispose();
      disposers.delete(target.dispose);
    }
  }
  if (failed) console.log('\nSome targets were missed (FAIL above).');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
