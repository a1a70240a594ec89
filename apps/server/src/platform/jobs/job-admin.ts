import type { Queryable } from '../db/index.ts';

/** What administrators see of the queue: Admin → Jobs and its API. */
export interface JobRow {
  id: number;
  name: string;
  key: string | null;
  payload: unknown;
  state: 'queued' | 'running' | 'dead';
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface JobStats {
  name: string;
  queued: number;
  running: number;
  dead: number;
  /** run_at of the oldest due queued job, if any: how long the queue is behind. */
  oldestDueAt: string | null;
}

export interface JobListFilter {
  state: JobRow['state'];
  name?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

interface StoredRow {
  id: number;
  name: string;
  key: string | null;
  payload: unknown;
  state: JobRow['state'];
  run_at: Date;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const toJobRow = (r: StoredRow): JobRow => ({
  id: r.id,
  name: r.name,
  key: r.key,
  payload: r.payload,
  state: r.state,
  runAt: r.run_at.toISOString(),
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  lastError: r.last_error,
  createdAt: r.created_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
});

/** Jobs in one state, newest first (keyset by id). */
export async function listJobs(db: Queryable, filter: JobListFilter): Promise<JobRow[]> {
  const { rows } = await db.query<StoredRow>(
    `select id, name, key, payload, state, run_at, attempts, max_attempts, last_error, created_at, finished_at from jobs
     where state = $1 and ($2::text is null or name = $2) and ($3::int8 is null or id < $3)
     order by id desc limit $4`,
    [filter.state, filter.name ?? null, filter.beforeId ?? null, filter.limit],
  );
  return rows.map(toJobRow);
}

/** Queue depth per job kind. */
export async function jobStats(db: Queryable): Promise<JobStats[]> {
  const { rows } = await db.query<{ name: string; queued: number; running: number; dead: number; oldest_due_at: Date | null }>(
    `select name,
            count(*) filter (where state = 'queued')::int8 as queued,
            count(*) filter (where state = 'running')::int8 as running,
            count(*) filter (where state = 'dead')::int8 as dead,
            min(run_at) filter (where state = 'queued' and run_at <= now()) as oldest_due_at
     from jobs group by name order by name`,
  );
  return rows.map((r) => ({ name: r.name, queued: r.queued, running: r.running, dead: r.dead, oldestDueAt: r.oldest_due_at?.toISOString() ?? null }));
}
