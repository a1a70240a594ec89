import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { smtpSink } from '../../../test/smtp-sink.ts';
import { countRows, uniq } from '../../../test/factories.ts';
import { customerWith, mailTo, portalFetch, redeem, signInByLink, tokenOf } from './test-helpers.ts';

let t: TestApp;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let admin: TestUser;

beforeAll(async () => {
  sink = await smtpSink();
  t = await startTestApp({ PUBLIC_URL: 'https://help.example.com/', SMTP_URL: sink.url, JOBS_POLL_MS: 100 });
  admin = await t.user('admin');
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

async function settingsVersion(): Promise<number> {
  return (await t.api('GET', '/api/v1/portal/settings', { token: admin.token })).body.version as number;
}

describe('sign-in by a one-time link', () => {
  test('a customer signs in with a link sent to any of their addresses; the link works once', async () => {
    const primary = `anna.${uniq()}@example.com`;
    const second = `anna.work.${uniq()}@example.org`;
    await customerWith(t, admin, 'Anna Berg', [primary, second]);

    const before = sink.received.length;
    const res = await portalFetch(t, 'POST', '/auth/link', { body: { email: second.toUpperCase(), language: 'de' } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ sent: true, expiresInMinutes: 15 });
    const mail = await mailTo(sink.received, second, before);
    expect(mail.subject).toBe('Ihr Anmeldelink für Switchboard');
    expect(mail.text).toContain('https://help.example.com/portal/sign-in#token=');
    expect(mail.text).toContain('15 Minuten');

    const token = tokenOf(mail.text);
    const client = await redeem(t, token);
    expect(client.cookie).toMatch(/^sb_portal=/);
    const session = await client.call('GET', '/session');
    expect(session.status).toBe(200);
    expect(session.body.customer).toMatchObject({ name: 'Anna Berg', email: second });

    // The same link again: refused, with a reason the portal can explain.
    const again = await portalFetch(t, 'POST', '/auth/redeem', { body: { token } });
    expect(again.status).toBe(401);
    expect(again.body.reason).toBe('used');
  });

  test('an expired link is refused, and the cookie is only for the portal API, httpOnly', async () => {
    const email = `ben.${uniq()}@example.com`;
    await customerWith(t, admin, 'Ben Kurz', [email]);
    const before = sink.received.length;
    await portalFetch(t, 'POST', '/auth/link', { body: { email } });
    const token = tokenOf((await mailTo(sink.received, email, before)).text);
    await t.app.ctx.db.query(`update portal_sign_in_links set expires_at = now() - interval '1 second' where lower(email) = $1`, [email]);
    const res = await portalFetch(t, 'POST', '/auth/redeem', { body: { token } });
    expect(res.status).toBe(401);
    expect(res.body.reason).toBe('expired');
    expect(res.headers.get('set-cookie')).toBeNull();

    const again = sink.received.length;
    // From a reply mail's link: after signing in, the portal goes back to that request.
    await portalFetch(t, 'POST', '/auth/link', { body: { email, returnTo: '/portal/requests/42' } });
    expect((await portalFetch(t, 'POST', '/auth/link', { body: { email, returnTo: 'https://evil.example/' } })).status).toBe(400);
    const fresh = await portalFetch(t, 'POST', '/auth/redeem', { body: { token: tokenOf((await mailTo(sink.received, email, again)).text) } });
    expect(fresh.status).toBe(200);
    expect(fresh.body.returnTo).toBe('/portal/requests/42');
    const cookie = fresh.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sb_portal=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain('Path=/api/v1/portal');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    // The secret is stored only as its SHA-256.
    const secret = cookie.split(';')[0]!.split('=')[1]!;
    expect(await countRows(t, 'portal_sessions', 'id = $1', [secret])).toBe(0);
  });

  test('an unknown address gets the same answer and no mail; with self-registration it becomes a customer', async () => {
    const stranger = `nobody.${uniq()}@example.net`;
    const res = await portalFetch(t, 'POST', '/auth/link', { body: { email: stranger } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ sent: true, expiresInMinutes: 15 });
    expect(await countRows(t, 'portal_sign_in_links', 'email = $1', [stranger])).toBe(0);
    // A known customer's mail, asked for afterwards, arrives; none ever went to the stranger.
    const known = `dora.${uniq()}@example.com`;
    await customerWith(t, admin, 'Dora Known', [known]);
    await signInByLink(t, sink.received, known);
    expect(sink.received.some((m) => m.to.includes(stranger))).toBe(false);

    const v = await settingsVersion();
    const patched = await t.api('PATCH', '/api/v1/portal/settings', { token: admin.token, body: { selfRegistration: true }, headers: { 'if-match': `"${v}"` } });
    expect(patched.status).toBe(200);
    try {
      const newcomer = `maria.luisa.${uniq()}@example.net`;
      const client = await signInByLink(t, sink.received, newcomer);
      const session = await client.call('GET', '/session');
      expect(session.body.customer.name).toMatch(/^Maria Luisa\b/);
      expect(await countRows(t, 'customer_emails', 'lower(email) = $1', [newcomer])).toBe(1);
    } finally {
      await t.api('PATCH', '/api/v1/portal/settings', { token: admin.token, body: { selfRegistration: false }, headers: { 'if-match': `"${await settingsVersion()}"` } });
    }
  });

  test('links are rate-limited per address and per IP, for known and unknown addresses alike', async () => {
    const email = `flood.${uniq()}@example.com`;
    for (let i = 0; i < 5; i++) expect((await portalFetch(t, 'POST', '/auth/link', { body: { email } })).status).toBe(202);
    const limited = await portalFetch(t, 'POST', '/auth/link', { body: { email } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');

    // Per IP: 30 requests in the window (this file made some already), then refusals for any address.
    let status = 202;
    for (let i = 0; i < 40 && status === 202; i++) status = (await portalFetch(t, 'POST', '/auth/link', { body: { email: `spray.${i}.${uniq()}@example.com` } })).status;
    expect(status).toBe(429);
    expect(await countRows(t, 'portal_link_requests', 'ip = $1', ['127.0.0.1'])).toBe(30);
    await t.app.ctx.db.query('delete from portal_link_requests');
  });

  test('a customer session is never staff: the staff API refuses it, and changes need the CSRF token', async () => {
    const email = `cara.${uniq()}@example.com`;
    await customerWith(t, admin, 'Cara Sild', [email]);
    const client = await signInByLink(t, sink.received, email);
    const staff = await fetch(`${t.url}/api/v1/cases`, { headers: { cookie: client.cookie } });
    expect(staff.status).toBe(401);
    const me = await fetch(`${t.url}/api/v1/auth/me`, { headers: { cookie: client.cookie } });
    expect(me.status).toBe(401);
    const admins = await fetch(`${t.url}/api/v1/portal/settings`, { headers: { cookie: client.cookie } });
    expect(admins.status).toBe(401);

    const noCsrf = await portalFetch(t, 'POST', '/requests', { cookie: client.cookie, body: { subject: 'Hi', body: 'Hello' } });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe('csrf_failed');
    const otherSite = await client.call('POST', '/requests', { subject: 'Hi', body: 'Hello' }, { origin: 'https://evil.example' });
    expect(otherSite.status).toBe(403);

    // Signing out ends the session on the server, not just in the browser.
    expect((await client.call('POST', '/auth/logout')).status).toBe(204);
    expect((await client.call('GET', '/session')).status).toBe(401);
  });
});
