/** Routing: agents' skills, capacity and presence; per-team rules that assign new cases; transfer and escalation. */
import type { AnyJobDefinition } from '../../platform/jobs/index.ts';
import { routeCaseJob, routingSweepJob } from './jobs.ts';

export { routingRoutes } from './routes.ts';
export { presenceOf, capacityOf } from './agents.ts';
export { defaultCapacity } from './settings.ts';
export { seedRoutingDemo } from './demo.ts';

export const routingJobs: readonly AnyJobDefinition[] = [routeCaseJob, routingSweepJob];
