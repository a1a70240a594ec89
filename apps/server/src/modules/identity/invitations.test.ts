import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithPassword, startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { expectStatus, fieldsOf, sqlRows } from '../../../test/factories.ts';

describe('invitations', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  let team: string;

  const tokenOf = (inviteUrl: string) => {
    const m = /^https:\/\/help\.example\.com\/invite\/([A-Za-z0-9_-]{43})$/.exec(inviteUrl);
    expect(m, inviteUrl).not.toBeNull();
    return m![1]!;
  };
  const invite = async (email: string, name = 'Kadri Kask') =>
    expectStatus(await t.api('POST', '/api/v1/users', { token: admin.token, body: { email, name, role: 'agent', teamIds: [team] } }), 201).body;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://help.example.com/' });
    team = await t.team('Billing');
    admin = await t.user('admin');
    agent = await t.user('agent', [team]);
  });
  afterAll(async () => t?.close());

  it('invites a user created without a password: they set one and are signed in as by /auth/login', async () => {
    const created = await invite('kadri.kask@example.ee');
    expect(created).toMatchObject({ email: 'kadri.kask@example.ee', name: 'Kadri Kask', teams: [{ id: team, name: 'Billing' }] });
    const token = tokenOf(created.inviteUrl);
    // Only the hash is stored.
    const stored = await sqlRows<{ token_hash: string; expires_at: Date }>(t, 'select token_hash, expires_at from invitations where user_id = $1', [created.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    expect(stored[0]!.expires_at.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(stored[0]!.expires_at.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);

    expect(expectStatus(await t.api('GET', `/api/v1/invitations/${token}`), 200).body).toEqual({ email: 'kadri.kask@example.ee', name: 'Kadri Kask' });
    const res = await fetch(`${t.url}/api/v1/invitations/${token}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: 'a long new password' }) });
    expect(res.status).toBe(200);
    const session = (await res.json()) as { user: { id: string; email: string }; csrfToken: string };
    expect(session.user).toMatchObject({ id: created.id, email: 'kadri.kask@example.ee', version: 2 });
    expect(session.csrfToken).toEqual(expect.any(String));
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^sb_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0]!;
    const me = expectStatus(await t.api('GET', '/api/v1/auth/me', { headers: { cookie } }), 200);
    expect(me.body).toEqual({ user: expect.objectContaining({ id: created.id }), csrfToken: session.csrfToken });
    // The cookie session works for unsafe requests with its CSRF token, like a login's.
    expectStatus(await t.api('POST', '/api/v1/tokens', { headers: { cookie, 'x-csrf-token': session.csrfToken }, body: { name: 'cli' } }), 201);

    const hash = await sqlRows<{ password_hash: string }>(t, 'select password_hash from users where id = $1', [created.id]);
    expect(hash[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect((await signInWithPassword(t, 'kadri.kask@example.ee', 'a long new password')).status).toBe(200);

    // The link is used up.
    expectStatus(await t.api('GET', `/api/v1/invitations/${token}`), 404);
    expectStatus(await t.api('POST', `/api/v1/invitations/${token}/accept`, { body: { password: 'another long password' } }), 404);
    expect((await signInWithPassword(t, 'kadri.kask@example.ee', 'a long new password')).status).toBe(200);
  });

  it('gives no link when a password is given, and none on an idempotent replay', async () => {
    const body = { email: 'with.password@example.com', name: 'With Password', role: 'agent', password: 'a long password' };
    expect(expectStatus(await t.api('POST', '/api/v1/users', { token: admin.token, body }), 201).body.inviteUrl).toBeNull();
    const headers = { 'idempotency-key': 'invite-once' };
    const first = expectStatus(await t.api('POST', '/api/v1/users', { token: admin.token, headers, body: { email: 'replayed@example.com', name: 'Re Played', role: 'agent' } }), 201);
    expect(first.body.inviteUrl).toMatch(/\/invite\//);
    const again = expectStatus(await t.api('POST', '/api/v1/users', { token: admin.token, headers, body: { email: 'replayed@example.com', name: 'Re Played', role: 'agent' } }), 201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual({ ...first.body, inviteUrl: null });
    const kept = await sqlRows<{ response: unknown }>(t, `select response from idempotency_keys where key = 'invite-once'`);
    expect(JSON.stringify(kept)).not.toContain(tokenOf(first.body.inviteUrl));
  });

  it('answers 404 for unknown, expired and superseded links, and 400 for a weak password', async () => {
    expectStatus(await t.api('GET', `/api/v1/invitations/${'x'.repeat(43)}`), 404);
    expect(fieldsOf(expectStatus(await t.api('GET', '/api/v1/invitations/short'), 400))).toEqual(['params.token']);

    const created = await invite('expiring@example.com', 'Ex Piring');
    const token = tokenOf(created.inviteUrl);
    const weak = expectStatus(await t.api('POST', `/api/v1/invitations/${token}/accept`, { body: { password: 'short' } }), 400);
    expect(fieldsOf(weak)).toEqual(['body.password']);
    expectStatus(await t.api('GET', `/api/v1/invitations/${token}`), 200);
    await t.app.ctx.db.query(`update invitations set expires_at = now() - interval '1 minute' where user_id = $1`, [created.id]);
    expectStatus(await t.api('GET', `/api/v1/invitations/${token}`), 404);
    expectStatus(await t.api('POST', `/api/v1/invitations/${token}/accept`, { body: { password: 'a long enough password' } }), 404);

    // The admin issues a new link; an older one stops working.
    expectStatus(await t.api('POST', `/api/v1/users/${created.id}/invite`, { token: agent.token }), 403);
    const reissued = expectStatus(await t.api('POST', `/api/v1/users/${created.id}/invite`, { token: admin.token }), 201).body;
    expect(reissued).toEqual({ inviteUrl: expect.stringMatching(/^https:\/\/help\.example\.com\/invite\//), expiresAt: expect.any(String) });
    const second = expectStatus(await t.api('POST', `/api/v1/users/${created.id}/invite`, { token: admin.token }), 201).body;
    expectStatus(await t.api('GET', `/api/v1/invitations/${tokenOf(reissued.inviteUrl)}`), 404);
    expectStatus(await t.api('POST', `/api/v1/invitations/${tokenOf(second.inviteUrl)}/accept`, { body: { password: 'a long enough password' } }), 200);
    expectStatus(await t.api('POST', '/api/v1/users/00000000-0000-4000-8000-000000000000/invite', { token: admin.token }), 404);

    // A deactivated user's link is dead.
    const gone = await invite('deactivated@example.com', 'De Activated');
    expectStatus(await t.api('PATCH', `/api/v1/users/${gone.id}`, { token: admin.token, headers: { 'if-match': `"${gone.version}"` }, body: { active: false } }), 200);
    expectStatus(await t.api('GET', `/api/v1/invitations/${tokenOf(gone.inviteUrl)}`), 404);
    expectStatus(await t.api('POST', `/api/v1/users/${gone.id}/invite`, { token: admin.token }), 422);
  });
});
