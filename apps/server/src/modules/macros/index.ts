/** Macros: reply texts per language with placeholders and actions on the case, applied from the composer. */
import type { RouteSpec } from '../../platform/http/routes.ts';
import { macroRoutes as routes } from './routes.ts';

export const macroRoutes: readonly RouteSpec[] = routes;
export { seedMacrosDemo } from './demo.ts';
export { applyMacro } from './apply-macro.ts';
