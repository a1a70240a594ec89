import type { PushedEvent } from '../api/types.ts';

export interface PresenceMessage {
  type: 'presence';
  caseId: string;
  user: { id: string; name: string };
  state: 'viewing' | 'typing' | 'left';
}

type ServerMessage =
  | { type: 'hello'; user: { id: string; name: string } }
  | { type: 'event'; event: PushedEvent }
  | PresenceMessage
  | { type: 'pong' }
  | { type: 'error'; code: string; detail: string };

type ClientMessage = { type: 'viewing' | 'left'; caseId: string } | { type: 'typing'; caseId: string; typing: boolean } | { type: 'ping' };

export type ConnectionState = 'connecting' | 'open' | 'closed';

/**
 * One WebSocket to the realtime gateway per tab. Reconnects with backoff; after a reconnect it
 * tells listeners (`onReconnect`) so they refetch what they may have missed, and announces the case
 * the agent is on again.
 */
export class RealtimeClient {
  private socket: WebSocket | null = null;
  private attempts = 0;
  private stopped = false;
  private everOpened = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private viewing: string | null = null;
  private readonly eventListeners = new Set<(e: PushedEvent) => void>();
  private readonly presenceListeners = new Set<(p: PresenceMessage) => void>();
  private readonly stateListeners = new Set<(s: ConnectionState) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  state: ConnectionState = 'connecting';

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    this.socket?.close();
    this.socket = null;
  }

  private connect(): void {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/realtime`;
    const socket = new WebSocket(url);
    this.socket = socket;
    this.setState('connecting');
    socket.onopen = () => {
      this.attempts = 0;
      this.setState('open');
      if (this.viewing) this.send({ type: 'viewing', caseId: this.viewing });
      if (this.everOpened) for (const l of this.reconnectListeners) l();
      this.everOpened = true;
      clearInterval(this.heartbeat);
      this.heartbeat = setInterval(() => this.send({ type: 'ping' }), 25_000);
    };
    socket.onmessage = (m) => {
      let msg: ServerMessage;
      try {
        msg = JSON.parse(String(m.data)) as ServerMessage;
      } catch {
        return;
      }
      if (msg.type === 'event') for (const l of this.eventListeners) l(msg.event);
      else if (msg.type === 'presence') for (const l of this.presenceListeners) l(msg);
    };
    socket.onclose = () => {
      clearInterval(this.heartbeat);
      if (this.socket !== socket) return;
      this.setState('closed');
      if (this.stopped) return;
      const delay = Math.min(15_000, 500 * 2 ** this.attempts++) * (0.75 + Math.random() * 0.5);
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }

  private setState(s: ConnectionState): void {
    this.state = s;
    for (const l of this.stateListeners) l(s);
  }

  private send(msg: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(msg));
  }

  /** Announces the case this tab shows (null: none), so others on it see us. */
  view(caseId: string | null): void {
    if (this.viewing && this.viewing !== caseId) this.send({ type: 'left', caseId: this.viewing });
    this.viewing = caseId;
    if (caseId) this.send({ type: 'viewing', caseId });
  }

  typing(caseId: string, typing: boolean): void {
    this.send({ type: 'typing', caseId, typing });
  }

  onEvent(l: (e: PushedEvent) => void): () => void {
    this.eventListeners.add(l);
    return () => this.eventListeners.delete(l);
  }
  onPresence(l: (p: PresenceMessage) => void): () => void {
    this.presenceListeners.add(l);
    return () => this.presenceListeners.delete(l);
  }
  onState(l: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(l);
    return () => this.stateListeners.delete(l);
  }
  onReconnect(l: () => void): () => void {
    this.reconnectListeners.add(l);
    return () => this.reconnectListeners.delete(l);
  }
}

export const realtime = new RealtimeClient();
