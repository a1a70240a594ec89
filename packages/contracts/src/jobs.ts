import { z } from 'zod';
import { Timestamp } from './common.ts';

export const jobStates = ['queued', 'running', 'dead'] as const;
export const JobState = z.enum(jobStates);

/** A job as administrators see it (the dead-letter list and the queue). */
export const Job = z.object({
  id: z.number().int(),
  name: z.string(),
  key: z.string().nullable(),
  payload: z.unknown(),
  state: JobState,
  runAt: Timestamp,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: Timestamp,
  finishedAt: Timestamp.nullable(),
});
export type Job = z.infer<typeof Job>;

export const JobListQuery = z
  .object({
    state: JobState.default('dead'),
    name: z.string().max(200).optional(),
    /** Keyset cursor: the id of the last job of the previous page. */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const JobList = z.object({ items: z.array(Job), nextBefore: z.number().int().nullable() });

export const JobKindStats = z.object({
  name: z.string(),
  queued: z.number().int(),
  running: z.number().int(),
  dead: z.number().int(),
  oldestDueAt: Timestamp.nullable(),
});
export const JobStatsResponse = z.object({ kinds: z.array(JobKindStats) });
export type JobStatsResponse = z.infer<typeof JobStatsResponse>;

export const JobIdParams = z.object({ id: z.coerce.number().int().positive() }).strict();

export const ProbeBody = z.object({ count: z.number().int().min(1).max(10_000).default(1), tag: z.string().min(1).max(100) }).strict();
