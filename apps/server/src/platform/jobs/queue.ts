import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Db, Tx } from '../db/index.ts';
import type { Metrics } from '../metrics.ts';
import { PermanentJobError, type AnyJobDefinition, type EnqueueOptions, type JobRun } from './define-job.ts';
import type { DurableSubscribers } from '../events/bus.ts';
import { validateCron } from './cron.ts';
import { jobStats, listJobs, type JobListFilter, type JobRow, type JobStats } from './job-admin.ts';
import { backoffDelay, errorText } from './retry-policy.ts';
import { enqueueDueSchedules, syncSchedules } from './schedules.ts';

const WAKE_CHANNEL = 'switchboard_jobs';
const DEFAULT_ATTEMPTS = 8;
const DEFAULT_BACKOFF_MS = 2_000;

export interface JobQueueOptions {
  /** Jobs one instance runs at the same time; 0 turns the worker off (enqueueing still works). */
  concurrency: number;
  /** How often to look for due jobs without a wake-up (delayed jobs, other instances' timers). */
  pollMs: number;
  /** A claimed job stays this worker's for this long; renewed every third of it while it runs. */
  leaseMs: number;
}

interface ClaimedRow {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  run_at: Date;
}

class LeaseLost extends Error {}

/**
 * Lets pending I/O (HTTP requests, sockets) run first. PGlite runs each query synchronously, so a
 * worker going from job to job through promise callbacks alone would starve every request until
 * the queue is empty.
 */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The job queue and worker of one instance. Jobs are rows: enqueued in the caller's transaction
 * (so a job exists exactly when the change that asked for it committed), claimed with
 * `FOR UPDATE SKIP LOCKED` under a lease (so each runs on one worker; a dead worker's lease runs
 * out and the job is retried), deleted when done, kept as `dead` when its tries are used up.
 */
