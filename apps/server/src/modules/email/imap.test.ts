import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotAvailable, startDovecot, type Dovecot } from '../../../test/dovecot.ts';
import { startTestApp, waitFor, type TestApp, type TestUser } from '../../../test/harness.ts';
import { isSealed } from '../../platform/secrets/index.ts';

const users = { 'support@imap.test': 'support-secret', 'returns@imap.test': 'returns-secret', 'billing@imap.test': 'billing-secret' };
const message = (id: string, subject: string) =>
  [`From: Elif Şahin <elif.sahin@example.com.tr>`, 'To: support@imap.test', `Subject: ${subject}`, `Message-ID: <${id}>`, 'Content-Type: text/plain; charset=utf-8', '', `${subject} – lütfen yardım edin.`].join('\r\n');

describe.skipIf(!dovecotAvailable())('IMAP mailboxes against a real Dovecot', () => {
  let dovecot: Dovecot;
  let t: TestApp;
  let admin: TestUser;
  let technical: string;
  let returns: string;
  const caseFor = (messageId: string, timeoutMs = 15_000) =>
    waitFor(async () => {
      const { rows } = await t.app.ctx.db.query<{ case_id: string }>(`select case_id from inbound_emails where message_id = $1 and state = 'processed' and source = 'imap'`, [messageId]);
      return rows[0]?.case_id;
    }, timeoutMs, `case for ${messageId}`);
  /** What the database holds for a mailbox's password: what a dump or a backup would show. */
  const storedPassword = async (id: string) => (await t.app.ctx.db.query<{ imap_password: string }>('select imap_password from mailboxes where id = $1', [id])).rows[0]!.imap_password;

  beforeAll(async () => {
    dovecot = await startDovecot(users);
    // A long poll interval: what arrives quickly arrives through IDLE.
    t = await startTestApp({ EMAIL_IMAP_POLL_MS: 60_000, JOBS_POLL_MS: 100 });
    admin = await t.user('admin');
    technical = await t.team('Technical Support');
    returns = await t.team('Returns');
  });
  afterAll(async () => {
    await t?.close();
    dovecot?.close();
  });

  it('fetches several mailboxes in parallel, marks messages seen only once stored, and hears new mail by IDLE', async () => {
    await dovecot.deliver('support@imap.test', message('imap-1@example.com.tr', 'Telefon açılmıyor'));
    await dovecot.deliver('returns@imap.test', message('imap-2@example.com.tr', 'İade talebi'));
    const imap = (user: string) => ({ enabled: true, host: '127.0.0.1', port: dovecot.port, secure: false, user, password: users[user as keyof typeof users] });
    const a = await t.api('POST', '/api/v1/mailboxes', { token: admin.token, body: { name: 'Support', address: 'support@imap.test', teamId: technical, imap: imap('support@imap.test') } });
    expect(a.status).toBe(201);
    expect(a.body.imap).toMatchObject({ enabled: true, user: 'support@imap.test', hasPassword: true });
    expect(JSON.stringify(a.body)).not.toContain('support-secret');
    const b = await t.api('POST', '/api/v1/mailboxes', { token: admin.token, body: { name: 'Returns', address: 'returns@imap.test', teamId: returns, imap: imap('returns@imap.test') } });
    // Stored sealed: the database does not give the password away; the poller opens it to log in.
    for (const [id, password] of [[a.body.id, 'support-secret'], [b.body.id, 'returns-secret']] as const) {
      const stored = await storedPassword(id);
      expect(isSealed(stored)).toBe(true);
      expect(stored).not.toContain(password);
    }
    expect(JSON.stringify((await t.api('GET', '/api/v1/mailboxes', { token: admin.token })).body)).not.toMatch(/support-secret|returns-secret|v1:/);
    t.app.imap!.tick();

    const first = await caseFor('imap-1@example.com.tr');
    const second = await caseFor('imap-2@example.com.tr');
    expect((await t.api('GET', `/api/v1/cases/${first}`, { token: admin.token })).body).toMatchObject({ subject: 'Telefon açılmıyor', channel: 'email', team: { id: technical } });
    expect((await t.api('GET', `/api/v1/cases/${second}`, { token: admin.token })).body.team.id).toBe(returns);
    await waitFor(async () => (await dovecot.flags('support@imap.test')).every((f) => f.includes('\\Seen')), 5000, 'the message marked seen');

    // The connection stays open: a new message comes in through IDLE, well before the next poll.
    const started = Date.now();
    await dovecot.deliver('support@imap.test', message('imap-3@example.com.tr', 'Ekran kırık'));
    await caseFor('imap-3@example.com.tr', 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('shows why a mailbox cannot be read, and reads it once the right password is stored', async () => {
    const res = await t.api('POST', '/api/v1/mailboxes', {
      token: admin.token,
      body: { name: 'Billing', address: 'billing@imap.test', imap: { enabled: true, host: '127.0.0.1', port: dovecot.port, secure: false, user: 'billing@imap.test', password: 'not-it' } },
    });
    t.app.imap!.tick();
    const error = await waitFor(async () => (await t.api('GET', '/api/v1/mailboxes', { token: admin.token })).body.items.find((m: any) => m.id === res.body.id).imap.lastError || undefined, 15_000, 'the error');
    expect(error).toMatch(/auth|fail|credentials/i);

    // A new password through the admin API is sealed too, and the poller logs in with it.
    const wrong = await storedPassword(res.body.id);
    const current = (await t.api('GET', '/api/v1/mailboxes', { token: admin.token })).body.items.find((m: any) => m.id === res.body.id);
    const fixed = await t.api('PATCH', `/api/v1/mailboxes/${res.body.id}`, { token: admin.token, headers: { 'if-match': `"${current.version}"` }, body: { imap: { enabled: true, password: 'billing-secret' } } });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(JSON.stringify(fixed.body)).not.toContain('billing-secret');
    const stored = await storedPassword(res.body.id);
    expect(isSealed(stored) && stored !== wrong && !stored.includes('billing-secret')).toBe(true);
    await dovecot.deliver('billing@imap.test', message('imap-4@example.com.tr', 'Fatura yanlış'));
    t.app.imap!.tick();
    await caseFor('imap-4@example.com.tr');

    const incomplete = await t.api('POST', '/api/v1/mailboxes', { token: admin.token, body: { name: 'Half', address: 'half@imap.test', imap: { enabled: true, host: 'mail.example.com' } } });
    expect(incomplete.status).toBe(400);
  });
});
