import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp } from '../../../test/harness.ts';
import { pruneUploadsJob } from '../../modules/cases/index.ts';
import { pruneIdentityJob } from '../../modules/identity/index.ts';
import type { AnyJobDefinition } from './index.ts';
import { pruneJob, vacuumJob } from './housekeeping.ts';

describe('housekeeping jobs', () => {
  let t: TestApp;
  const count = async (sql: string) => (await t.app.ctx.db.query<{ n: number }>(`select count(*)::int8 as n from ${sql}`)).rows[0]!.n;
  const runNow = async (job: AnyJobDefinition) => {
    await t.app.ctx.db.transaction((tx) => t.app.ctx.jobs.enqueue(tx, job, {}));
    await waitFor(async () => (await count(`jobs where name = '${job.name}'`)) === 0, 10_000, job.name);
  };
  beforeAll(async () => {
    t = await startTestApp({ JOBS_POLL_MS: 100 });
  });
  afterAll(async () => t?.close());

  it('forgets old events, idempotency keys, sign-in attempts, expired sessions and unsent uploads; keeps the rest', async () => {
    const user = await t.user('agent');
    const db = t.app.ctx.db;
    await db.query(`insert into events (type, audience, payload, created_at) values ('test.old', '{}', '{}', now() - interval '8 days'), ('test.new', '{}', '{}', now())`);
    await db.query(`insert into idempotency_keys (actor_id, key, request_hash, status, response, created_at) values ($1, 'old', 'h', 201, '{}', now() - interval '25 hours'), ($1, 'new', 'h', 201, '{}', now())`, [user.id]);
    await db.query(`insert into login_attempts (email, ip, success, at) values ('a@example.com', '127.0.0.1', false, now() - interval '2 days'), ('a@example.com', '127.0.0.1', false, now())`);
    await db.query(
      `insert into attachments (file_name, content_type, size, sha256, content, uploaded_by, created_at)
       values ('alt.pdf', 'application/pdf', 1, 'x', '\\x00', $1, now() - interval '25 hours'), ('neu.pdf', 'application/pdf', 1, 'x', '\\x00', $1, now())`,
      [user.id],
    );

    await runNow(pruneJob);
    await runNow(pruneIdentityJob);
    await runNow(pruneUploadsJob);
    await runNow(vacuumJob);

    expect(await count(`events where type like 'test.%'`)).toBe(1);
    expect(await count(`idempotency_keys where key in ('old', 'new')`)).toBe(1);
    expect(await count(`login_attempts where email = 'a@example.com'`)).toBe(1);
    expect((await db.query<{ file_name: string }>(`select file_name from attachments`)).rows.map((r) => r.file_name)).toEqual(['neu.pdf']);
    expect(await count(`jobs where state = 'dead'`)).toBe(0);
  });
});
