import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { freshDatabase, onPostgres, waitFor, type TestDatabase } from './harness.ts';
import { json, root, startInstance, type Instance } from './processes.ts';

const JOBS = 3000;
/** The embedded database runs a few thousand jobs a second: enough for the kill to land mid-way. */
const MANY = 10_000;
const fastJobs = { JOBS_LEASE_MS: '2000', JOBS_POLL_MS: '200', JOBS_CONCURRENCY: '4' };

describe.skipIf(!onPostgres)('jobs across two server processes on one PostgreSQL database', () => {
  let db: TestDatabase;
  const instances: Instance[] = [];
  let client: pg.Client | undefined;
  afterAll(async () => {
    for (const i of instances) i.proc.kill('SIGKILL');
    await client?.end();
    await db?.drop();
  });

  it('runs each job exactly once, and none is lost when a worker is killed mid-run', { timeout: 240_000 }, async () => {
    db = await freshDatabase();
    const [a, b] = await Promise.all([startInstance({ DATABASE_URL: db.url!, ...fastJobs }), startInstance({ DATABASE_URL: db.url!, ...fastJobs })]);
    instances.push(a!, b!);
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const count = async (sql: string) => Number((await client!.query(sql)).rows[0].n);

    await client.query(`begin`);
    await client.query(`insert into jobs (name, payload, max_attempts) select 'platform.probe', '{"tag":"kill"}', 5 from generate_series(1, ${JOBS})`);
    await client.query(`select pg_notify('switchboard_jobs', '')`);
    await client.query(`commit`);

    await waitFor(async () => (await count(`select count(*) as n from job_probe_runs`)) > JOBS / 10, 30_000, 'the first runs');
    a!.proc.kill('SIGKILL'); // no goodbye: its leased jobs must come back through the lease running out
    await a!.exit;

    await waitFor(async () => (await count(`select count(*) as n from jobs where name = 'platform.probe'`)) === 0, 60_000, 'the queue to drain');
    expect(await count(`select count(*) as n from job_probe_runs where tag = 'kill'`)).toBe(JOBS);
    expect(await count(`select count(distinct job_id) as n from job_probe_runs`)).toBe(JOBS);
    expect(await count(`select count(distinct worker) as n from job_probe_runs`)).toBe(2); // both took part
    expect(await count(`select count(*) as n from jobs where state = 'dead'`)).toBe(0);
    expect((await json(`${b!.url}/healthz`)).body.status).toBe('ok');
  });
});

describe.skipIf(onPostgres)('jobs on the embedded database across a kill -9', () => {
  it('finishes every job exactly once after the process is killed and restarted', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-jobs-'));
    try {
      const env = { ...process.env, DATA_DIR: dir };
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/admin.ts', 'create', '--email', 'ops@example.com', '--name', 'Oskar Ops', '--password', 'a long password'], { cwd: root, env, encoding: 'utf8' });
      expect(cli.status, cli.stderr).toBe(0);

      const first = await startInstance({ DATA_DIR: dir, ...fastJobs });
      const login = await json(`${first.url}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'ops@example.com', password: 'a long password' }) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const auth = { cookie, 'x-csrf-token': login.body.csrfToken as string };
      expect((await json(`${first.url}/api/v1/admin/jobs/probe`, { method: 'POST', headers: auth, body: JSON.stringify({ count: MANY, tag: 'kill' }) })).status).toBe(202);
      const atKill = await waitFor(async () => {
        const stats = await json(`${first.url}/api/v1/admin/jobs/stats`, { headers: auth });
        const probe = stats.body.kinds.find((k: { name: string }) => k.name === 'platform.probe') ?? { queued: 0, running: 0 };
        return probe.queued + probe.running < MANY && probe;
      }, 30_000, 'the first jobs to run');
      first.proc.kill('SIGKILL');
      expect(atKill.queued + atKill.running).toBeGreaterThan(0); // killed mid-way, not after the end
      await first.exit;

      const second = await startInstance({ DATA_DIR: dir, ...fastJobs });
      await waitFor(async () => {
        const stats = await json(`${second.url}/api/v1/admin/jobs/stats`, { headers: auth });
        return !stats.body.kinds.some((k: { name: string }) => k.name === 'platform.probe');
      }, 60_000, 'the queue to drain');
      second.proc.kill('SIGTERM');
      expect(await second.exit).toBe(0);

      const db = await PGlite.create(`${dir}/pgdata`);
      const { rows } = await db.query<{ runs: number; distinct_jobs: number }>(
        `select count(*)::int as runs, count(distinct job_id)::int as distinct_jobs from job_probe_runs where tag = 'kill'`,
      );
      await db.close();
      expect(rows[0]).toEqual({ runs: MANY, distinct_jobs: MANY });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
