import type { FastifyInstance, FastifyRequest } from 'fastify';
import websocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import { ClientMessage } from '@switchboard/contracts';
import type { Actor, AppContext } from '../context.ts';
import type { DomainEvent, EventAudience } from '../events/bus.ts';
import type { Authenticate } from '../http/server.ts';

/** May this actor receive an event with this audience? The push side of every read policy. */
export function mayReceive(actor: Actor, audience: EventAudience): boolean {
  if (actor.role === 'customer') return false;
  if (actor.role === 'admin') return true;
  if (audience.staff) return true;
  if (audience.userIds.includes(actor.id)) return true;
  if (audience.teamIds.some((t) => actor.teamIds.includes(t))) return true;
  return audience.triage === true && actor.role === 'supervisor';
}

interface Presence {
  type: 'presence';
  caseId: string;
  user: { id: string; name: string };
  state: 'viewing' | 'typing' | 'left';
  /** An answer to a newcomer's announcement; answers are not answered again. */
  reply?: boolean;
}

interface Connection {
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

  const deliverPresence = (p: Presence) => {
    let answered = false;
    for (const c of connections) {
      if (c.viewing !== p.caseId || c.actor.id === p.user.id) continue;
      send(c, p);
      if (!p.reply && p.state === 'viewing' && !answered) {
        // Tell the newcomer who is here already (once per instance per announcement).
        answered = true;
        for (const here of connections) {
          if (here.viewing === p.caseId && here.actor.id !== p.user.id) {
            void publishPresence({ type: 'presence', caseId: p.caseId, user: { id: here.actor.id, name: here.actor.name }, state: here.typing ? 'typing' : 'viewing', reply: true });
          }
        }
      }
    }
  };

  let publishPresence = async (p: Presence): Promise<void> => deliverPresence(p);
  let stopPresence: (() => Promise<void>) | undefined;
  if (app.db.kind === 'postgres') {
    stopPresence = await app.db.listen(PRESENCE_CHANNEL, (payload) => {
      try {
        deliverPresence(JSON.parse(payload) as Presence);
      } catch {
        /* not ours */
      }
    });
    publishPresence = async (p) => {
      await app.db.query('select pg_notify($1, $2)', [PRESENCE_CHANNEL, JSON.stringify(p)]);
    };
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
    const conn: Connection = { socket, actor: auth.actor, viewing: undefined, typing: false };
    connections.add(conn);
    app.metrics.realtimeConnections.inc();
    send(conn, { type: 'hello', user: { id: conn.actor.id, name: conn.actor.name } });

    const leave = () => {
      if (conn.viewing) void publishPresence({ type: 'presence', caseId: conn.viewing, user: { id: conn.actor.id, name: conn.actor.name }, state: 'left' });
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
      const me = { id: conn.actor.id, name: conn.actor.name };
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
        await publishPresence({ type: 'presence', caseId: msg.caseId, user: me, state: conn.typing ? 'typing' : 'viewing' });
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
    for (const c of connections) c.socket.close(1001, 'server shutting down');
    await stopPresence?.();
  };
}
