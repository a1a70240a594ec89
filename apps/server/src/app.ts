import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Config } from './platform/config.ts';
import type { AppContext } from './platform/context.ts';
import { migrate, openDb, type Db } from './platform/db/index.ts';
import { EventBus } from './platform/events/bus.ts';
import { JobQueue, type AnyJobDefinition } from './platform/jobs/index.ts';
import { platformJobs, jobRoutes } from './platform/jobs/routes.ts';
import { closeMail, mailJobs } from './platform/mail/index.ts';
import { createHttpServer, mountRoutes } from './platform/http/server.ts';
import { openApiDocument } from './platform/http/openapi.ts';
import type { RouteSpec } from './platform/http/routes.ts';
import { createMetrics } from './platform/metrics.ts';
import { registerGateway } from './platform/realtime/gateway.ts';
import { PresenceRegistry } from './platform/realtime/presence.ts';
import { loadSecretBox, sealStoredSecrets, type LoadedKey, type SealedColumn } from './platform/secrets/index.ts';
import { attachmentRoutes, caseRoutes, viewRoutes, canSeeCase, pruneUploadsJob } from './modules/cases/index.ts';
import { customerRoutes } from './modules/customers/index.ts';
import { fieldRoutes } from './modules/fields/index.ts';
import { actorFor, identityRoutes, invitationRoutes, makeAuthenticator, pruneIdentityJob } from './modules/identity/index.ts';
import { notificationRoutes } from './modules/notifications/index.ts';
import { searchRoutes } from './modules/search/index.ts';
import { supervisorRoutes } from './modules/supervisor/index.ts';
import { slaJobs, slaRoutes } from './modules/sla/index.ts';
import { routingJobs, routingRoutes } from './modules/routing/index.ts';
import { automationJobs, automationRoutes, automationSealedColumns } from './modules/automation/index.ts';
import { conversationRoutes, emailJobs, emailRoutes, emailSealedColumns, ImapPoller, startSmtpServer } from './modules/email/index.ts';
import { macroRoutes } from './modules/macros/index.ts';
import { portalJobs, portalRoutes, registerPortal } from './modules/portal/index.ts';
import { chatJobs, chatRoutes, chatSealedColumns, registerChatWidget, widgetRoutes } from './modules/chat/index.ts';
import { flowRoutes, registerTroubleshootPages } from './modules/flows/index.ts';
import { knowledgeRoutes, registerHelpCenter } from './modules/knowledge/index.ts';
import { operationsRoutes } from './operations.ts';
import { registerWebApp } from './web-app.ts';

export const version = '0.1.0';

/** Every route of the API, in the order the OpenAPI document lists them. */
export const allRoutes: readonly RouteSpec[] = [
  ...identityRoutes,
  ...invitationRoutes,
  ...customerRoutes,
  ...caseRoutes,
  ...attachmentRoutes,
  ...viewRoutes,
  ...fieldRoutes,
  ...searchRoutes,
  ...notificationRoutes,
  ...supervisorRoutes,
  ...routingRoutes,
  ...slaRoutes,
  ...automationRoutes,
  ...emailRoutes,
  ...conversationRoutes,
  ...macroRoutes,
  ...portalRoutes,
  ...chatRoutes,
  ...widgetRoutes,
  ...flowRoutes,
  ...knowledgeRoutes,
  ...jobRoutes,
];

/** Every job kind: durable event subscribers, timers and recurring work of all modules. */
export const allJobs: readonly AnyJobDefinition[] = [...platformJobs, ...mailJobs, pruneIdentityJob, pruneUploadsJob, ...routingJobs, ...slaJobs, ...automationJobs, ...emailJobs, ...portalJobs, ...chatJobs];

/** Every column holding a credential Switchboard reads back: stored sealed (platform/secrets). */
export const allSealedColumns: readonly SealedColumn[] = [...emailSealedColumns, ...automationSealedColumns, ...chatSealedColumns];

