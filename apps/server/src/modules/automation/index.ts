/** Automation: triggers and time rules acting on cases, and outgoing webhooks with their delivery log. */
import type { AnyJobDefinition } from '../../platform/jobs/index.ts';
import type { RouteSpec } from '../../platform/http/routes.ts';
import type { SealedColumn } from '../../platform/secrets/index.ts';
import { ruleRoutes } from './routes.ts';
import { runTimeRulesJob } from './run-time-rules.ts';
import { runTriggersJob } from './run-triggers.ts';
import { deliverWebhookJob, pruneDeliveriesJob } from './webhooks/deliver.ts';
import { webhookFanOutJob } from './webhooks/fan-out.ts';
import { webhookRoutes } from './webhooks/routes.ts';
import { webhookSecretColumn } from './webhooks/sign.ts';

export const automationRoutes: readonly RouteSpec[] = [...ruleRoutes, ...webhookRoutes];
export const automationJobs: readonly AnyJobDefinition[] = [runTriggersJob, runTimeRulesJob, webhookFanOutJob, deliverWebhookJob, pruneDeliveriesJob];
export const automationSealedColumns: readonly SealedColumn[] = [webhookSecretColumn];
export { seedAutomationDemo } from './demo.ts';
export { verifySignature } from './webhooks/sign.ts';
