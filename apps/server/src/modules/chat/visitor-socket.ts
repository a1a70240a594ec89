/**
 * The widget's WebSocket (/widget/socket). A visitor's messages are stored through the same
 * use-case as the HTTP endpoint (idempotent by client id); what the visitor receives is read
 * from the database with `visitorMessages`, which only ever reads `kind = 'message'` entries —
 * a note or an activity has nothing to travel on. Agents' typing arrives through the presence
 * registry (fed by the agents' gateway on every instance), read receipts and new messages
 * through the event bus, so a visitor on any instance hears from an agent on any other.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { VisitorClientMessage, type VisitorServerMessage } from '@switchboard/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { DomainEvent } from '../../platform/events/bus.ts';
import { toAppError } from '../../platform/http/server.ts';
import type { PresenceSignal } from '../../platform/realtime/presence.ts';
import { teamOnline } from './availability.ts';
import { visitorMessages } from './queries.ts';
import { emitVisitorEvent, markVisitorRead } from './read-receipts.ts';
import { sendVisitorMessage } from './send-visitor-message.ts';
import { visitorByToken, type VisitorPrincipal } from './visitors.ts';
import { assertRequestOrigin } from './widget-origin.ts';

interface VisitorConnection {
  socket: WebSocket;
  principal: VisitorPrincipal | null;
  caseId: string | null;
  typing: boolean;
  typingSentAt: number;
  beatAt: number;
}

/** Close codes the widget understands: 4401 session gone, 4403 website not allowed, 4404 chat off. */
const closeCode: Record<string, number> = { unauthenticated: 4401, forbidden: 4403, not_found: 4404 };
const HELLO_TIMEOUT_MS = 10_000;
/** At most one heartbeat write per visitor connection in this long. */
const BEAT_MS = 30_000;
/** A visitor still typing is announced again after this long (the agent's indicator times out). */
const TYPING_REPEAT_MS = 3_000;

