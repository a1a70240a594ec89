import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp, type TestUser } from '../../../test/harness.ts';
import { smtpSink } from '../../../test/smtp-sink.ts';
import { WidgetSocket } from '../../../test/widget-client.ts';

const shop = 'https://shop.example.com';
const ingestToken = 'chat-email-test-ingest-token-0123456789';
/** The raw message with quoted-printable undone (soft line breaks, =XX bytes as UTF-8). */
const decoded = (raw: string) => Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

describe('chat continued by email', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let agent: TestUser;
  let channelId: string;

  const widget = (method: string, path: string, token: string | undefined, body?: unknown) =>
    t.api(method, `/api/v1/widget${path}`, { body, headers: token ? { 'x-widget-token': token } : {} });
  const caseOf = async (email: string) => {
    const { rows } = await t.app.ctx.db.query<{ id: string; number: number }>(
      `select c.id, c.number::int as number from cases c join customer_emails e on e.customer_id = c.requester_id where e.email = $1 and c.channel = 'chat' order by c.created_at desc limit 1`,
      [email],
    );
    return rows[0]!;
  };
  const mailTo = (address: string, count = 1) => waitFor(() => (sink.received.filter((m) => m.to.includes(address)).length >= count ? sink.received.filter((m) => m.to.includes(address)) : undefined), 15_000, `mail to ${address}`);

  beforeAll(async () => {
    sink = await smtpSink();
    t = await startTestApp({ SMTP_URL: sink.url, EMAIL_INGEST_TOKEN: ingestToken, JOBS_POLL_MS: 100 });
    const teamId = await t.team('Technical Support');
    const admin = await t.user('admin');
    agent = await t.user('agent', [teamId], { name: 'Lukas Hoffmann' });
    await t.app.ctx.db.query(`insert into mailboxes (name, address, team_id) values ('Technical Support', 'support@shop.example.com', $1)`, [teamId]);
    const created = await t.api('POST', '/api/v1/chat/channels', { token: admin.token, body: { name: 'Shop chat', teamId, languages: ['en', 'de'], allowedOrigins: [shop] } });
    channelId = created.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('when nobody is online, the visitor leaves an email, and the answer goes by email on the same case; their email reply joins it', async () => {
    const s = await widget('POST', '/sessions', undefined, { channelId, host: shop, language: 'de' });
    expect(s.body.online).toBe(false);
    await widget('POST', '/profile', s.body.token, { name: 'Annalena Böhm', email: 'annalena.boehm@example.org' });
    const sent = await widget('POST', '/messages', s.body.token, { clientId: 'offline-msg-1', body: 'Meine Kaffeemaschine zeigt Fehler E04.' });
    expect(sent.status).toBe(201);
    const c = await caseOf('annalena.boehm@example.org');
    const state = await t.api('GET', `/api/v1/chat/cases/${c.id}`, { token: agent.token });
    expect(state.body.mode).toBe('email');
    const again = await widget('POST', '/sessions', undefined, { channelId, host: shop, token: s.body.token });
    expect(again.body.mode).toBe('email');

    // The agent answers later in the case screen, as on any chat.
    await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: agent.token, body: { kind: 'message', body: 'E04 bedeutet: Wassertank leer. Bitte auffüllen.' } });
    const [mail] = await mailTo('annalena.boehm@example.org');
    expect(mail!.raw).toContain(`[#${c.number}]`);
    expect(mail!.raw).toMatch(/From: .*support@shop\.example\.com/);
    expect(decoded(mail!.raw)).toContain('Lukas Hoffmann schrieb:');
    expect(decoded(mail!.raw)).toContain('Antworten Sie einfach auf diese E-Mail');
    // A note is never mailed.
    await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: agent.token, body: { kind: 'note', body: 'internal only' } });

    // She answers the email: the email module threads it onto the same case by its [#n] tag.
    const raw = [
      'From: Annalena Böhm <annalena.boehm@example.org>',
      'To: support@shop.example.com',
      `Subject: Re: Meine Kaffeemaschine zeigt Fehler E04. [#${c.number}]`,
      'Message-ID: <reply-1@example.org>',
      'Date: Sat, 05 Dec 2026 10:00:00 +0100',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Danke, jetzt geht sie wieder!',
      '',
    ].join('\r\n');
    const ingest = await t.api('POST', '/api/v1/email/inbound', { raw, headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${ingestToken}` } });
    expect(ingest.status).toBe(202);
    await waitFor(async () => {
      const { rows } = await t.app.ctx.db.query<{ n: number }>(`select count(*)::int as n from case_entries where case_id = $1 and kind = 'message' and channel = 'email'`, [c.id]);
      return rows[0]!.n === 1;
    }, 15_000, 'the email reply on the chat case');
    const { rows: cases } = await t.app.ctx.db.query<{ n: number }>(`select count(*)::int as n from cases c join customer_emails e on e.customer_id = c.requester_id where e.email = 'annalena.boehm@example.org'`);
    expect(cases[0]!.n).toBe(1);
    // The widget shows the whole conversation, the email part included — and never the note.
    const history = await widget('GET', '/messages', s.body.token);
    expect(history.body.items.map((m: { body: string }) => m.body)).toEqual(['Meine Kaffeemaschine zeigt Fehler E04.', 'E04 bedeutet: Wassertank leer. Bitte auffüllen.', 'Danke, jetzt geht sie wieder!']);
    expect(sink.received.some((m) => m.raw.includes('internal only'))).toBe(false);
  });

  it('a visitor who left before reading the answer gets it by email, once', async () => {
    await t.api('PUT', '/api/v1/routing/presence', { token: agent.token, body: { status: 'online' } });
    const s = await widget('POST', '/sessions', undefined, { channelId, host: shop, language: 'en' });
    expect(s.body.online).toBe(true);
    await widget('POST', '/profile', s.body.token, { name: 'Björn Jäger', email: 'bjoern.jaeger@example.com' });
    const ws = await WidgetSocket.open(t.url, s.body.token);
    ws.send({ type: 'message', clientId: 'left-msg-1', body: 'My headphones do not pair.' });
    await ws.waitFor((m) => m.type === 'ack');
    ws.close();
    const c = await caseOf('bjoern.jaeger@example.com');
    await waitFor(async () => !(await t.api('GET', `/api/v1/chat/cases/${c.id}`, { token: agent.token })).body.visitor.online, 5000, 'the visitor gone');
    await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: agent.token, body: { kind: 'message', body: 'Hold the button for 7 seconds until the light blinks.' } });
    // The reply waits a little for the visitor to come back; here the wait is cut short.
    await waitFor(async () => (await t.app.ctx.db.query(`update jobs set run_at = now() where name = 'chat.email-unread' and state = 'queued' returning 1`)).rowCount > 0, 10_000, 'the delayed email job');
    t.app.ctx.jobs.wake();
    const mails = await mailTo('bjoern.jaeger@example.com');
    expect(mails).toHaveLength(1);
    expect(decoded(mails[0]!.raw)).toContain('Hold the button for 7 seconds');
    expect(decoded(mails[0]!.raw)).toContain('Simply reply to this email');
    const state = await t.api('GET', `/api/v1/chat/cases/${c.id}`, { token: agent.token });
    expect(state.body.mode).toBe('email');
  });
});
