import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { AppContext } from '../../platform/context.ts';
import { receiveEmail } from './receive-email.ts';

/**
 * The built-in SMTP server for inbound mail (SMTP_SERVER_PORT). It answers 250 only after the
 * message is committed to the database; any failure before that is a 451 (try again later), so
 * the sending server keeps the message and retries — nothing is lost in between.
 */
export async function startSmtpServer(app: AppContext): Promise<{ port: number; close(): Promise<void> }> {
  const max = app.config.EMAIL_MAX_BYTES;
  const server = new SMTPServer({
    name: new URL(app.config.PUBLIC_URL ?? 'http://localhost').hostname,
    banner: 'Switchboard',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: max,
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(Object.assign(new Error(`Message larger than ${max} bytes`), { responseCode: 552 }));
        receiveEmail(app, {
          source: 'smtp',
          raw: Buffer.concat(chunks),
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
        }).then(
          () => callback(),
          (err: unknown) => {
            app.log.error({ err }, 'could not store an inbound message; the sender will retry');
            callback(Object.assign(new Error('Temporary failure, try again later'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  server.on('error', (err) => app.log.warn({ err }, 'SMTP server error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(app.config.SMTP_SERVER_PORT, app.config.SMTP_SERVER_HOST, () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
