/**
 * The customer's WebSocket (/api/v1/portal/realtime): an agent's public reply appears in the
 * portal without a reload. It never forwards a domain event as it is: for a message or a status
 * change on a case, it works out which customers may see that case and sends each of them a
 * portal DTO read from the database with the portal's own queries — which only ever read
 * `kind = 'message'` entries. Notes, activities and changes have nothing to travel on.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { PortalSocketMessage, Status } from '@switchboard/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { DomainEvent } from '../../platform/events/bus.ts';
import { conversation, viewerOf } from './queries.ts';
import { PORTAL_COOKIE, principalOf, sameOrigin, type CustomerPrincipal } from './sessions.ts';

interface CustomerConnection {
  socket: WebSocket;
  principal: CustomerPrincipal;
  cookie: string;
  checkedAt: number;
}

/** How often an open socket re-checks that its session still exists (sign-out elsewhere, expiry). */
const RECHECK_MS = 60_000;

/** Customers who may see a case: its requester, and members of its organization when it shares. */
async function audienceOf(app: AppContext, caseId: string): Promise<{ number: number; status: Status; customerIds: Set<string> } | null> {
  const { rows } = await app.db.query<{ number: number; status: Status; customer_id: string | null }>(
    `select c.number::int as number, c.status, x.customer_id from cases c
     cross join lateral (
       select c.requester_id as customer_id
       union
       select co.customer_id from customer_organizations co join organizations o on o.id = co.organization_id
       where o.id = c.organization_id and o.members_see_requests
     ) x
     where c.id = $1`,
    [caseId],
  );
  if (!rows[0]) return null;
  return { number: rows[0].number, status: rows[0].status, customerIds: new Set(rows.map((r) => r.customer_id).filter((id): id is string => id !== null)) };
}

/** Registers the socket route (after the realtime gateway registered the WebSocket plugin). */
export function registerPortalSocket(http: FastifyInstance, app: AppContext): () => void {
  const connections = new Set<CustomerConnection>();
  const send = (c: CustomerConnection, msg: PortalSocketMessage | { type: 'hello' | 'pong' }) => {
    if (c.socket.readyState === c.socket.OPEN) c.socket.send(JSON.stringify(msg));
  };

  /** Still signed in? A connection whose session ended is closed, not served. */
  const stillValid = async (c: CustomerConnection): Promise<boolean> => {
    if (Date.now() - c.checkedAt < RECHECK_MS) return true;
    const fresh = await principalOf(app.db, c.cookie);
    if (!fresh) {
      c.socket.close(4401, 'signed out');
      connections.delete(c);
      return false;
    }
    c.principal = fresh;
    c.checkedAt = Date.now();
    return true;
  };

  const deliver = async (event: DomainEvent): Promise<void> => {
    if (connections.size === 0) return;
    const payload = event.payload as { caseId?: string; internal?: boolean; entry?: { id?: number; kind?: string }; changes?: Array<{ field: string }> };
    const isMessage = event.type === 'case.entry_added' && payload.internal === false && payload.entry?.kind === 'message' && typeof payload.entry.id === 'number';
    const isStatus = event.type === 'case.updated' && (payload.changes ?? []).some((ch) => ch.field === 'status');
    if ((!isMessage && !isStatus) || typeof payload.caseId !== 'string') return;
    const audience = await audienceOf(app, payload.caseId);
    if (!audience) return;
    for (const c of connections) {
      if (!audience.customerIds.has(c.principal.customerId) || !(await stillValid(c))) continue;
      if (isMessage) {
        const entryId = payload.entry!.id!;
        const viewer = await viewerOf(app.db, c.principal);
        const message = (await conversation(app.db, viewer, payload.caseId, entryId - 1)).find((m) => m.id === entryId);
        if (message) send(c, { type: 'message', number: audience.number, message });
      } else send(c, { type: 'request', number: audience.number, status: audience.status });
    }
  };
  const unsubscribe = app.events.subscribe(deliver);

  http.get('/api/v1/portal/realtime', { websocket: true }, async (socket: WebSocket, req: FastifyRequest) => {
    if (!sameOrigin(req)) {
      socket.close(4403, 'origin not allowed');
      return;
    }
    const cookie = req.cookies[PORTAL_COOKIE] ?? '';
    const principal = await principalOf(app.db, cookie).catch(() => null);
    if (!principal) {
      socket.close(4401, 'sign in first');
      return;
    }
    const conn: CustomerConnection = { socket, principal, cookie, checkedAt: Date.now() };
    connections.add(conn);
    send(conn, { type: 'hello' });
    // Customers only ever ping; anything else is ignored rather than interpreted.
    socket.on('message', (raw: Buffer) => {
      if (raw.length < 100 && raw.toString('utf8').includes('"ping"')) send(conn, { type: 'pong' });
    });
    socket.on('close', () => connections.delete(conn));
  });

  return () => {
    unsubscribe();
    for (const c of connections) c.socket.close(1001, 'server shutting down');
    connections.clear();
  };
}
