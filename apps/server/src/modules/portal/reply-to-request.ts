import type { z } from 'zod';
import type { PortalMessage, PortalReplyBody } from '@switchboard/contracts';
import { systemActor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { addEntry, attachReceivedFiles } from '../cases/index.ts';
import { mayReply } from './policy.ts';
import { conversation, loadRequest, viewerOf } from './queries.ts';
import type { CustomerPrincipal } from './sessions.ts';
import { portalMaxBytes, takeUploads } from './uploads.ts';

/**
 * The requester answers from the portal: an inbound message on channel 'portal' through the cases
 * module's `addEntry`, so the agent sees it live, a pending or solved case opens again and the
 * assignee is notified — exactly as when the customer writes by email.
 */
export async function replyToRequest(app: AppContext, principal: CustomerPrincipal, tx: Tx, ref: string | number, input: z.output<typeof PortalReplyBody>): Promise<PortalMessage> {
  const viewer = await viewerOf(tx, principal);
  const r = await loadRequest(tx, viewer, ref);
  const scope = { requesterId: r.requester_id, organizationId: r.organization_id, status: r.status, merged: r.merged_into_id !== null };
  if (!mayReply(viewer, scope)) {
    if (r.requester_id !== principal.customerId) throw new AppError('forbidden', `Only ${r.requester_name}, who opened request #${r.number}, can write to it`);
    if (r.merged_into_id) throw new AppError('unprocessable', `Request #${r.number} was joined with another request; write there`);
    throw new AppError('unprocessable', `Request #${r.number} is closed. Please open a new request.`);
  }
  const files = await takeUploads(tx, principal, input.uploadIds);
  const entry = await addEntry(app, systemActor, tx, r.id, { kind: 'message', direction: 'inbound', channel: 'portal', body: input.body });
  if (files.length > 0) await attachReceivedFiles(tx, r.id, entry.id, files, portalMaxBytes(app));
  const [message] = await conversation(tx, viewer, r.id, entry.id - 1);
  return message!;
}
