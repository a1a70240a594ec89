import type { PortalRequest } from '@switchboard/contracts';
import { systemActor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { addActivity, updateCase } from '../cases/index.ts';
import { maySolve } from './policy.ts';
import { getRequest, loadRequest, viewerOf } from './queries.ts';
import type { CustomerPrincipal } from './sessions.ts';

/**
 * The requester says their problem is solved: the case goes to 'solved' (agents can still reopen
 * it, and a new message from the customer reopens it) and the timeline documents who did it.
 */
export async function solveRequest(app: AppContext, principal: CustomerPrincipal, tx: Tx, ref: string | number): Promise<PortalRequest> {
  const viewer = await viewerOf(tx, principal);
  const r = await loadRequest(tx, viewer, ref);
  const scope = { requesterId: r.requester_id, organizationId: r.organization_id, status: r.status, merged: r.merged_into_id !== null };
  if (!maySolve(viewer, scope)) {
    if (r.requester_id !== principal.customerId) throw new AppError('forbidden', `Only ${r.requester_name}, who opened request #${r.number}, can mark it solved`);
    throw new AppError('unprocessable', `Request #${r.number} is ${r.status === 'solved' ? 'solved already' : 'closed'}`);
  }
  await updateCase(app, systemActor, tx, r.id, 'current', { status: 'solved' });
  await addActivity(app, systemActor, tx, r.id, {
    type: 'portal.solved',
    summary: `${principal.name} marked the request as solved in the portal`,
    data: { customerId: principal.customerId, email: principal.email },
  });
  return getRequest(tx, viewer, r.id);
}
