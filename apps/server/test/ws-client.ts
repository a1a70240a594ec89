import WebSocket from 'ws';

export interface Message {
  type: string;
  event?: { type: string; payload: Record<string, unknown> };
  [key: string]: unknown;
}

/** A WebSocket client that keeps every message, so a test can wait for one or assert none came. */
export class TestSocket {
  readonly messages: Message[] = [];
  private waiters: Array<() => void> = [];
  closedWith: number | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      this.messages.push(JSON.parse(raw.toString()) as Message);
      for (const w of this.waiters.splice(0)) w();
    });
    ws.on('close', (code) => {
      this.closedWith = code;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async open(baseUrl: string, headers: Record<string, string>): Promise<TestSocket> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/realtime`, { headers });
    const s = new TestSocket(ws);
    await s.waitFor((m) => m.type === 'hello' || m.type === 'closed', 10_000).catch(() => undefined);
    return s;
  }

  send(msg: unknown): void {
    this.ws.send(JSON.stringify(msg));
  }

  /** Resolves with the first message (already received or coming) that matches. */
  async waitFor(match: (m: Message) => boolean, timeoutMs = 10_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (this.closedWith !== undefined) throw new Error(`socket closed with ${this.closedWith}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => m.event?.type ?? m.type))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  events(type: string): Message[] {
    return this.messages.filter((m) => m.type === 'event' && m.event?.type === type);
  }

  close(): void {
    this.ws.close();
  }
}
