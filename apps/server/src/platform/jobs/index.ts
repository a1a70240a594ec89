/** Durable jobs and timers in PostgreSQL (PGlite or server): enqueue in a transaction, run once. */
export { defineJob, PermanentJobError, EventJobPayload } from './define-job.ts';
export type { JobDefinition, AnyJobDefinition, JobRun, EnqueueOptions } from './define-job.ts';
export { JobQueue } from './queue.ts';
export type { JobRow, JobStats } from './job-admin.ts';
