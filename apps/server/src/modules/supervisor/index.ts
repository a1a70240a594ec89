/** Supervisor: the live overview of teams, queues and agents. */
export { supervisorRoutes } from './routes.ts';
export { supervisorOverview } from './overview.ts';
