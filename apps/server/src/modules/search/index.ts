/** Search across cases, customers and organizations at once (the command palette). */
export { searchRoutes } from './routes.ts';
