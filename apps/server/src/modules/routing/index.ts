import type { AnyJobDefinition } from '../../platform/jobs/index.ts';
import type { RouteSpec } from '../../platform/http/routes.ts';

/** Placeholder until this module is built. */
export const routingRoutes: readonly RouteSpec[] = [];
export const routingJobs: readonly AnyJobDefinition[] = [];
