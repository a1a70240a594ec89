import { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/index.ts';

/** What a running job knows about itself. */
export interface JobRun {
  readonly id: number;
  readonly name: string;
  /** 1 on the first try. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly ctx: AppContext;
}

/** The payload of a job enqueued by a domain event: the event itself. */
export const EventJobPayload = z.object({
  eventId: z.number().int(),
  type: z.string(),
  actorId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export type EventJobPayload = z.infer<typeof EventJobPayload>;

/**
 * A kind of job. Give exactly one of `runInTransaction` (database-only work: it runs in the very
 * transaction that marks the job done, so its effects happen exactly once even when a worker dies)
 * or `run` (work with effects outside the database — SMTP, HTTP: runs outside any transaction, at
 * least once, so it must be idempotent).
 */
export interface JobDefinition<P = unknown> {
  /** Unique, dotted: `sla.check`, `webhooks.deliver`. */
  readonly name: string;
  /** Parses the stored payload before every run; a payload that does not parse goes dead at once. */
  readonly payload: z.ZodType<P>;
  readonly runInTransaction?: (tx: Tx, payload: P, run: JobRun) => Promise<void>;
  readonly run?: (payload: P, run: JobRun) => Promise<void>;
  /** Tries before the job goes to the dead-letter list. Default 8. */
  readonly maxAttempts?: number;
  /** First retry delay; doubles per attempt (±20 % jitter), at most one hour. Default 2 s. */
  readonly backoffMs?: number;
  /**
   * Enqueue one job per domain event of these types, in the event's own transaction (a durable
   * subscriber: runs once per event, on one instance, retried on failure). Payload: EventJobPayload.
   */
  readonly events?: readonly string[];
  /**
   * For `events`: an SQL condition under which the job is worth enqueueing at all, evaluated in the
   * statement that writes the event, where `e` is the new event (columns `type`, `payload`). For
   * work that most installations or most events leave nothing to do for (no webhook endpoint
   * subscribed, no SLA policy): each skipped job is a transaction saved. Keep it to index lookups,
   * and true whenever the job could do anything.
   */
  readonly enqueueIf?: string;
  /** Recurring: a cron expression (5 or 6 fields), evaluated in `timeZone` (default UTC). Payload: {}. */
  readonly cron?: string;
  readonly timeZone?: string;
  /** Called in a transaction when the job went dead (attempts used up or PermanentJobError). */
  readonly onDead?: (tx: Tx, payload: P, error: string, run: JobRun) => Promise<void>;
}

/** Declares a job kind; types of the handlers follow from the payload schema. */
export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  if (!def.run === !def.runInTransaction) throw new Error(`job ${def.name}: give exactly one of run or runInTransaction`);
  return def;
}

/** Thrown by a handler when retrying cannot help (a 5xx SMTP reply, a deleted target): dead at once. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date;
  delayMs?: number;
  /**
   * At most one queued job per (name, key): a second enqueue with the same key does nothing, or
   * with `replace` moves the queued one to the new time and payload (timers that get rescheduled).
   */
  key?: string;
  replace?: boolean;
  /** Overrides the definition's maxAttempts for this job. */
  maxAttempts?: number;
}

/** Any job kind, whatever its payload (for registries; the payload schema checks each run). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any>;
