import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, onPostgres, waitFor, type TestDatabase } from './harness.ts';
import { json, root, startInstance, type Instance } from './processes.ts';

const TOKEN = 'kill-test-ingest-token-0123456789';
const MESSAGES = 400;

/** Every tenth message has no sender: it must end in quarantine, not vanish. */
const message = (i: number) =>
  [
    ...(i % 10 === 0 ? [] : [`From: Kunde ${i} <kunde${i % 37}@example.com>`]),
    'To: service@demo.switchboard.dev',
    `Subject: Anfrage ${i}`,
    `Message-ID: <kill-${i}@example.com>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Nachricht Nummer ${i}.`,
  ].join('\r\n');

/** Posts all messages, 8 at a time, until the server stops answering; returns the ids it acknowledged. */
async function sendUntilKilled(url: string, onProgress: (acked: number) => void): Promise<Set<number>> {
  const acked = new Set<number>();
  let next = 0;
  const worker = async () => {
    while (next < MESSAGES) {
      const i = next++;
      try {
        const res = await fetch(`${url}/api/v1/email/inbound`, { method: 'POST', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${TOKEN}` }, body: message(i) });
        if (res.status === 202) acked.add(i);
        onProgress(acked.size);
      } catch {
        return; // the process is gone
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return acked;
}

interface Outcome {
  i: number;
  state: string;
  has_case: boolean;
}

const outcomeSql = `select substring(convert_from(raw, 'UTF8') from 'Message-ID: <kill-([0-9]+)@') ::int as i, state, case_id is not null as has_case from inbound_emails`;

/** Every acknowledged message is in a case (processed or a duplicate of one) or in quarantine with a reason. */
function checkNothingLost(acked: Set<number>, outcomes: Outcome[]): void {
  expect(acked.size).toBeGreaterThan(10);
  const byIndex = new Map<number, Outcome[]>();
  for (const o of outcomes) byIndex.set(o.i, [...(byIndex.get(o.i) ?? []), o]);
  for (const i of acked) {
    const found = byIndex.get(i) ?? [];
    expect(found.length, `message ${i} was acknowledged but is not stored`).toBeGreaterThan(0);
    for (const o of found) {
      if (i % 10 === 0) expect(o.state, `message ${i}`).toBe('quarantined');
      else expect(o.has_case && (o.state === 'processed' || o.state === 'duplicate'), `message ${i}: ${o.state}`).toBe(true);
    }
  }
  expect(outcomes.filter((o) => o.state === 'received')).toEqual([]);
}

const env = { EMAIL_INGEST_TOKEN: TOKEN, JOBS_POLL_MS: '200', JOBS_LEASE_MS: '2000' };

describe.skipIf(!onPostgres)('email ingest across a kill -9 (PostgreSQL)', () => {
  let db: TestDatabase;
  const instances: Instance[] = [];
  afterAll(async () => {
    for (const i of instances) i.proc.kill('SIGKILL');
    await db?.drop();
  });

  it('loses no acknowledged message', { timeout: 240_000 }, async () => {
    db = await freshDatabase();
    const first = await startInstance({ DATABASE_URL: db.url!, ...env });
    instances.push(first);
    const acked = await sendUntilKilled(first.url, (n) => {
      if (n === MESSAGES / 4) first.proc.kill('SIGKILL');
    });
    await first.exit;
    const second = await startInstance({ DATABASE_URL: db.url!, ...env });
    instances.push(second);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await waitFor(async () => Number((await client.query(`select count(*) as n from inbound_emails where state = 'received'`)).rows[0].n) === 0, 60_000, 'processing to finish');
      checkNothingLost(acked, (await client.query<Outcome>(outcomeSql)).rows);
    } finally {
      await client.end();
    }
  });
});

describe.skipIf(onPostgres)('email ingest across a kill -9 (embedded database)', () => {
  it('loses no acknowledged message', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-mail-'));
    try {
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/admin.ts', 'create', '--email', 'ops@example.com', '--name', 'Oskar Ops', '--password', 'a long password'], { cwd: root, env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });
      expect(cli.status, cli.stderr).toBe(0);
      const first = await startInstance({ DATA_DIR: dir, ...env });
      const acked = await sendUntilKilled(first.url, (n) => {
        if (n === MESSAGES / 4) first.proc.kill('SIGKILL');
      });
      await first.exit;
      const second = await startInstance({ DATA_DIR: dir, ...env });
      const login = await json(`${second.url}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'ops@example.com', password: 'a long password' }) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      await waitFor(async () => (await json(`${second.url}/api/v1/email/inbound?state=received`, { headers: { cookie } })).body.items.length === 0, 120_000, 'processing to finish');
      second.proc.kill('SIGTERM');
      expect(await second.exit).toBe(0);
      const db = await PGlite.create(`${dir}/pgdata`);
      try {
        checkNothingLost(acked, (await db.query<Outcome>(outcomeSql)).rows);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
