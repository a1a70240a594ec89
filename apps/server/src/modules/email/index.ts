/** Email: inbound through the built-in SMTP server and HTTP ingest, stored raw, threaded onto cases. */
export { emailRoutes } from './routes.ts';
export { conversationRoutes } from './conversation-routes.ts';
export { startSmtpServer } from './smtp-server.ts';
export { ImapPoller } from './imap-poller.ts';
export { receiveEmail } from './receive-email.ts';
export { processEmailJob } from './process-email.ts';
export { parseEmail, type InboundEmail } from './parse-email.ts';

import type { SealedColumn } from '../../platform/secrets/index.ts';
import { imapPasswordColumn } from './manage-mailboxes.ts';
import { processEmailJob } from './process-email.ts';
import { mailFailedJob, sendReplyJob } from './send-reply.ts';
export const emailJobs = [processEmailJob, sendReplyJob, mailFailedJob];
export const emailSealedColumns: readonly SealedColumn[] = [imapPasswordColumn];
export { seedDemoMailboxes } from './demo.ts';
