import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { expectStatus } from '../../../test/factories.ts';
import { getBranding } from './index.ts';

let t: TestApp;
let admin: TestUser;
let agent: TestUser;

// A 1×1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.user('admin');
  agent = await t.user('agent');
});
afterAll(async () => {
  await t?.close();
});

const upload = (token: string, bytes: Buffer, type: string, name: string) => {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return fetch(`${t.url}/api/v1/portal/settings/logo`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
};

describe('portal branding', () => {
  test('an admin brands the portal; the public branding and getBranding (the help center) follow', async () => {
    const before = expectStatus(await t.api('GET', '/api/v1/portal/settings', { token: admin.token }), 200).body;
    expect(before).toMatchObject({ companyName: 'Switchboard', primaryColor: '#1864ab', logoUrl: null, selfRegistration: false });
    const changed = await t.api('PATCH', '/api/v1/portal/settings', {
      token: admin.token,
      body: { companyName: 'Kaiserhof Service', primaryColor: '#FFD400', welcome: { de: 'Willkommen!', en: '  ' } },
      headers: { 'if-match': `"${before.version}"` },
    });
    expectStatus(changed, 200);
    expect(changed.body).toMatchObject({ companyName: 'Kaiserhof Service', primaryColor: '#ffd400', welcome: { de: 'Willkommen!' } });
    expect(changed.body.welcome.en).toBeUndefined();

    // An old version is refused rather than overwriting the newer change.
    const stale = await t.api('PATCH', '/api/v1/portal/settings', { token: admin.token, body: { companyName: 'Old' }, headers: { 'if-match': `"${before.version}"` } });
    expect(stale.status).toBe(412);

    const logo = await upload(admin.token, png, 'image/png', 'logo.png');
    expect(logo.status).toBe(200);
    const logoUrl = ((await logo.json()) as { logoUrl: string }).logoUrl;
    expect(logoUrl).toMatch(/^\/api\/v1\/portal\/logo\?v=[0-9a-f]{12}$/);
    const served = await fetch(`${t.url}${logoUrl}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);

    const pub = expectStatus(await t.api('GET', '/api/v1/portal/branding'), 200).body;
    expect(pub).toEqual({ companyName: 'Kaiserhof Service', primaryColor: '#ffd400', logoUrl, welcome: { de: 'Willkommen!' }, selfRegistration: false });
    expect(await getBranding(t.app.ctx.db)).toEqual(pub);
  });

  test('only admins change it; a logo must be a small raster image', async () => {
    const v = (await t.api('GET', '/api/v1/portal/settings', { token: admin.token })).body.version as number;
    expect((await t.api('PATCH', '/api/v1/portal/settings', { token: agent.token, body: { companyName: 'Mine' }, headers: { 'if-match': `"${v}"` } })).status).toBe(403);
    expect((await t.api('GET', '/api/v1/portal/admin', { token: agent.token })).status).toBe(403);
    expect((await upload(agent.token, png, 'image/png', 'logo.png')).status).toBe(403);
    const svg = await upload(admin.token, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml', 'logo.svg');
    expect(svg.status).toBe(400);
    const huge = await upload(admin.token, Buffer.alloc(600 * 1024, 1), 'image/png', 'huge.png');
    expect(huge.status).toBe(413);
    const bad = await t.api('PATCH', '/api/v1/portal/settings', { token: admin.token, body: { primaryColor: 'red' }, headers: { 'if-match': `"${v}"` } });
    expect(bad.status).toBe(400);
  });

  test('the portal is served under /portal with a strict CSP, and the agent app keeps every other path', async () => {
    const page = await fetch(`${t.url}/portal/requests/12`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toMatch(/portal/i);
    expect((await fetch(`${t.url}/portal/assets/missing.js`)).status).toBe(404);
  });
});
