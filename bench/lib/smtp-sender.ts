/**
 * The email benchmark's load generator, in a worker thread so it does not share the server's
 * event loop (a real MTA runs elsewhere). A lean SMTP client, as an MTA speaks it: one EHLO per
 * connection, then per message MAIL FROM, RCPT TO and DATA sent together (PIPELINING, RFC 2920,
 * which the server advertises), the message, and its 250 — every reply is checked.
 * Posts one message when done: when it started and when each message got its 250 (epoch ms).
 */
import { connect, type Socket } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

export interface SenderJob {
  smtpPort: number;
  emails: number;
  connections: number;
}
export interface SenderResult {
  startedAt: number;
  /** [subject, epoch ms of the 250] */
  acked: Array<[string, number]>;
}

const now = (): number => performance.timeOrigin + performance.now();

/** One SMTP connection: send lines, await whole replies (the last line of a reply has "ddd "). */
class SmtpConnection {
  private buffer = '';
  private readonly replies: string[] = [];
  private waiting: { count: number; resolve: (r: string[]) => void; reject: (e: Error) => void } | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let nl: number;
      let current = '';
      while ((nl = this.buffer.indexOf('\r\n')) >= 0) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 2);
        current += line + '\n';
        if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) {
          this.replies.push(current);
          current = '';
        }
      }
      this.settle();
    });
    socket.on('error', (err) => this.waiting?.reject(err));
  }

  static async open(port: number): Promise<SmtpConnection> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.setNoDelay(true);
    const c = new SmtpConnection(socket);
    await c.expect(1, ['220']);
    c.socket.write('EHLO sender.bench.test\r\n');
    const [ehlo] = await c.expect(1, ['250']);
    if (!/PIPELINING/i.test(ehlo!)) throw new Error('the server does not offer PIPELINING');
    return c;
  }

  private settle(): void {
    if (this.waiting && this.replies.length >= this.waiting.count) {
      const w = this.waiting;
      this.waiting = null;
      w.resolve(this.replies.splice(0, w.count));
    }
  }

  /** The next `codes.length` replies, each starting with its code. */
  async expect(count: number, codes: string[]): Promise<string[]> {
    const replies = await new Promise<string[]>((resolve, reject) => {
      this.waiting = { count, resolve, reject };
      this.settle();
    });
    replies.forEach((r, i) => {
      if (!r.startsWith(codes[i]!)) throw new Error(`expected ${codes[i]}, got ${r.trim()}`);
    });
    return replies;
  }

  async send(from: string, to: string, message: string): Promise<void> {
    this.socket.write(`MAIL FROM:<${from}>\r\nRCPT TO:<${to}>\r\nDATA\r\n`);
    await this.expect(3, ['250', '250', '354']);
    // Dot-stuffing: a line starting with "." gets another one.
    this.socket.write(`${message.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..')}\r\n.\r\n`);
    await this.expect(1, ['250']);
  }

  async close(): Promise<void> {
    this.socket.write('QUIT\r\n');
    await this.expect(1, ['221']).catch(() => undefined);
    this.socket.destroy();
  }
}

/** Message i, as a mail program writes it (UTF-8 body, 8bit). */
export function benchMessage(i: number): { from: string; subject: string; text: string } {
  const from = `kunde${i % 500}@example.com`;
  const subject = `Bench ${i}: Rechnung doppelt bezahlt`;
  const text = [
    `From: Kunde ${i % 500} <${from}>`,
    'To: service@bench.test',
    `Subject: ${subject}`,
    `Message-ID: <bench-${i}@example.com>`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Guten Tag,',
    '',
    `ich habe die Rechnung ${i} zweimal bezahlt. Bitte prüfen Sie das.`,
    '',
    'Viele Grüße',
  ].join('\n');
  return { from, subject, text };
}

async function send(job: SenderJob): Promise<SenderResult> {
  const connections = await Promise.all(Array.from({ length: job.connections }, () => SmtpConnection.open(job.smtpPort)));
  const acked: Array<[string, number]> = [];
  const startedAt = now();
  let next = 0;
  try {
    await Promise.all(
      connections.map(async (c) => {
        while (next < job.emails) {
          const m = benchMessage(next++);
          await c.send(m.from, 'service@bench.test', m.text);
          acked.push([m.subject, now()]);
        }
      }),
    );
  } finally {
    await Promise.all(connections.map((c) => c.close()));
  }
  return { startedAt, acked };
}

if (parentPort && workerData) {
  const port = parentPort;
  send(workerData as SenderJob).then(
    (result) => port.postMessage({ ok: true, result }),
    (err: unknown) => port.postMessage({ ok: false, error: String(err instanceof Error ? err.stack : err) }),
  );
}
