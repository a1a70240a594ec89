import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp } from '../../../test/harness.ts';
import { queueMail } from './index.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives and can be told to refuse. */
async function smtpSink() {
  const received: Received[] = [];
  let reply: { code: number; message: string } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        if (reply) {
          const err = Object.assign(new Error(reply.message), { responseCode: reply.code });
          return callback(err);
        }
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseWith: (r: typeof reply) => (reply = r),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('outgoing mail through the SMTP relay', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  const queue = (subject: string) =>
    t.app.ctx.db.transaction((tx) =>
      queueMail(t.app.ctx, tx, { to: ['ayse.yilmaz@example.com'], subject, text: 'Merhaba Ayşe,\n\niadeniz onaylandı.', headers: { 'Auto-Submitted': 'auto-generated' } }),
    );
  const deadMail = async (subject: string) =>
    (await t.app.ctx.jobs.list({ state: 'dead', name: 'mail.send', limit: 50 })).find((j) => (j.payload as { subject: string }).subject === subject);

  beforeAll(async () => {
    sink = await smtpSink();
    t = await startTestApp({ SMTP_URL: sink.url, MAIL_FROM: 'Kundenservice <service@example.com>', JOBS_POLL_MS: 100 });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('sends a queued message once its transaction commits, with our headers and UTF-8 intact', async () => {
    await queue('İade onayı');
    const mail = await waitFor(() => sink.received.find((m) => m.raw.includes('Auto-Submitted: auto-generated')), 10_000, 'the message at the relay');
    expect(mail.from).toBe('service@example.com');
    expect(mail.to).toEqual(['ayse.yilmaz@example.com']);
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m);
  });

  it('puts a message the relay refuses for good (5xx) on the dead-letter list at once', async () => {
    sink.refuseWith({ code: 550, message: 'mailbox unavailable' });
    await queue('Refused');
    const dead = await waitFor(() => deadMail('Refused'), 10_000, 'the refused mail to go dead');
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toMatch(/refused the message.*mailbox unavailable/);
    sink.refuseWith(null);
  });
});

describe('outgoing mail without a relay', () => {
  it('says clearly that SMTP_URL is missing', async () => {
    const t = await startTestApp({ JOBS_POLL_MS: 100 });
    try {
      await t.app.ctx.db.transaction((tx) => queueMail(t.app.ctx, tx, { to: ['kadri@example.com'], subject: 'Tere', text: 'Tere!' }));
      const dead = await waitFor(async () => (await t.app.ctx.jobs.list({ state: 'dead', name: 'mail.send', limit: 5 }))[0], 10_000, 'the mail to go dead');
      expect(dead.lastError).toMatch(/No SMTP relay is configured \(set SMTP_URL\)/);
    } finally {
      await t.close();
    }
  });
});
