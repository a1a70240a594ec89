import WebSocket from 'ws';

export interface WidgetSocketMessage {
  type: string;
  [key: string]: unknown;
}

/** A visitor's widget socket (/widget/socket) that keeps every message, for tests and the benchmark. */
export class WidgetSocket {
  readonly messages: WidgetSocketMessage[] = [];
  private waiters: Array<() => void> = [];
  closedWith: number | undefined;
  closeReason = '';

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      this.messages.push(JSON.parse(raw.toString()) as WidgetSocketMessage);
      for (const w of this.waiters.splice(0)) w();
    });
    ws.on('close', (code, reason) => {
      this.closedWith = code;
      this.closeReason = reason.toString();
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Opens the socket and says hello with the token; resolves once `ready` (or a close) came. */
  static async open(baseUrl: string, token: string, options: { origin?: string; after?: number; wait?: boolean } = {}): Promise<WidgetSocket> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/widget/socket`, { headers: options.origin ? { origin: options.origin } : {} });
    const s = new WidgetSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    s.send({ type: 'hello', token, after: options.after ?? 0 });
    if (options.wait !== false) await s.waitFor((m) => m.type === 'ready', 10_000).catch(() => undefined);
    return s;
  }

  send(msg: unknown): void {
    this.ws.send(JSON.stringify(msg));
  }

  async waitFor(match: (m: WidgetSocketMessage) => boolean, timeoutMs = 10_000): Promise<WidgetSocketMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (this.closedWith !== undefined) throw new Error(`widget socket closed with ${this.closedWith} ${this.closeReason}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => m.type))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves when the server closed the socket (or after the timeout). */
  async closed(timeoutMs = 5_000): Promise<number | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.closedWith === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.closedWith;
  }

  close(): void {
    this.ws.close();
  }
}
