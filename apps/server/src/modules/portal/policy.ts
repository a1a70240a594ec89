/**
 * What a customer may do with a request in the portal — the portal's one visibility rule. Staff
 * visibility (cases/policy.ts) never applies to customers; this is its customer-side counterpart.
 */
import type { Status } from '@switchboard/contracts';

/** The signed-in customer, with the organizations whose members see each other's requests. */
export interface PortalViewer {
  customerId: string;
  sharingOrganizationIds: readonly string[];
}

/** What visibility depends on: who asked, and for which organization. */
export interface RequestScope {
  requesterId: string;
  organizationId: string | null;
}

/**
 * A customer sees their own requests, and the requests of an organization they belong to when
 * that organization lets its members see each other's requests. Everything else is "not found".
 */
export function canSeeRequest(viewer: PortalViewer, r: RequestScope): boolean {
  if (r.requesterId === viewer.customerId) return true;
  return r.organizationId !== null && viewer.sharingOrganizationIds.includes(r.organizationId);
}

/**
 * Only the requester writes to and solves a request: a message from the portal is recorded as the
 * requester's, so a colleague's words must not appear under their name. Closed requests keep their
 * record and take no messages (the customer opens a new request instead).
 */
export function mayReply(viewer: PortalViewer, r: RequestScope & { status: Status; merged: boolean }): boolean {
  return r.requesterId === viewer.customerId && r.status !== 'closed' && !r.merged;
}

export function maySolve(viewer: PortalViewer, r: RequestScope & { status: Status; merged: boolean }): boolean {
  return mayReply(viewer, r) && r.status !== 'solved';
}
