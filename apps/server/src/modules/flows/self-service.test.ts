import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { expectStatus, uniq } from '../../../test/factories.ts';
import { testTree } from './test-tree.ts';

let t: TestApp;
let supervisor: TestUser;
let admin: TestUser;
let support: string;
let network: string;
let slug: string;

beforeAll(async () => {
  t = await startTestApp();
  support = await t.team('Support');
  network = await t.team('Network');
  supervisor = await t.user('supervisor', [support]);
  admin = await t.user('admin', []);
  slug = `router-${uniq()}`;
  const tree = testTree(network);
  const created = expectStatus(await t.api('POST', '/api/v1/flows', { token: supervisor.token, body: { slug, title: tree.title, teamId: support, public: true, draft: tree } }), 201).body;
  expectStatus(await t.api('POST', `/api/v1/flows/${created.id}/publish`, { token: supervisor.token, body: { version: created.version } }), 200);
  // A published flow that is not public, and a public one never published: neither is listed.
  const internal = expectStatus(await t.api('POST', '/api/v1/flows', { token: supervisor.token, body: { slug: `internal-${uniq()}`, title: { en: 'Agents only' }, draft: testTree(network) } }), 201).body;
  expectStatus(await t.api('POST', `/api/v1/flows/${internal.id}/publish`, { token: supervisor.token, body: { version: internal.version } }), 200);
  expectStatus(await t.api('POST', '/api/v1/flows', { token: supervisor.token, body: { slug: `draft-${uniq()}`, title: { en: 'Unfinished' }, public: true } }), 201);
});
afterAll(async () => t?.close());

