import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../../apps/server/src/platform/config.ts';

export type DbKind = 'pglite' | 'postgres';

/** Where one benchmark run keeps its data, and how to throw it away afterwards. */
export interface Target {
  kind: DbKind;
  /** Human description for the table title. */
  label: string;
  config: Partial<Config>;
  dispose(): Promise<void>;
}

/** PGlite in a fresh temporary folder, removed afterwards. */
export async function pgliteTarget(): Promise<Target> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
  return {
    kind: 'pglite',
    label: `PGlite (${dir})`,
    config: { DATA_DIR: dir },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

const defaultAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Rejects anything but the loopback address: the benchmark writes and drops databases. */
function assertLocal(url: URL): void {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`BENCH_DATABASE_URL must point to 127.0.0.1, not ${url.hostname}`);
  }
}

/**
 * A fresh database `switchboard_bench_<random>` on the server of BENCH_DATABASE_URL (an admin
 * connection), dropped afterwards (kept with BENCH_KEEP_DATABASE=1, to look at query plans). Returns the reason instead when the server is unreachable.
 */
export async function postgresTarget(poolSize?: number): Promise<Target | { skipped: string }> {
  const adminUrl = new URL(process.env.BENCH_DATABASE_URL || defaultAdminUrl);
  assertLocal(adminUrl);
  if (adminUrl.hostname === 'localhost') adminUrl.hostname = '127.0.0.1';
  const name = `switchboard_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl.toString(), connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (err) {
    await admin.end().catch(() => undefined);
    return { skipped: `PostgreSQL at ${redact(adminUrl)} is unreachable (${(err as Error).message})` };
  }
  let version = '';
  try {
    version = (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '';
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(adminUrl.toString());
  dbUrl.pathname = `/${name}`;
  return {
    kind: 'postgres',
    label: `PostgreSQL ${version} (${redact(dbUrl)})`,
    config: { DATABASE_URL: dbUrl.toString(), ...(poolSize ? { DB_POOL_SIZE: poolSize } : {}) },
    async dispose() {
      if (process.env.BENCH_KEEP_DATABASE === '1') {
        console.log(`BENCH_KEEP_DATABASE=1: kept ${redact(dbUrl)}`);
        return;
      }
      const c = new pg.Client({ connectionString: adminUrl.toString() });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

function redact(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.password) copy.password = '***';
  return copy.toString();
}
