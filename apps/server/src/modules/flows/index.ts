/**
 * Guided troubleshooting flows: versioned decision trees that agents run on cases (every step
 * documented on the timeline, the outcome applied to the case) and customers run in the help
 * center (/help/troubleshoot), where an unsolved problem becomes a case with the path on it.
 */
import type { RouteSpec } from '../../platform/http/routes.ts';
import { flowEditorRoutes } from './routes.ts';
import { flowRunRoutes } from './run-routes.ts';

export const flowRoutes: readonly RouteSpec[] = [...flowEditorRoutes, ...flowRunRoutes];
export { registerTroubleshootPages } from './self-service/pages.ts';
export { seedFlowsDemo } from './demo.ts';
export { validateFlow } from './validate.ts';