export class JobQueue {
  private readonly defs = new Map<string, AnyJobDefinition>();
  private readonly byEvent = new Map<string, string[]>();
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private ctx: AppContext | undefined;
  private readonly inFlight = new Map<number, Promise<void>>();
  /**
   * Claimed, not started yet. A claim costs about the same for one job as for twenty (on PGlite a
   * few milliseconds of planning and locking), so the worker takes a few at a time.
   */
  private buffer: ClaimedRow[] = [];
  private started = false;
  private stopping = false;
  private claiming = false;
  private again = false;
  private pollTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private nextWake: { at: number; timer: NodeJS.Timeout } | undefined;
  private stopListening: (() => Promise<void>) | undefined;
  private lastMaintenance = 0;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly metrics: Metrics,
    private readonly options: JobQueueOptions,
  ) {}

  /** Declares job kinds (before start). Names must be unique. */
  register(defs: readonly AnyJobDefinition[]): void {
    for (const def of defs) {
      if (this.defs.has(def.name)) throw new Error(`job ${def.name} is defined twice`);
      if (def.cron) validateCron(def.name, def.cron, def.timeZone);
      this.defs.set(def.name, def);
      for (const type of def.events ?? []) this.byEvent.set(type, [...(this.byEvent.get(type) ?? []), def.name]);
    }
  }

  /** Job kinds to enqueue for a domain event of this type, with their attempt limits and conditions. */
  jobsForEvent(type: string): DurableSubscribers {
    const names = this.byEvent.get(type) ?? [];
    return { names, maxAttempts: names.map((n) => this.defs.get(n)?.maxAttempts ?? DEFAULT_ATTEMPTS), conditions: names.map((n) => this.defs.get(n)?.enqueueIf ?? null) };
  }

  /** Enqueues a job in the transaction: it exists (and runs) only if the transaction commits. */
  async enqueue<P>(tx: Tx, job: AnyJobDefinition | string, payload: P, options: EnqueueOptions = {}): Promise<void> {
    const name = typeof job === 'string' ? job : job.name;
    const def = this.defs.get(name) ?? (typeof job === 'string' ? undefined : job);
    if (!def) throw new Error(`unknown job ${name}`);
    const parsed = def.payload.parse(payload);
    const runAt = options.runAt ?? (options.delayMs ? new Date(Date.now() + options.delayMs) : null);
    const conflict = options.key
      ? options.replace
        ? `on conflict (name, key) where state = 'queued' and key is not null do update set payload = excluded.payload, run_at = excluded.run_at, max_attempts = excluded.max_attempts`
        : `on conflict (name, key) where state = 'queued' and key is not null do nothing`
      : '';
    const params = [name, options.key ?? null, JSON.stringify(parsed ?? {}), runAt, options.maxAttempts ?? def.maxAttempts ?? DEFAULT_ATTEMPTS];
    const insert = `insert into jobs (name, key, payload, run_at, max_attempts) values ($1, $2, $3::jsonb, coalesce($4::timestamptz, now()), $5) ${conflict}`;
    if (this.db.kind === 'postgres' && !runAt) {
      // The wake-up is delivered on commit, to every instance; duplicates in one transaction fold into one.
      await tx.query(`with j as (${insert} returning 1) select pg_notify('${WAKE_CHANNEL}', '') from j`, params);
    } else {
      await tx.query(insert, params);
    }
    if (this.db.kind === 'pglite' || runAt) tx.afterCommit(() => this.wakeAt(runAt ?? new Date()));
  }

  /** Enqueues many jobs of one kind, due now, in one statement (no keys). */
  async enqueueMany<P>(tx: Tx, job: AnyJobDefinition, payloads: readonly P[]): Promise<void> {
    if (payloads.length === 0) return;
    const json = payloads.map((p) => JSON.stringify(job.payload.parse(p) ?? {}));
    await tx.query(
      `insert into jobs (name, payload, max_attempts) select $1, p::jsonb, $3 from unnest($2::text[]) as p`,
      [job.name, json, job.maxAttempts ?? DEFAULT_ATTEMPTS],
    );
    if (this.db.kind === 'postgres') await tx.query(`select pg_notify('${WAKE_CHANNEL}', '')`);
    else tx.afterCommit(() => this.wake());
  }

  /** Removes a queued job by key (a timer that is no longer needed). Returns how many went. */
  async cancel(tx: Tx, job: AnyJobDefinition | string, key: string): Promise<number> {
    const name = typeof job === 'string' ? job : job.name;
    const { rowCount } = await tx.query(`delete from jobs where name = $1 and key = $2 and state = 'queued'`, [name, key]);
    return rowCount;
  }

  /** Starts the worker and the scheduler of recurring jobs. */
  async start(ctx: AppContext): Promise<void> {
    this.ctx = ctx;
    if (this.options.concurrency <= 0) return;
    this.started = true;
    await syncSchedules(this.db, this.defs.values());
    if (this.db.kind === 'pglite') {
      // One process per folder: a job still marked running was left by a process that died.
      await this.db.query(
        `update jobs set state = 'queued', run_at = now(), locked_by = null, locked_until = null, last_error = 'worker stopped while running it' where state = 'running'`,
      );
    } else {
      this.stopListening = await this.db.listen(WAKE_CHANNEL, () => this.wake(), { onReconnect: () => this.wake() });
    }
    this.pollTimer = setInterval(() => this.wake(), this.options.pollMs);
    this.pollTimer.unref();
    this.heartbeat = setInterval(() => void this.renewLeases(), this.options.leaseMs / 3);
    this.heartbeat.unref();
    this.wake();
  }

  /** Stops claiming, waits for running jobs to finish, stops listening. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.pollTimer);
    clearInterval(this.heartbeat);
    if (this.nextWake) clearTimeout(this.nextWake.timer);
    const unstarted = this.buffer.map((r) => r.id);
    this.buffer = [];
    if (unstarted.length > 0) {
      // Hand back what this worker claimed but never began, without counting an attempt.
      await this.db
        .query(`update jobs set state = 'queued', attempts = attempts - 1, locked_by = null, locked_until = null where id = any($1::int8[]) and locked_by = $2`, [unstarted, this.workerId])
        .catch((err) => this.log.warn({ err }, 'could not hand back claimed jobs; their leases will run out'));
    }
    await Promise.allSettled([...this.inFlight.values()]);
    await this.stopListening?.();
  }

  /** Looks for due jobs now. */
  wake(): void {
    if (!this.started || this.stopping) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = true;
    void this.claimLoop().finally(() => {
      this.claiming = false;
    });
  }

  private wakeAt(at: Date): void {
    const delay = at.getTime() - Date.now();
    if (delay <= 5) return this.wake();
    if (delay > this.options.pollMs) return; // the poll finds it
    if (this.nextWake && this.nextWake.at <= at.getTime()) return;
    if (this.nextWake) clearTimeout(this.nextWake.timer);
    const timer = setTimeout(() => {
      this.nextWake = undefined;
      this.wake();
    }, delay);
    timer.unref();
    this.nextWake = { at: at.getTime(), timer };
  }

  private async claimLoop(): Promise<void> {
    try {
      if (Date.now() - this.lastMaintenance > this.options.pollMs) {
        this.lastMaintenance = Date.now();
        await this.reapExpiredLeases();
        await enqueueDueSchedules(this.db, this.defs.values(), (tx, name, key) => this.enqueue(tx, name, {}, { key }));
      }
      do {
        this.again = false;
        const free = this.options.concurrency - this.inFlight.size;
        if (free <= 0 || this.stopping) break;
        await yieldToEventLoop();
        if (this.buffer.length === 0) {
          const batch = this.options.concurrency * 4;
          this.buffer = await this.claim(batch);
          if (this.buffer.length === batch) this.again = true;
        }
        for (const row of this.buffer.splice(0, free)) this.execute(row);
        if (this.buffer.length > 0) this.again = true;
      } while (this.again && !this.stopping);
    } catch (err) {
      if (!this.stopping) this.log.error({ err }, 'job worker could not claim jobs');
    }
  }

  private async claim(limit: number): Promise<ClaimedRow[]> {
    const { rows } = await this.db.query<ClaimedRow>(
      `update jobs set state = 'running', attempts = attempts + 1, locked_by = $1,
              locked_until = now() + make_interval(secs => $2), started_at = now()
       where id in (select id from jobs where state = 'queued' and run_at <= now() and name = any($3::text[])
                    order by run_at, id limit $4 for update skip locked)
       returning id, name, payload, attempts, max_attempts, run_at`,
      [this.workerId, this.options.leaseMs / 1000, [...this.defs.keys()], limit],
      { prepare: true },
    );
    return rows;
  }

  private execute(row: ClaimedRow): void {
    const done = this.runOne(row).finally(() => {
      this.inFlight.delete(row.id);
      this.wake();
    });
    this.inFlight.set(row.id, done);
  }

  private async runOne(row: ClaimedRow): Promise<void> {
    await yieldToEventLoop();
    const def = this.defs.get(row.name)!;
    this.metrics.jobStartDelay.observe({ name: row.name }, Math.max(0, Date.now() - row.run_at.getTime()) / 1000);
    const run: JobRun = { id: row.id, name: row.name, attempt: row.attempts, maxAttempts: row.max_attempts, ctx: this.ctx! };
    const parsed = def.payload.safeParse(row.payload);
    if (!parsed.success) {
      await this.fail(row, def, run, new PermanentJobError(`payload does not match: ${parsed.error.message}`), row.payload);
      return;
    }
    const started = performance.now();
    try {
      if (def.runInTransaction) {
        await this.db.transaction(async (tx) => {
          await def.runInTransaction!(tx, parsed.data, run);
          const { rowCount } = await tx.query(`delete from jobs where id = $1 and locked_by = $2`, [row.id, this.workerId]);
          if (rowCount === 0) throw new LeaseLost();
        });
      } else {
        await def.run!(parsed.data, run);
        await this.db.query(`delete from jobs where id = $1 and locked_by = $2`, [row.id, this.workerId]);
      }
      this.metrics.jobsFinished.inc({ name: row.name, outcome: 'done' });
      this.metrics.jobRunSeconds.observe({ name: row.name }, (performance.now() - started) / 1000);
    } catch (err) {
      if (err instanceof LeaseLost) {
        this.log.warn({ jobId: row.id, job: row.name }, 'job lease lost; its changes were rolled back and another worker has it');
        return;
      }
      await this.fail(row, def, run, err, parsed.data);
    }
  }

  private async fail(row: ClaimedRow, def: AnyJobDefinition, run: JobRun, err: unknown, payload: unknown): Promise<void> {
    const message = errorText(err);
    const dead = err instanceof PermanentJobError || row.attempts >= row.max_attempts;
    try {
      if (dead) {
        await this.db.transaction(async (tx) => {
          const { rowCount } = await tx.query(
            `update jobs set state = 'dead', last_error = $3, finished_at = now(), locked_by = null, locked_until = null where id = $1 and locked_by = $2`,
            [row.id, this.workerId, message],
          );
          if (rowCount > 0) await def.onDead?.(tx, payload, message, run);
        });
        this.log.warn({ jobId: row.id, job: row.name, err: message }, 'job failed for good; it is on the dead-letter list');
      } else {
        const delay = backoffDelay(def.backoffMs ?? DEFAULT_BACKOFF_MS, row.attempts);
        await this.db.query(
          `update jobs set state = 'queued', last_error = $3, run_at = now() + make_interval(secs => $4), locked_by = null, locked_until = null where id = $1 and locked_by = $2`,
          [row.id, this.workerId, message, delay / 1000],
        );
        this.wakeAt(new Date(Date.now() + delay));
      }
      this.metrics.jobsFinished.inc({ name: row.name, outcome: dead ? 'dead' : 'retry' });
    } catch (recordErr) {
      // The lease runs out and the job is retried; nothing is lost.
      this.log.error({ err: recordErr, jobId: row.id }, 'could not record a job failure');
    }
  }

  private async renewLeases(): Promise<void> {
    const held = [...this.inFlight.keys(), ...this.buffer.map((r) => r.id)];
    if (held.length === 0) return;
    try {
      await this.db.query(`update jobs set locked_until = now() + make_interval(secs => $3) where id = any($1::int8[]) and locked_by = $2`, [
        held,
        this.workerId,
        this.options.leaseMs / 1000,
      ]);
    } catch (err) {
      this.log.warn({ err }, 'could not renew job leases');
    }
  }

  /** Jobs whose worker vanished: back to the queue (their attempt counted), or dead when used up. */
  private async reapExpiredLeases(): Promise<void> {
    const { rows } = await this.db.query<{ id: number; name: string; state: string; payload: unknown; attempts: number; max_attempts: number }>(
      `update jobs set state = case when attempts >= max_attempts then 'dead' else 'queued' end,
              finished_at = case when attempts >= max_attempts then now() end,
              last_error = 'the worker running it stopped responding (lease expired)',
              locked_by = null, locked_until = null, run_at = now()
       where state = 'running' and locked_until < now()
       returning id, name, state, payload, attempts, max_attempts`,
    );
    for (const r of rows) {
      this.log.warn({ jobId: r.id, job: r.name, state: r.state }, 'took back a job from a worker that stopped responding');
      const def = this.defs.get(r.name);
      if (r.state !== 'dead' || !def?.onDead) continue;
      const run: JobRun = { id: r.id, name: r.name, attempt: r.attempts, maxAttempts: r.max_attempts, ctx: this.ctx! };
      await this.db.transaction((tx) => def.onDead!(tx, r.payload, 'worker lost', run)).catch((err) => this.log.error({ err }, 'onDead failed'));
    }
  }

  /** Jobs in one state, newest first (keyset by id). */
  list(filter: JobListFilter): Promise<JobRow[]> {
    return listJobs(this.db, filter);
  }

  stats(): Promise<JobStats[]> {
    return jobStats(this.db);
  }

  /** Puts a dead job back in the queue with fresh attempts. False if there is no such dead job. */
  async retry(tx: Tx, id: number): Promise<boolean> {
    const { rowCount } = await tx.query(
      `update jobs set state = 'queued', attempts = 0, run_at = now(), finished_at = null where id = $1 and state = 'dead'`,
      [id],
    );
    if (rowCount > 0) tx.afterCommit(() => this.wake());
    return rowCount > 0;
  }

  /** Deletes a dead job. False if there is no such dead job. */
  async remove(tx: Tx, id: number): Promise<boolean> {
    const { rowCount } = await tx.query(`delete from jobs where id = $1 and state = 'dead'`, [id]);
    return rowCount > 0;
  }
}
