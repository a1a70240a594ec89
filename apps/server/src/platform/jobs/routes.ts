import { z } from 'zod';
import { JobIdParams, JobList, JobListQuery, JobStatsResponse, ProbeBody } from '@switchboard/contracts';
import type { Actor } from '../context.ts';
import { AppError, forbidden } from '../http/errors.ts';
import { route, type RouteSpec } from '../http/routes.ts';
import { defineJob } from './define-job.ts';
import { pruneJob, vacuumJob } from './housekeeping.ts';

/**
 * The probe: a job that only records that it ran. Administrators use it to check the worker
 * ("is anything running jobs?"), the benchmark to measure throughput, the tests to prove that
 * each job runs exactly once across instances.
 */
export const probeJob = defineJob({
  name: 'platform.probe',
  payload: z.object({ tag: z.string() }),
  maxAttempts: 3,
  runInTransaction: async (tx, payload, run) => {
    await tx.query(`insert into job_probe_runs (job_id, tag, worker) values ($1, $2, $3)`, [run.id, payload.tag, run.ctx.jobs.workerId]);
  },
});

export const platformJobs = [probeJob, pruneJob, vacuumJob];

const mustBeAdmin = (actor: Actor): void => {
  if (actor.role !== 'admin') throw forbidden('Only administrators may see and manage jobs.');
};

export const jobRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/admin/jobs/stats',
    summary: 'Jobs per kind: queued, running, dead, and the oldest due one (admins)',
    tag: 'Jobs',
    auth: 'staff',
    response: JobStatsResponse,
    handler: async ({ app, actor }) => {
      mustBeAdmin(actor);
      return { kinds: await app.jobs.stats() };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/admin/jobs',
    summary: 'Jobs in one state, newest first; `state=dead` is the dead-letter list (admins)',
    tag: 'Jobs',
    auth: 'staff',
    query: JobListQuery,
    response: JobList,
    handler: async ({ app, actor, query }) => {
      mustBeAdmin(actor);
      const items = await app.jobs.list({ state: query.state, name: query.name, beforeId: query.before, limit: query.limit });
      return { items, nextBefore: items.length === query.limit ? items[items.length - 1]!.id : null };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/admin/jobs/:id/retry',
    summary: 'Puts a dead job back in the queue with fresh attempts (admins)',
    tag: 'Jobs',
    auth: 'staff',
    params: JobIdParams,
    status: 204,
    handler: async ({ actor, params, transaction, app }) => {
      mustBeAdmin(actor);
      const ok = await transaction((tx) => app.jobs.retry(tx, params.id));
      if (!ok) throw new AppError('not_found', `job ${params.id} is not on the dead-letter list`);
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/admin/jobs/:id',
    summary: 'Deletes a dead job for good (admins)',
    tag: 'Jobs',
    auth: 'staff',
    params: JobIdParams,
    status: 204,
    handler: async ({ actor, params, transaction, app }) => {
      mustBeAdmin(actor);
      const ok = await transaction((tx) => app.jobs.remove(tx, params.id));
      if (!ok) throw new AppError('not_found', `job ${params.id} is not on the dead-letter list`);
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/admin/jobs/probe',
    summary: 'Enqueues probe jobs that only record that they ran: checks that workers run jobs (admins)',
    tag: 'Jobs',
    auth: 'staff',
    body: ProbeBody,
    status: 202,
    response: z.object({ enqueued: z.number().int() }),
    handler: async ({ actor, body, transaction, app }) => {
      mustBeAdmin(actor);
      await transaction((tx) => app.jobs.enqueueMany(tx, probeJob, Array.from({ length: body.count }, () => ({ tag: body.tag }))));
      return { enqueued: body.count };
    },
  }),
];
