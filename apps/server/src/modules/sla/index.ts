import type { AnyJobDefinition } from '../../platform/jobs/index.ts';
import type { RouteSpec } from '../../platform/http/routes.ts';

/** Placeholder until this module is built. */
export const slaRoutes: readonly RouteSpec[] = [];
export const slaJobs: readonly AnyJobDefinition[] = [];
