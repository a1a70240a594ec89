import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithPassword, startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';

describe('identity and access', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  let teamId: string;
  const password = 'correct horse battery';

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: 3 });
    teamId = await t.team('Billing');
    admin = await t.user('admin', [], { password });
    agent = await t.user('agent', [teamId], { password, email: 'emma.agent@example.com' });
  });
  afterAll(async () => t?.close());

  it('stores passwords as argon2id hashes, never in clear', async () => {
    const { rows } = await t.app.ctx.db.query<{ password_hash: string }>('select password_hash from users where id = $1', [agent.id]);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]!.password_hash).not.toContain(password);
  });

  it('signs in with a cookie session; unsafe requests need the CSRF token', async () => {
    const s = await signInWithPassword(t, 'Emma.Agent@example.com', password);
    expect(s.status).toBe(200);
    expect(s.cookie).toMatch(/^sb_session=/);
    const me = await t.api('GET', '/api/v1/auth/me', { headers: { cookie: s.cookie } });
    expect(me.body.user.email).toBe('emma.agent@example.com');
    expect(me.body.csrfToken).toBe(s.csrf);

    const body = { subject: 'Charge on my bill', requester: { name: 'Ayşe Yılmaz', email: 'ayse@example.com.tr' }, teamId };
    const withoutCsrf = await t.api('POST', '/api/v1/cases', { headers: { cookie: s.cookie }, body });
    expect(withoutCsrf.status).toBe(403);
    expect(withoutCsrf.body.code).toBe('csrf_failed');
    const wrongCsrf = await t.api('POST', '/api/v1/cases', { headers: { cookie: s.cookie, 'x-csrf-token': 'guess' }, body });
    expect(wrongCsrf.status).toBe(403);
    const ok = await t.api('POST', '/api/v1/cases', { headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, body });
    expect(ok.status).toBe(201);

    const out = await t.api('POST', '/api/v1/auth/logout', { headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(out.status).toBe(204);
    expect((await t.api('GET', '/api/v1/auth/me', { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it('says clearly when credentials are wrong, and locks out after repeated failures', async () => {
    const email = 'locked.out@example.com';
    await t.user('agent', [teamId], { password, email });
    const first = await t.api('POST', '/api/v1/auth/login', { body: { email, password: 'wrong password 1' } });
    expect(first.status).toBe(401);
    expect(first.body.detail).toBe('Wrong email or password');
    expect(first.body.attemptsLeft).toBe(2);
    await t.api('POST', '/api/v1/auth/login', { body: { email, password: 'wrong password 2' } });
    const third = await t.api('POST', '/api/v1/auth/login', { body: { email, password: 'wrong password 3' } });
    expect(third.body.detail).toMatch(/locked/);
    const locked = await t.api('POST', '/api/v1/auth/login', { body: { email, password } });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('900');
    // Other accounts are not affected by one account's lockout.
    expect((await signInWithPassword(t, 'emma.agent@example.com', password)).status).toBe(200);
  });

  it('does not tell an unknown email from a wrong password', async () => {
    const res = await t.api('POST', '/api/v1/auth/login', { body: { email: 'nobody@example.com', password: 'whatever it is' } });
    expect(res.status).toBe(401);
    expect(res.body.detail).toBe('Wrong email or password');
  });

  it('accepts personal API tokens as Bearer, lists them without the secret, and refuses revoked ones', async () => {
    const created = await t.api('POST', '/api/v1/tokens', { token: agent.token, body: { name: 'CRM sync' } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^sb_pat_/);
    const list = await t.api('GET', '/api/v1/tokens', { token: created.body.token });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect((await t.api('DELETE', `/api/v1/tokens/${created.body.id}`, { token: agent.token })).status).toBe(204);
    const after = await t.api('GET', '/api/v1/auth/me', { token: created.body.token });
    expect(after.status).toBe(401);
    expect(after.body.detail).toMatch(/revoked/);
    expect((await t.api('GET', '/api/v1/cases', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    expect((await t.api('GET', '/api/v1/cases')).status).toBe(401);
  });

  it('lets only admins manage users and teams', async () => {
    const newUser = { email: 'new.agent@example.com', name: 'Mart Tamm', role: 'agent', password: 'a long password', teamIds: [teamId] };
    const denied = await t.api('POST', '/api/v1/users', { token: agent.token, body: newUser });
    expect(denied.status).toBe(403);
    const created = await t.api('POST', '/api/v1/users', { token: admin.token, body: newUser });
    expect(created.status).toBe(201);
    expect(created.body.teams).toEqual([{ id: teamId, name: 'Billing' }]);
    const dup = await t.api('POST', '/api/v1/users', { token: admin.token, body: newUser });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].field).toBe('body.email');
    expect((await t.api('POST', '/api/v1/teams', { token: agent.token, body: { name: 'Sales' } })).status).toBe(403);
    const team = await t.api('POST', '/api/v1/teams', { token: admin.token, body: { name: 'Sales', memberIds: [created.body.id] } });
    expect(team.status).toBe(201);
    expect(team.body.members.map((m: { name: string }) => m.name)).toEqual(['Mart Tamm']);

    // Deactivating a user ends their sessions and tokens.
    const s = await signInWithPassword(t, 'new.agent@example.com', 'a long password');
    expect(s.status).toBe(200);
    expect((await t.api('GET', '/api/v1/auth/me', { headers: { cookie: s.cookie } })).status).toBe(200); // known (and remembered) now
    const patched = await t.api('PATCH', `/api/v1/users/${created.body.id}`, { token: admin.token, headers: { 'if-match': `"${created.body.version}"` }, body: { active: false } });
    expect(patched.status).toBe(200);
    expect((await t.api('GET', '/api/v1/auth/me', { headers: { cookie: s.cookie } })).status).toBe(401);
    expect((await t.api('POST', '/api/v1/auth/login', { body: { email: 'new.agent@example.com', password: 'a long password' } })).status).toBe(401);
  });

  it('lets users change their own language and password, with the current password', async () => {
    const wrong = await t.api('PATCH', '/api/v1/auth/me', { token: agent.token, body: { newPassword: 'another long password', currentPassword: 'nope' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('body.currentPassword');
    const ok = await t.api('PATCH', '/api/v1/auth/me', { token: agent.token, body: { language: 'de', newPassword: 'another long password', currentPassword: password } });
    expect(ok.status).toBe(200);
    expect(ok.body.language).toBe('de');
    expect((await signInWithPassword(t, 'emma.agent@example.com', 'another long password')).status).toBe(200);
  });

  it('keeps a language change: /auth/me answers with it afterwards, for cookie sessions with the CSRF token', async () => {
    const email = `turkish.${Date.now()}@example.com`;
    await t.user('agent', [teamId], { password, email });
    const s = await signInWithPassword(t, email, password);
    const changed = await t.api('PATCH', '/api/v1/auth/me', { headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, body: { language: 'tr' } });
    expect(changed.status).toBe(200);
    expect(changed.body.language).toBe('tr');
    const me = await t.api('GET', '/api/v1/auth/me', { headers: { cookie: s.cookie } });
    expect(me.body).toEqual({ user: expect.objectContaining({ email, language: 'tr' }), csrfToken: s.csrf });
    const { rows } = await t.app.ctx.db.query<{ language: string }>('select language from users where lower(email) = $1', [email]);
    expect(rows[0]!.language).toBe('tr');
    expect((await t.api('PATCH', '/api/v1/auth/me', { headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, body: { language: 'fr' } })).status).toBe(400);
  });
});
