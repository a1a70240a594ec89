import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApp, waitFor, type TestApp, type TestUser } from '../../../test/harness.ts';
import { defineJob, EventJobPayload, PermanentJobError } from './index.ts';
import { backoffDelay } from './retry-policy.ts';
import { nextCronRun } from './cron.ts';

describe('backoff and cron', () => {
  it('doubles the retry delay per attempt within ±20 %, capped at one hour', () => {
    expect(backoffDelay(1000, 1, 0.5)).toBe(1000);
    expect(backoffDelay(1000, 4, 0.5)).toBe(8000);
    expect(backoffDelay(1000, 4, 0)).toBe(6400);
    expect(backoffDelay(1000, 4, 1)).toBe(9600);
    expect(backoffDelay(1000, 30, 0.5)).toBe(3_600_000);
  });

  it('evaluates cron expressions in a time zone, across a daylight-saving change', () => {
    // 02:30 does not exist in Berlin on 29 March 2026; the run moves to the next valid minute.
    expect(nextCronRun('30 2 * * *', 'Europe/Berlin', new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(nextCronRun('0 9 * * 1', 'Europe/Istanbul', new Date('2026-12-02T12:00:00Z')).toISOString()).toBe('2026-12-07T06:00:00.000Z');
  });
});

/** What the test jobs did, by tag: the jobs run in this process, so memory is the simplest record. */
const seen = new Map<string, number[]>();
const record = (tag: string, attempt: number) => seen.set(tag, [...(seen.get(tag) ?? []), attempt]);
const flaky = new Map<string, number>(); // tag → attempts that fail before one succeeds
const deadCalls: string[] = [];

const testJob = defineJob({
  name: 'test.record',
  payload: z.object({ tag: z.string() }),
  maxAttempts: 3,
  backoffMs: 20,
  runInTransaction: async (tx, payload, run) => {
    await tx.query(`insert into job_probe_runs (job_id, tag, worker) values ($1, $2, 'test')`, [run.id, payload.tag]);
    if (payload.tag.startsWith('permanent')) throw new PermanentJobError('the target is gone');
    if ((flaky.get(payload.tag) ?? 0) >= run.attempt) throw new Error(`attempt ${run.attempt} fails`);
    record(payload.tag, run.attempt);
  },
  onDead: async (_tx, payload, error) => {
    deadCalls.push(`${payload.tag}: ${error}`);
  },
});

const externalJob = defineJob({
  name: 'test.external',
  payload: z.object({ tag: z.string() }),
  run: async (payload, run) => {
    record(payload.tag, run.attempt);
  },
});

const onCaseCreated = defineJob({
  name: 'test.on-case-created',
  payload: EventJobPayload,
  events: ['case.created'],
  runInTransaction: async (_tx, event) => {
    record(`event:${String(event.payload.number)}`, 1);
  },
});

/** Subscribes to new cases, but is enqueued only for urgent ones. */
const onUrgentCase = defineJob({
  name: 'test.on-urgent-case',
  payload: EventJobPayload,
  events: ['case.created'],
  enqueueIf: `e.payload #>> '{case,priority}' = 'urgent'`,
  runInTransaction: async (_tx, event) => {
    record(`urgent:${String(event.payload.number)}`, 1);
  },
});

const everySecond = defineJob({
  name: 'test.every-second',
  payload: z.object({}),
  cron: '* * * * * *',
  runInTransaction: async () => {
    record('cron', 1);
  },
});

describe('the job queue', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  const enqueue = (tag: string, options = {}) => t.app.ctx.db.transaction((tx) => t.app.ctx.jobs.enqueue(tx, testJob, { tag }, options));
  const probeRows = async (tag: string) =>
    (await t.app.ctx.db.query<{ n: number }>(`select count(*)::int8 as n from job_probe_runs where tag = $1`, [tag])).rows[0]!.n;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_POLL_MS: 100, JOBS_LEASE_MS: 1500 }, { extraJobs: [testJob, externalJob, onCaseCreated, onUrgentCase, everySecond] });
    admin = await t.user('admin');
    agent = await t.user('agent');
  });
  afterAll(async () => t?.close());

  it('runs a job only if the transaction that enqueued it commits, and then once', async () => {
    await t.app.ctx.db
      .transaction(async (tx) => {
        await t.app.ctx.jobs.enqueue(tx, testJob, { tag: 'rolled-back' });
        throw new Error('abort');
      })
      .catch(() => undefined);
    await enqueue('committed');
    await waitFor(() => seen.get('committed'), 5000, 'the committed job');
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.get('committed')).toEqual([1]);
    expect(seen.get('rolled-back')).toBeUndefined();
    await t.app.ctx.db.transaction((tx) => t.app.ctx.jobs.enqueue(tx, externalJob, { tag: 'outside' }));
    await waitFor(() => seen.get('outside'), 5000, 'the job outside a transaction');
  });

  it('retries a failing job with backoff; a failed try leaves no trace of its work', async () => {
    flaky.set('flaky', 2);
    await enqueue('flaky');
    await waitFor(() => seen.get('flaky'), 5000, 'the third attempt');
    expect(seen.get('flaky')).toEqual([3]);
    // Each failed attempt's insert was rolled back with it: one row, from the attempt that worked.
    expect(await probeRows('flaky')).toBe(1);
  });

  it('puts a job that keeps failing on the dead-letter list, which admins can see, retry and delete', async () => {
    flaky.set('hopeless', 99);
    await enqueue('hopeless');
    const dead = await waitFor(async () => {
      const res = await t.api('GET', '/api/v1/admin/jobs?state=dead&name=test.record', { token: admin.token });
      return res.body.items.find((j: any) => j.payload.tag === 'hopeless');
    }, 5000, 'the dead job');
    expect(dead).toMatchObject({ state: 'dead', attempts: 3, maxAttempts: 3, lastError: 'Error: attempt 3 fails' });
    expect(deadCalls).toContain('hopeless: Error: attempt 3 fails');
    expect((await t.api('GET', '/api/v1/admin/jobs?state=dead', { token: agent.token })).status).toBe(403);

    const stats = await t.api('GET', '/api/v1/admin/jobs/stats', { token: admin.token });
    expect(stats.body.kinds.find((k: any) => k.name === 'test.record')).toMatchObject({ dead: 1 });

    flaky.set('hopeless', 0); // "the fix": the retried job succeeds
    expect((await t.api('POST', `/api/v1/admin/jobs/${dead.id}/retry`, { token: admin.token })).status).toBe(204);
    await waitFor(() => seen.get('hopeless'), 5000, 'the retried job');
    expect((await t.api('POST', `/api/v1/admin/jobs/${dead.id}/retry`, { token: admin.token })).status).toBe(404);

    await enqueue('permanent-1');
    const permanent = await waitFor(async () => {
      const res = await t.api('GET', '/api/v1/admin/jobs?state=dead&name=test.record', { token: admin.token });
      return res.body.items.find((j: any) => j.payload.tag === 'permanent-1');
    }, 5000, 'the permanently failed job');
    expect(permanent.attempts).toBe(1);
    expect((await t.api('DELETE', `/api/v1/admin/jobs/${permanent.id}`, { token: admin.token })).status).toBe(204);
    expect((await t.api('DELETE', `/api/v1/admin/jobs/${permanent.id}`, { token: admin.token })).status).toBe(404);
  });

  it('keeps one queued job per key: a second enqueue does nothing, replace moves it, cancel removes it', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000);
    await enqueue('timer-a', { key: 'case-1', runAt: inAnHour });
    await enqueue('timer-b', { key: 'case-1', runAt: inAnHour });
    const queued = async () =>
      (await t.app.ctx.db.query<{ payload: { tag: string }; run_at: Date }>(`select payload, run_at from jobs where name = 'test.record' and key = 'case-1' and state = 'queued'`)).rows;
    expect((await queued()).map((r) => r.payload.tag)).toEqual(['timer-a']);
    await enqueue('timer-c', { key: 'case-1', runAt: new Date(Date.now() + 200), replace: true });
    await waitFor(() => seen.get('timer-c'), 5000, 'the rescheduled timer');
    expect(seen.get('timer-a')).toBeUndefined();

    await enqueue('timer-d', { key: 'case-2', delayMs: 3_600_000 });
    expect(await t.app.ctx.db.transaction((tx) => t.app.ctx.jobs.cancel(tx, testJob, 'case-2'))).toBe(1);
    expect(await queued()).toEqual([]);
  });

  it('runs a durable event subscriber once per event, written in the event’s transaction', async () => {
    const created = await t.api('POST', '/api/v1/cases', {
      token: admin.token,
      body: { subject: 'Kamera startet nicht', requester: { name: 'Lena Vogel', email: 'lena@example.com' } },
    });
    expect(created.status).toBe(201);
    await waitFor(() => seen.get(`event:${created.body.number}`), 5000, 'the event subscriber');
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.get(`event:${created.body.number}`)).toEqual([1]);
  });

  it('enqueues an event subscriber only when its condition holds for the event', async () => {
    const create = async (priority: string) =>
      (await t.api('POST', '/api/v1/cases', { token: admin.token, body: { subject: `Drucker ${priority}`, priority, requester: { name: 'Lena Vogel', email: 'lena@example.com' } } })).body as { number: number };
    const normal = await create('normal');
    const urgent = await create('urgent');
    await waitFor(() => seen.get(`urgent:${urgent.number}`), 5000, 'the urgent subscriber');
    await waitFor(() => seen.get(`event:${normal.number}`), 5000, 'the unconditional subscriber');
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.get(`urgent:${normal.number}`)).toBeUndefined();
    expect(seen.get(`urgent:${urgent.number}`)).toEqual([1]);
  });

  it('runs recurring jobs on their cron schedule', async () => {
    await waitFor(() => (seen.get('cron')?.length ?? 0) >= 2, 5000, 'two cron runs');
    const { rows } = await t.app.ctx.db.query<{ next_run_at: Date }>(`select next_run_at from job_schedules where name = 'test.every-second'`);
    expect(rows[0]!.next_run_at.getTime()).toBeGreaterThan(Date.now() - 2000);
  });

  it('takes back a job from a worker whose lease ran out, and runs it', async () => {
    await t.app.ctx.db.query(
      `insert into jobs (name, payload, state, attempts, max_attempts, locked_by, locked_until)
       values ('test.record', '{"tag":"orphan"}', 'running', 1, 3, 'a-worker-that-died', now() - interval '1 second')`,
    );
    await waitFor(() => seen.get('orphan'), 5000, 'the orphaned job');
    expect(seen.get('orphan')).toEqual([2]);
  });

  it('runs probe jobs enqueued through the API', async () => {
    const res = await t.api('POST', '/api/v1/admin/jobs/probe', { token: admin.token, body: { count: 50, tag: 'api-probe' } });
    expect(res.status).toBe(202);
    await waitFor(async () => (await probeRows('api-probe')) === 50, 10_000, '50 probe runs');
    expect((await t.api('POST', '/api/v1/admin/jobs/probe', { token: agent.token, body: { tag: 'x' } })).status).toBe(403);
    expect((await t.api('POST', '/api/v1/admin/jobs/probe', { token: admin.token, body: { count: 0, tag: 'x' } })).status).toBe(400);
  });
});
