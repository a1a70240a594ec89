import { SupervisorOverview } from '@switchboard/contracts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { supervisorOverview } from './overview.ts';

export const supervisorRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/supervisor/overview',
    summary: 'Live state of your teams: waiting cases, the unassigned queue, each agent’s load and what they are viewing (supervisors, admins)',
    tag: 'Supervisor',
    auth: 'staff',
    response: SupervisorOverview,
    handler: ({ app, actor }) => supervisorOverview(app, actor),
  }),
];
