import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp } from '../../../test/harness.ts';
import { smtpSink } from '../../../test/smtp-sink.ts';
import { queueMail } from './index.ts';

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
