/** SLAs: business-hours calendars, policies, each case's clocks, warnings and escalations. */
export { slaRoutes } from './routes.ts';
export { slaJobs } from './jobs.ts';
export { recomputeCaseSla } from './recompute.ts';
export { addBusinessMinutes, businessMinutesBetween } from './clock.ts';
export { seedSlaDemo } from './demo.ts';