async function page(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(t.url + path, { headers, redirect: 'manual' });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

async function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(t.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

/** Starts a run as a browser would (the Start button) and returns the run page's path. */
async function start(lang = 'en'): Promise<string> {
  const res = await post(`/help/troubleshoot/${lang}/${slug}/start`, {});
  expect(res.status).toBe(303);
  expect(res.location).toMatch(new RegExp(`^/help/troubleshoot/${lang}/${slug}/run/[A-Za-z0-9_-]{32}$`));
  return res.location!;
}

const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('self-service troubleshooting pages', () => {
  it('lists the public, published flows in the language of the address, ?lang= or the browser', async () => {
    const en = await page('/help/troubleshoot/en');
    expect(en.status).toBe(200);
    expect(en.headers.get('content-type')).toMatch(/text\/html/);
    expect(en.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(text(en.html)).toContain('Router has no internet');
    expect(en.html).not.toContain('Agents only');
    expect(en.html).not.toContain('Unfinished');
    expect(en.html).toContain(`href="/help/troubleshoot/en/${slug}"`);
    expect(text((await page('/help/troubleshoot/de')).html)).toContain('Router ohne Internet');
    expect(text((await page('/help/troubleshoot?lang=et')).html)).toContain('Ruuteril pole internetti');
    const byBrowser = await page('/help/troubleshoot', { 'accept-language': 'fr-FR, tr;q=0.8, en;q=0.5' });
    expect(byBrowser.html).toContain('<html lang="tr"');
    expect(text(byBrowser.html)).toContain('Modemde internet yok');
    expect((await page('/help/troubleshoot/fr')).status).toBe(404);
    expect((await page(`/help/troubleshoot/en/no-such-flow`)).status).toBe(404);
  });

  it('shows one step per page, follows answers by plain form posts, and goes back', async () => {
    const intro = await page(`/help/troubleshoot/de/${slug}`);
    expect(intro.status).toBe(200);
    expect(intro.html).toContain(`action="/help/troubleshoot/de/${slug}/start"`);
    const run = await start('de');
    let step = await page(run);
    expect(step.status).toBe(200);
    expect(step.html).toContain('data-step="lights"');
    expect(text(step.html)).toContain('Leuchten die Lämpchen am Router?');
    expect(step.html).toContain('<button type="submit" name="answer" value="on">Ja, sie leuchten</button>');
    expect(step.html).not.toContain('value="back"');

    const answered = await post(run, { action: 'answer', step: 'lights', answer: 'on' });
    expect(answered).toMatchObject({ status: 303, location: run });
    step = await page(run);
    expect(step.html).toContain('data-step="restart"');
    expect(text(step.html)).toContain('Leuchten die Lämpchen am Router? — Ja, sie leuchten');

    // The browser's back button re-submits the first form: shown where the run is, with a notice.
    const stale = await post(run, { action: 'answer', step: 'lights', answer: 'off' });
    expect(stale).toMatchObject({ status: 303, location: `${run}?moved=1` });
    expect((await page(`${run}?moved=1`)).html).toContain('Diese Seite war nicht mehr aktuell');

    expect((await post(run, { action: 'back', step: 'restart' })).status).toBe(303);
    expect((await page(run)).html).toContain('data-step="lights"');
    expect((await post(run, { action: 'answer', step: 'lights', answer: 'nonsense' })).status).toBe(400);
  });

  it('ends without a case when the customer says it is solved', async () => {
    const run = await start();
    await post(run, { action: 'answer', step: 'lights', answer: 'on' });
    await post(run, { action: 'answer', step: 'restart', answer: 'done' });
    await post(run, { action: 'answer', step: 'works', answer: 'pass' });
    const outcome = await page(run);
    expect(text(outcome.html)).toContain('Internet works again.');
    expect(outcome.html).toContain('value="solved"');
    expect((await post(run, { action: 'solved', step: 'fixed' })).status).toBe(303);
    const done = await page(run);
    expect(text(done.html)).toContain('glad it works again');
    const cases = expectStatus(await t.api('GET', '/api/v1/cases', { token: admin.token }), 200).body.items;
    expect(cases).toHaveLength(0);
  });

  it('opens a case on the flow’s team with the whole path documented when the flow does not solve it', async () => {
    const run = await start('de');
    await post(run, { action: 'answer', step: 'lights', answer: 'off' });
    const outcome = await page(run);
    expect(text(outcome.html)).toContain('A technician visits.');
    expect(outcome.html).toContain('type="datetime-local"');
    expect(outcome.html).not.toContain('value="solved"');

    // Mistakes come back on the same page with the values kept, nothing is created.
    const bad = await post(run, { action: 'request', step: 'visit', name: '', email: 'not-an-email', message: 'Router is dead', wishedAt: '' });
    expect(bad.status).toBe(422);
    expect(text(bad.html)).toContain('Bitte geben Sie Ihren Namen ein.');
    expect(text(bad.html)).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein.');
    expect(text(bad.html)).toContain('Bitte wählen Sie Datum und Uhrzeit.');
    expect(bad.html).toContain('aria-invalid="true"');
    expect(bad.html).toContain('Router is dead</textarea>');

    const sent = await post(run, { action: 'request', step: 'visit', name: 'Greta Berg', email: 'Greta.Berg@example.com', message: 'Router is dead since the storm.', wishedAt: '2030-05-02T10:00' });
    expect(sent).toMatchObject({ status: 303, location: run });
    const done = await page(run);
    const number = /#(\d+)/.exec(text(done.html))?.[1];
    expect(number).toBeDefined();
    expect(text(done.html)).toContain(`Ihre Anfrage #${number} wurde angelegt`);

    const c = expectStatus(await t.api('GET', `/api/v1/cases/${number}`, { token: admin.token }), 200).body;
    expect(c).toMatchObject({ subject: 'Router ohne Internet: A technician visits.', channel: 'portal', team: { id: support }, requester: { name: 'Greta Berg', email: 'greta.berg@example.com' }, status: 'new' });
    expect(c.tags.sort()).toEqual(['appointment', 'self-service']);
    const timeline = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}/timeline`, { token: admin.token }), 200).body.items as any[];
    expect(timeline.find((e) => e.kind === 'message')).toMatchObject({ direction: 'inbound', body: 'Router is dead since the storm.' });
    const flowEntries = timeline.filter((e) => e.activity?.type.startsWith('flows.'));
    expect(flowEntries.map((e) => [e.activity.type, e.body])).toEqual([
      ['flows.started', 'Router ohne Internet (v1)'],
      ['flows.step', 'Leuchten die Lämpchen am Router? → Nein, alles dunkel'],
      ['flows.outcome', 'Terminanfrage: A technician visits.'],
    ]);
    expect(flowEntries[1].activity.data).toMatchObject({ channel: 'self_service', stepId: 'lights', answer: 'off' });
    expect(flowEntries[2].activity.data).toMatchObject({ appointment: { wishedAt: '2030-05-02T10:00' }, contact: { name: 'Greta Berg', email: 'greta.berg@example.com' } });

    // Sending again (reload, double click) opens nothing more.
    const again = await post(run, { action: 'request', step: 'visit', name: 'Greta Berg', email: 'greta.berg@example.com', message: '', wishedAt: '2030-05-02T10:00' });
    expect(again).toMatchObject({ status: 303, location: `${run}?moved=1` });
    expect(expectStatus(await t.api('GET', '/api/v1/cases', { token: admin.token }), 200).body.items).toHaveLength(1);

    const analytics = expectStatus(await t.api('GET', `/api/v1/flows/${await flowId()}/analytics`, { token: supervisor.token }), 200).body;
    expect(analytics.requests).toBe(1);
    expect(analytics.byChannel.selfService).toBeGreaterThanOrEqual(3);
  });

  it('refuses cross-site posts and quietly drops a filled honeypot', async () => {
    const run = await start();
    const cross = await post(run, { action: 'answer', step: 'lights', answer: 'off' }, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    await post(run, { action: 'answer', step: 'lights', answer: 'off' });
    const bot = await post(run, { action: 'request', step: 'visit', name: 'Bot', email: 'bot@example.com', message: 'spam', wishedAt: '2030-01-01T10:00', website: 'http://spam.example' });
    expect(bot.status).toBe(303);
    expect(expectStatus(await t.api('GET', '/api/v1/cases', { token: admin.token }), 200).body.items.filter((c: any) => c.requester.name === 'Bot')).toHaveLength(0);
    expect((await page(`/help/troubleshoot/en/${slug}/run/${'x'.repeat(32)}`)).status).toBe(404);
  });
});

async function flowId(): Promise<string> {
  const list = expectStatus(await t.api('GET', '/api/v1/flows', { token: supervisor.token }), 200).body.items as Array<{ id: string; slug: string }>;
  return list.find((f) => f.slug === slug)!.id;
}
