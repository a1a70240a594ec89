import type { VisitorServerMessage, WidgetMessage, WidgetSession } from '@switchboard/contracts';

/** A refused request, with the server's problem code and text (RFC 9457). */
export class WidgetError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Storage of the frame (per host site in browsers that partition it); memory when it is blocked. */
const memory = new Map<string, string>();
export const store = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return memory.get(key) ?? null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      if (value === null) memory.delete(key);
      else memory.set(key, value);
    }
  },
};

/** Calls a visitor endpoint (/api/v1/widget/…) with the visitor token. */
export async function call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers['x-widget-token'] = token;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`/api/v1/widget${path}`, { method, headers, body: payload });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!res.ok) throw new WidgetError(res.status, String(json.detail ?? json.title ?? res.statusText), json);
  return json as T;
}

export type Session = WidgetSession;
export type Message = WidgetMessage;

export interface SocketEvents {
  onMessage(msg: VisitorServerMessage): void;
  onState(open: boolean): void;
  /** The server ended the session for good (4401/4403/4404): do not reconnect. */
  onEnd(code: number): void;
}

/**
 * The widget's socket: says hello with the token and the last message id it has, so what came
 * while it was away is sent with `ready`; reconnects with backoff (a server restart included).
 */
export class VisitorSocket {
  private ws: WebSocket | null = null;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ping: ReturnType<typeof setInterval> | undefined;
  private stopped = false;
  ready = false;

  constructor(
    private readonly token: string,
    private readonly lastId: () => number,
    private readonly events: SocketEvents,
  ) {}

  start(): void {
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/widget/socket`);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', token: this.token, after: this.lastId() }));
    ws.onmessage = (e) => {
      const msg = JSON.parse(String(e.data)) as VisitorServerMessage;
      if (msg.type === 'ready') {
        this.ready = true;
        this.attempts = 0;
        clearInterval(this.ping);
        this.ping = setInterval(() => this.send({ type: 'ping' }), 25_000);
        this.events.onState(true);
      }
      this.events.onMessage(msg);
    };
    ws.onclose = (e) => {
      clearInterval(this.ping);
      if (this.ws !== ws) return;
      this.ready = false;
      this.events.onState(false);
      if (e.code >= 4400 && e.code < 4500) {
        this.stopped = true;
        this.events.onEnd(e.code);
      }
      if (this.stopped) return;
      const delay = Math.min(10_000, 400 * 2 ** this.attempts++) * (0.75 + Math.random() * 0.5);
      this.timer = setTimeout(() => this.start(), delay);
    };
  }

  /** Sends when connected; false when not (the caller keeps it for the resend after `ready`). */
  send(msg: object): boolean {
    if (!this.ready || this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(msg));
    return true;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.ping);
    this.ws?.close();
  }
}

/** A message id of the widget's own: random, and the same on every resend. */
export const clientId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `w${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
};
