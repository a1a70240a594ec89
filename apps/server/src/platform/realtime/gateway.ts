import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import websocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import { ClientMessage } from '@switchboard/contracts';
import type { Actor, AppContext } from '../context.ts';
import type { DomainEvent, EventAudience } from '../events/bus.ts';
import type { Authenticate } from '../http/server.ts';
import type { PresenceSignal } from './presence.ts';

/** May this actor receive an event with this audience? The push side of every read policy. */
export function mayReceive(actor: Actor, audience: EventAudience): boolean {
  if (actor.role === 'customer') return false;
  if (audience.personal) return audience.userIds.includes(actor.id);
  if (actor.role === 'admin') return true;
  if (audience.staff) return true;
  if (audience.userIds.includes(actor.id)) return true;
  if (audience.teamIds.some((t) => actor.teamIds.includes(t))) return true;
  return audience.triage === true && actor.role === 'supervisor';
}

interface Presence extends PresenceSignal {
  type: 'presence';
  /** An answer to a newcomer's announcement; answers are not answered again. */
  reply?: boolean;
  /** An answer to a starting instance's roll call: for its registry only, not for clients. */
  sync?: boolean;
}

/** A starting instance asks the others who is viewing what (PostgreSQL only). */
interface RollCall {
  type: 'presence-sync';
}

interface Connection {
  id: string;
  /** Counts this connection's presence announcements (see PresenceSignal.seq). */
  seq: number;
  socket: WebSocket;
  actor: Actor;
  viewing: string | undefined;
  typing: boolean;
}

const PRESENCE_CHANNEL = 'switchboard_presence';

export interface GatewayOptions {
  authenticate: Authenticate;
  /** May the actor announce presence on (and so learn who is on) this case? */
  mayWatchCase: (actor: Actor, caseId: string) => Promise<boolean>;
  /** Reloads an actor (teams change) — called on user and team events. */
  reloadActor: (actor: Actor) => Promise<Actor | null>;
}

/**
 * WebSocket gateway at /api/v1/realtime: pushes committed domain events to the connections allowed
 * to see them, and relays presence (viewing/typing) between agents on one case across instances.
 */
