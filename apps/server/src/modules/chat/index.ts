/** Live chat: website widget channels, visitors and their conversations as chat cases. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { AnyJobDefinition } from '../../platform/jobs/index.ts';
import type { SealedColumn } from '../../platform/secrets/index.ts';
import { continueByEmailJob, emailUnreadJob } from './continue-by-email.ts';
import { registerVisitorSocket } from './visitor-socket.ts';
import { identitySecretColumn } from './queries.ts';
import { registerWidgetApp } from './widget-app.ts';

export { chatRoutes } from './routes.ts';
export { widgetRoutes } from './widget-routes.ts';
export { seedChatDemo } from './demo.ts';
export { identitySignature } from './origins.ts';

export const chatJobs: readonly AnyJobDefinition[] = [continueByEmailJob, emailUnreadJob];
export const chatSealedColumns: readonly SealedColumn[] = [identitySecretColumn];

/**
 * Serves the widget (loader, frame, demo page) and the visitors' socket; call after the realtime
 * gateway registered the WebSocket plugin. Returns the stop for shutdown.
 */
export function registerChatWidget(http: FastifyInstance, app: AppContext): () => Promise<void> {
  registerWidgetApp(http, app);
  return registerVisitorSocket(http, app);
}
