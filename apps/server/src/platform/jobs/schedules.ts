import type { Db, Queryable, Tx } from '../db/index.ts';
import { nextCronRun } from './cron.ts';
import type { AnyJobDefinition } from './define-job.ts';

/** Writes the recurring jobs declared in code; keeps a slot already planned unless the cron changed. */
export async function syncSchedules(db: Queryable, defs: Iterable<AnyJobDefinition>): Promise<void> {
  const now = new Date();
  for (const def of defs) {
    if (!def.cron) continue;
    const tz = def.timeZone ?? 'UTC';
    await db.query(
      `insert into job_schedules (name, cron, time_zone, next_run_at) values ($1, $2, $3, $4)
       on conflict (name) do update set cron = excluded.cron, time_zone = excluded.time_zone,
         next_run_at = case when job_schedules.cron = excluded.cron and job_schedules.time_zone = excluded.time_zone
                            then job_schedules.next_run_at else excluded.next_run_at end`,
      [def.name, def.cron, tz, nextCronRun(def.cron, tz, now)],
    );
  }
}

/** Enqueues each recurring job whose time came, once across all instances (row lock + job key). */
export async function enqueueDueSchedules(db: Db, defs: Iterable<AnyJobDefinition>, enqueue: (tx: Tx, name: string, key: string) => Promise<void>): Promise<void> {
  const names = [...defs].filter((d) => d.cron).map((d) => d.name);
  if (names.length === 0) return;
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ name: string; cron: string; time_zone: string; next_run_at: Date }>(
      `select name, cron, time_zone, next_run_at from job_schedules where next_run_at <= now() and name = any($1::text[]) for update skip locked`,
      [names],
    );
    for (const s of rows) {
      await enqueue(tx, s.name, `cron:${s.next_run_at.toISOString()}`);
      await tx.query(`update job_schedules set next_run_at = $2, last_run_at = $3 where name = $1`, [
        s.name,
        nextCronRun(s.cron, s.time_zone, new Date()),
        s.next_run_at,
      ]);
    }
  });
}