export async function registerGateway(http: FastifyInstance, app: AppContext, options: GatewayOptions): Promise<() => Promise<void>> {
  const connections = new Set<Connection>();
  await http.register(websocket, { options: { maxPayload: 64 * 1024 } });

  const send = (c: Connection, msg: unknown) => {
    if (c.socket.readyState === c.socket.OPEN) c.socket.send(JSON.stringify(msg));
  };

  const signal = (c: Connection, state: Presence['state'], caseId: string, extra: Partial<Presence> = {}): Presence => ({
    type: 'presence',
    connection: c.id,
    seq: c.seq,
    caseId,
    user: { id: c.actor.id, name: c.actor.name },
    state,
    ...extra,
  });

  const deliverPresence = (p: Presence) => {
    if (typeof p.connection === 'string' && typeof p.seq === 'number') app.presence.record(p);
    if (p.sync) return;
    const { connection: _connection, seq: _seq, ...forClients } = p;
    let answered = false;
    for (const c of connections) {
      if (c.viewing !== p.caseId || c.actor.id === p.user.id) continue;
      send(c, forClients);
      if (!p.reply && p.state === 'viewing' && !answered) {
        // Tell the newcomer who is here already (once per instance per announcement).
        answered = true;
        for (const here of connections) {
          if (here.viewing === p.caseId && here.actor.id !== p.user.id) {
            relay(signal(here, here.typing ? 'typing' : 'viewing', p.caseId, { reply: true }));
          }
        }
      }
    }
  };

  let publishPresence = async (p: Presence): Promise<void> => deliverPresence(p);
  const relay = (p: Presence): void => {
    publishPresence(p).catch((err: unknown) => app.log.warn({ err }, 'presence not relayed'));
  };
  let stopPresence: (() => Promise<void>) | undefined;
  if (app.db.kind === 'postgres') {
    stopPresence = await app.db.listen(PRESENCE_CHANNEL, (payload) => {
      try {
        const msg = JSON.parse(payload) as Presence | RollCall;
        if (msg.type === 'presence') deliverPresence(msg);
        else if (msg.type === 'presence-sync') {
          for (const c of connections) if (c.viewing) relay(signal(c, c.typing ? 'typing' : 'viewing', c.viewing, { sync: true }));
        }
      } catch {
        /* not ours */
      }
    });
    publishPresence = async (p) => {
      await app.db.query('select pg_notify($1, $2)', [PRESENCE_CHANNEL, JSON.stringify(p)]);
    };
    // Learn who is already viewing what on the other instances (the registry starts empty).
    await app.db.query('select pg_notify($1, $2)', [PRESENCE_CHANNEL, JSON.stringify({ type: 'presence-sync' } satisfies RollCall)]);
  }

  const unsubscribe = app.events.subscribe(async (event: DomainEvent) => {
    for (const c of connections) {
      if (event.type === 'user.changed' || event.type === 'team.changed') {
        const fresh = await options.reloadActor(c.actor);
        if (!fresh) {
          c.socket.close(4401, 'signed out');
          continue;
        }
        c.actor = fresh;
      }
      if (mayReceive(c.actor, event.audience)) {
        send(c, { type: 'event', event: { id: event.id, type: event.type, actorId: event.actorId, payload: event.payload, createdAt: event.createdAt } });
      }
    }
  });

  http.get('/api/v1/realtime', { websocket: true }, async (socket: WebSocket, req: FastifyRequest) => {
    const origin = req.headers.origin;
    const host = req.headers.host;
    if (origin && host && new URL(origin).host !== host) {
      socket.close(4403, 'origin not allowed');
      return;
    }
    let auth;
    try {
      auth = await options.authenticate(req);
    } catch {
      auth = null;
    }
    if (!auth || auth.actor.role === 'customer') {
      socket.close(4401, 'sign in first');
      return;
    }
    const conn: Connection = { id: randomUUID(), seq: 0, socket, actor: auth.actor, viewing: undefined, typing: false };
    connections.add(conn);
    app.metrics.realtimeConnections.inc();
    send(conn, { type: 'hello', user: { id: conn.actor.id, name: conn.actor.name } });

    const leave = () => {
      if (conn.viewing) {
        conn.seq += 1;
        relay(signal(conn, 'left', conn.viewing));
      }
      conn.viewing = undefined;
      conn.typing = false;
    };

    // One message at a time per connection: a 'typing' must not overtake the 'viewing' before it.
    let queue: Promise<void> = Promise.resolve();
    socket.on('message', (raw: Buffer) => {
      queue = queue.then(() => handle(raw)).catch((err: unknown) => app.log.warn({ err }, 'realtime message failed'));
    });
    const handle = async (raw: Buffer): Promise<void> => {
      let msg: ClientMessage;
      try {
        const parsed = ClientMessage.safeParse(JSON.parse(raw.toString('utf8')));
        if (!parsed.success) {
          send(conn, { type: 'error', code: 'validation_failed', detail: parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') });
          return;
        }
        msg = parsed.data;
      } catch {
        send(conn, { type: 'error', code: 'malformed_request', detail: 'messages are JSON' });
        return;
      }
      if (msg.type === 'ping') send(conn, { type: 'pong' });
      else if (msg.type === 'left') {
        if (conn.viewing === msg.caseId) leave();
      } else if (msg.type === 'viewing' || msg.type === 'typing') {
        if (conn.viewing !== msg.caseId) {
          if (!(await options.mayWatchCase(conn.actor, msg.caseId))) {
            send(conn, { type: 'error', code: 'not_found', detail: 'no such case' });
            return;
          }
          leave();
          conn.viewing = msg.caseId;
        }
        conn.typing = msg.type === 'typing' ? msg.typing : false;
        conn.seq += 1;
        await publishPresence(signal(conn, conn.typing ? 'typing' : 'viewing', msg.caseId));
      }
    };
    socket.on('close', () => {
      leave();
      connections.delete(conn);
      app.metrics.realtimeConnections.dec();
    });
  });

  return async () => {
    unsubscribe();
    // Say goodbye for every viewer here while the database is still open, so other instances
    // (and their presence registries) do not keep them.
    await Promise.all(
      [...connections].map(async (c) => {
        if (!c.viewing) return;
        c.seq += 1;
        const p = signal(c, 'left', c.viewing);
        c.viewing = undefined;
        await publishPresence(p).catch(() => undefined);
      }),
    );
    for (const c of connections) c.socket.close(1001, 'server shutting down');
    await stopPresence?.();
  };
}