/** Connections by a key (case, visitor, channel), for the fan-out. */
class Index {
  private readonly map = new Map<string, Set<VisitorConnection>>();
  add(key: string | null, c: VisitorConnection): void {
    if (!key) return;
    let set = this.map.get(key);
    if (!set) this.map.set(key, (set = new Set()));
    set.add(c);
  }
  remove(key: string | null, c: VisitorConnection): void {
    if (!key) return;
    const set = this.map.get(key);
    set?.delete(c);
    if (set?.size === 0) this.map.delete(key);
  }
  get(key: string): ReadonlySet<VisitorConnection> {
    return this.map.get(key) ?? new Set();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
}

/** The visitor's current case: their latest conversation's (followed into a merge). */
async function currentCase(app: AppContext, visitorId: string): Promise<{ caseId: string; mode: 'chat' | 'email'; agentRead: number } | null> {
  const { rows } = await app.db.query<{ case_id: string; mode: 'chat' | 'email'; agent_read_id: number }>(
    `select coalesce(c.merged_into_id, c.id) as case_id, v.mode, v.agent_read_id::int as agent_read_id
     from chat_conversations v join cases c on c.id = v.case_id where v.visitor_id = $1 order by v.created_at desc limit 1`,
    [visitorId],
  );
  return rows[0] ? { caseId: rows[0].case_id, mode: rows[0].mode, agentRead: rows[0].agent_read_id } : null;
}

/** Registers /widget/socket (after the realtime gateway registered the WebSocket plugin); returns its stop. */
export function registerVisitorSocket(http: FastifyInstance, app: AppContext): () => Promise<void> {
  const all = new Set<VisitorConnection>();
  const byCase = new Index();
  const byVisitor = new Index();
  const byChannel = new Index();
  const availability = new Map<string, boolean>();

  const send = (c: VisitorConnection, msg: VisitorServerMessage) => {
    if (c.socket.readyState === c.socket.OPEN) c.socket.send(JSON.stringify(msg));
  };
  const setCase = (c: VisitorConnection, caseId: string | null) => {
    if (c.caseId === caseId) return;
    byCase.remove(c.caseId, c);
    c.caseId = caseId;
    byCase.add(caseId, c);
  };

  const deliver = async (event: DomainEvent): Promise<void> => {
    const caseId = typeof event.payload.caseId === 'string' ? event.payload.caseId : null;
    if (event.type === 'case.entry_added' && caseId && event.payload.internal === false) {
      const conns = byCase.get(caseId);
      const entry = event.payload.entry as { id?: number; kind?: string } | undefined;
      if (conns.size === 0 || entry?.kind !== 'message' || typeof entry.id !== 'number') return;
      const [message] = await visitorMessages(app.db, caseId, 0, entry.id);
      if (!message) return;
      for (const c of conns) {
        send(c, { type: 'message', message });
        if (message.from === 'agent') send(c, { type: 'typing', typing: false, name: message.authorName });
      }
    } else if (event.type === 'chat.agent_read' && caseId && typeof event.payload.upTo === 'number') {
      for (const c of byCase.get(caseId)) send(c, { type: 'read', upTo: event.payload.upTo });
    } else if (event.type === 'agent.presence_changed') {
      scheduleAvailability();
    }
  };
  const unsubscribe = app.events.subscribe((event) => deliver(event).catch((err: unknown) => app.log.warn({ err }, 'chat push failed')));

  // Someone of a team came online or went away: tell the visitors of its channels (once per burst).
  let availabilityTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleAvailability = () => {
    if (availabilityTimer) return;
    availabilityTimer = setTimeout(() => {
      availabilityTimer = undefined;
      void (async () => {
        for (const channelId of [...byChannel.keys()]) {
          const conns = [...byChannel.get(channelId)];
          const teamId = conns[0]?.principal?.channel.team_id ?? null;
          const online = await teamOnline(app.db, teamId);
          if (availability.get(channelId) === online) continue;
          availability.set(channelId, online);
          for (const c of conns) send(c, { type: 'availability', online });
        }
      })().catch((err: unknown) => app.log.warn({ err }, 'chat availability failed'));
    }, 300);
  };

  // Agents typing on a case reach its visitor (the agents' own socket protocol is unchanged).
  const offPresence = app.presence.onSignal((signal: PresenceSignal) => {
    const conns = byCase.get(signal.caseId);
    for (const c of conns) send(c, { type: 'typing', typing: signal.state === 'typing', name: signal.user.name });
  });

  const announce = async (caseId: string | null, payload: { online?: boolean; typing?: boolean }) => {
    if (!caseId) return;
    await app.db.transaction((tx) => emitVisitorEvent(app, tx, caseId, payload));
  };

  const hello = async (c: VisitorConnection, req: FastifyRequest, token: string, after: number): Promise<void> => {
    const principal = await visitorByToken(app.db, token);
    assertRequestOrigin(req, app.config, principal.channel);
    c.principal = principal;
    const current = await currentCase(app, principal.visitor.id);
    setCase(c, current?.caseId ?? null);
    byVisitor.add(principal.visitor.id, c);
    byChannel.add(principal.channel.id, c);
    const { rows } = await app.db.query<{ sockets: number }>('update chat_visitors set sockets = sockets + 1, last_seen_at = now() where id = $1 returning sockets', [principal.visitor.id]);
    const online = await teamOnline(app.db, principal.channel.team_id);
    availability.set(principal.channel.id, online);
    send(c, {
      type: 'ready',
      online,
      mode: current?.mode ?? 'chat',
      agentReadUpTo: current?.agentRead ?? 0,
      messages: current ? await visitorMessages(app.db, current.caseId, after) : [],
    });
    if (rows[0]?.sockets === 1) await announce(c.caseId, { online: true });
  };

  const handle = async (c: VisitorConnection, req: FastifyRequest, raw: Buffer): Promise<void> => {
    let msg: VisitorClientMessage;
    try {
      const parsed = VisitorClientMessage.safeParse(JSON.parse(raw.toString('utf8')));
      if (!parsed.success) {
        send(c, { type: 'error', code: 'validation_failed', detail: parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') });
        return;
      }
      msg = parsed.data;
    } catch {
      send(c, { type: 'error', code: 'malformed_request', detail: 'messages are JSON' });
      return;
    }
    if (!c.principal) {
      if (msg.type !== 'hello') {
        c.socket.close(4401, 'say hello first');
        return;
      }
      try {
        await hello(c, req, msg.token, msg.after);
      } catch (err) {
        const e = toAppError(err);
        c.socket.close(closeCode[e.code] ?? 1011, e.message.slice(0, 120));
      }
      return;
    }
    const p = c.principal;
    if (msg.type === 'ping') {
      send(c, { type: 'pong' });
      if (Date.now() - c.beatAt > BEAT_MS) {
        c.beatAt = Date.now();
        await app.db.query('update chat_visitors set last_seen_at = now() where id = $1', [p.visitor.id]);
      }
    } else if (msg.type === 'message') {
      const clientId = msg.clientId;
      try {
        const body = msg.body;
        const sent = await app.db.transaction((tx) => sendVisitorMessage(app, tx, p, { clientId, body }));
        for (const other of byVisitor.get(p.visitor.id)) setCase(other, sent.caseId);
        c.typing = false;
        send(c, { type: 'ack', clientId, message: sent.message, mode: sent.mode });
      } catch (err) {
        const e = toAppError(err);
        send(c, { type: 'error', code: e.code, detail: e.message, clientId });
      }
    } else if (msg.type === 'typing') {
      const now = Date.now();
      if (msg.typing === c.typing && (!msg.typing || now - c.typingSentAt < TYPING_REPEAT_MS)) return;
      c.typing = msg.typing;
      c.typingSentAt = now;
      await announce(c.caseId, { typing: msg.typing });
    } else if (msg.type === 'read') {
      const caseId = c.caseId;
      const upTo = msg.upTo;
      if (caseId) await app.db.transaction((tx) => markVisitorRead(app, tx, caseId, upTo));
    } else {
      send(c, { type: 'error', code: 'validation_failed', detail: 'already said hello' });
    }
  };

  http.get('/widget/socket', { websocket: true }, (socket: WebSocket, req: FastifyRequest) => {
    const c: VisitorConnection = { socket, principal: null, caseId: null, typing: false, typingSentAt: 0, beatAt: Date.now() };
    all.add(c);
    const timer = setTimeout(() => c.principal || socket.close(4401, 'say hello first'), HELLO_TIMEOUT_MS);
    // One message at a time per connection: a resend must not overtake the send it repeats.
    let queue: Promise<void> = Promise.resolve();
    socket.on('message', (raw: Buffer) => {
      queue = queue.then(() => handle(c, req, raw)).catch((err: unknown) => app.log.warn({ err }, 'widget message failed'));
    });
    socket.on('close', () => {
      clearTimeout(timer);
      all.delete(c);
      byCase.remove(c.caseId, c);
      const p = c.principal;
      if (!p) return;
      byVisitor.remove(p.visitor.id, c);
      byChannel.remove(p.channel.id, c);
      queue = queue
        .then(async () => {
          const { rows } = await app.db.query<{ sockets: number }>('update chat_visitors set sockets = greatest(sockets - 1, 0) where id = $1 returning sockets', [p.visitor.id]);
          if (rows[0]?.sockets === 0) await announce(c.caseId, { online: false, typing: false });
        })
        .catch(() => undefined);
    });
  });

  return async () => {
    unsubscribe();
    offPresence();
    clearTimeout(availabilityTimer);
    for (const c of all) c.socket.close(1012, 'server restarting');
    // Give the close handlers a moment to write the visitors' departure while the database is open.
    await new Promise((r) => setTimeout(r, all.size ? 50 : 0));
  };
}