export interface App {
  http: FastifyInstance;
  ctx: AppContext;
  /** Fetches IMAP mailboxes (null when EMAIL_IMAP_POLL_MS is 0 or the worker is off). */
  imap: ImapPoller | null;
  /** Starts the built-in SMTP server for inbound mail on this port (0: any free one); returns the port. */
  startSmtp(port: number): Promise<number>;
  /** Stops taking requests, closes sockets, the event listener and the database. */
  close(): Promise<void>;
}

/** Opens the database, applies migrations and assembles the HTTP server; does not listen yet. */
export interface BuildOptions {
  /** An open database to use (and not close). */
  db?: Db;
  /** More job kinds (tests). */
  extraJobs?: readonly AnyJobDefinition[];
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const existingDb = options.db;
  const http = createHttpServer(config);
  const metrics = createMetrics();
  const db = existingDb ?? (await openDb(config, http.log));
  let key: LoadedKey | undefined;
  try {
    const applied = await migrate(db);
    if (applied.length) http.log.info({ applied }, 'migrations applied');
    // SQL cannot seal (it has no key): values in clear text are sealed here, before anything reads them.
    key = loadSecretBox(config, http.log);
    await sealStoredSecrets(db, key.box, allSealedColumns, key.source, http.log);
  } catch (err) {
    // A key file made by a start that failed (not this database's key) is not left behind.
    if (key?.madeFile) rmSync(key.madeFile, { force: true });
    if (!existingDb) await db.close();
    throw err;
  }
  const secrets = key.box;
  const events = new EventBus(db, http.log, metrics);
  const jobs = new JobQueue(db, http.log, metrics, { concurrency: config.JOBS_CONCURRENCY, pollMs: config.JOBS_POLL_MS, leaseMs: config.JOBS_LEASE_MS });
  jobs.register([...allJobs, ...(options.extraJobs ?? [])]);
  events.durableSubscribers = (type) => jobs.jobsForEvent(type);
  events.onJobsEnqueued = () => jobs.wake();
  const ctx: AppContext = { config, db, log: http.log, events, metrics, presence: new PresenceRegistry(), jobs, secrets };
  await events.start();
  const authenticate = makeAuthenticator(ctx);

  mountRoutes(http, ctx, allRoutes, authenticate);
  operationsRoutes(http, ctx, openApiDocument(allRoutes, version));
  await registerTroubleshootPages(http, ctx);
  await registerHelpCenter(http, ctx);
  await registerWebApp(http);
  const stopGateway = await registerGateway(http, ctx, {
    authenticate,
    mayWatchCase: async (actor, caseId) => {
      const { rows } = await db.query<{ team_id: string | null; assignee_id: string | null }>('select team_id, assignee_id from cases where id = $1', [caseId]);
      return rows[0] ? canSeeCase(actor, { teamId: rows[0].team_id, assigneeId: rows[0].assignee_id }) : false;
    },
    reloadActor: (actor) => actorFor(db, actor.id, actor.via),
  });
  const stopPortal = await registerPortal(http, ctx);
  const stopChat = registerChatWidget(http, ctx);

  await jobs.start(ctx);
  const imap = config.EMAIL_IMAP_POLL_MS > 0 && config.JOBS_CONCURRENCY > 0 ? new ImapPoller(ctx, jobs.workerId, config.EMAIL_IMAP_POLL_MS) : null;
  imap?.start();

  let closed = false;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  return {
    http,
    ctx,
    imap,
    async startSmtp(port) {
      smtp = await startSmtpServer({ ...ctx, config: { ...config, SMTP_SERVER_PORT: port } });
      return smtp.port;
    },
    async close() {
      if (closed) return;
      closed = true;
      await smtp?.close();
      await imap?.stop();
      await stopGateway();
      stopPortal();
      await stopChat();
      await http.close();
      await jobs.stop();
      closeMail(config);
      await events.stop();
      if (!existingDb) await db.close();
    },
  };
}
