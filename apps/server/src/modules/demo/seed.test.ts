import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsolvedStatuses, type Case } from '@switchboard/contracts';
import { signInWithPassword, startTestApp, type TestApp } from '../../../test/harness.ts';
import type { Actor } from '../../platform/context.ts';
import { countCases, listCases, searchCases } from '../cases/index.ts';
import { listCustomers } from '../customers/index.ts';
import { actorFor, listTeams, listUsers } from '../identity/index.ts';
import { DEMO_PASSWORD, seedDemo, seedDemoIfEmpty, type DemoLogin } from './seed.ts';

describe('demo company', () => {
  let t: TestApp;
  let logins: DemoLogin[];
  let admin: Actor;
  let agent: Actor;
  let adminCookie: string;

  beforeAll(async () => {
    t = await startTestApp();
    logins = await seedDemo(t.app.ctx);
    const users = await listUsers(t.app.ctx.db, {});
    const idOf = (email: string) => users.find((u) => u.email === email)!.id;
    admin = (await actorFor(t.app.ctx.db, idOf('admin@demo.switchboard.dev'), 'session'))!;
    agent = (await actorFor(t.app.ctx.db, idOf('agent@demo.switchboard.dev'), 'session'))!;
    adminCookie = (await signInWithPassword(t, 'admin@demo.switchboard.dev', DEMO_PASSWORD)).cookie;
  });
  afterAll(async () => t?.close());


  it('returns the staff logins: the admin, then supervisors, then agents', () => {
    const roles = logins.map((l) => l.role);
    expect(roles[0]).toBe('admin');
    expect(roles.filter((r) => r === 'supervisor')).toHaveLength(2);
    expect(roles.filter((r) => r === 'agent').length).toBeGreaterThanOrEqual(8);
    expect(roles).toEqual([...roles].sort((a, b) => ['admin', 'supervisor', 'agent'].indexOf(a) - ['admin', 'supervisor', 'agent'].indexOf(b)));
    expect(logins.map((l) => l.email)).toEqual(expect.arrayContaining(['admin@demo.switchboard.dev', 'supervisor@demo.switchboard.dev', 'agent@demo.switchboard.dev']));
    expect(logins.every((l) => l.email.endsWith('@demo.switchboard.dev'))).toBe(true);
  });

  it('has the five teams, each with members', async () => {
    const teams = await listTeams(t.app.ctx.db);
    expect(teams.map((team) => team.name).sort()).toEqual(['Billing', 'Reservations', 'Returns', 'Sales', 'Technical Support']);
    for (const team of teams) expect(team.members.length).toBeGreaterThanOrEqual(2);
  });

  it('lets the typical agent sign in with the demo password', async () => {
    const ok = await signInWithPassword(t, 'agent@demo.switchboard.dev', DEMO_PASSWORD);
    expect(ok.status).toBe(200);
    const me = await t.api<{ user: { name: string; role: string; teams: unknown[] } }>('GET', '/api/v1/auth/me', { headers: { cookie: ok.cookie } });
    expect(me.body.user).toMatchObject({ role: 'agent', name: 'Jonas Becker' });
    expect(me.body.user.teams.length).toBeGreaterThanOrEqual(2);
    expect((await signInWithPassword(t, 'supervisor@demo.switchboard.dev', 'not-the-password')).status).toBe(401);
  });

  it('has at least 30 customers in four languages, some to complete', async () => {
    const { items } = await listCustomers(t.app.ctx.db, { limit: 200 });
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(items.map((c) => c.preferredLanguage).filter(Boolean))).toEqual(new Set(['de', 'en', 'et', 'tr']));
    expect(items.some((c) => c.missingFields.includes('phone'))).toBe(true);
    expect(items.some((c) => c.missingFields.includes('timeZone'))).toBe(true);
    expect(items.some((c) => c.missingFields.includes('customFields.customer_number'))).toBe(true);
    expect(items.some((c) => c.emails.length === 2)).toBe(true);
    expect(items.some((c) => c.phones.length === 2)).toBe(true);
    expect(items.some((c) => c.accountOwner !== null)).toBe(true);
    expect(items.some((c) => c.organizations.length > 0)).toBe(true);
  });

  it('has at least 20 cases over every channel and many statuses', async () => {
    const { items } = await listCases(t.app.ctx.db, admin, { filters: {}, sort: 'created_asc', limit: 200 });
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(new Set(items.map((c) => c.channel))).toEqual(new Set(['email', 'chat', 'phone', 'portal', 'walk_in']));
    expect(new Set(items.map((c) => c.status))).toEqual(new Set(['new', 'open', 'pending', 'on_hold', 'solved', 'closed']));
    const customStatuses = new Set(items.map((c) => c.customStatus?.name).filter(Boolean));
    expect(customStatuses).toEqual(new Set(['Waiting for parts', 'Awaiting approval', 'Refund issued']));
  });

  it.each([
    ['wrong price at the till', 'Falscher Preis an der Kasse'],
    ['refund request', 'Erstattung'],
    ['credit-card statement discrepancy', 'Kreditkartenabrechnung'],
    ['broken device', 'şarj olmuyor'],
    ['broken device', 'Fehler E-07'],
    ['hotel room change', 'Toavahetus'],
    ['charges on a bill', 'arusaamatud tasud'],
    ['appointment request', 'Randevu talebi'],
    ['abusive caller handed to a supervisor', 'an Supervisorin übergeben'],
    ['return at the counter', 'Rückgabe am Schalter'],
    ['product suggestion', 'laptops for our new starters'],
    ['survey suggestion passed to management', 'Suggestion from the customer survey'],
  ])('has a case for the %s ("%s")', async (_situation, words) => {
    const found = await searchCases(t.app.ctx.db, admin, words, 5);
    expect(found.length).toBeGreaterThan(0);
  });

  it('documents troubleshooting and escalation on the timeline', async () => {
    const timeline = async (words: string) => {
      const [c] = await searchCases(t.app.ctx.db, admin, words, 1);
      const res = await t.api<{ items: Array<{ kind: string; direction: string | null; author: { name: string } }> }>('GET', `/api/v1/cases/${(c as Case).id}/timeline`, {
        headers: { cookie: adminCookie },
      });
      return res.body.items;
    };
    const phone = await timeline('şarj olmuyor');
    expect(phone.filter((e) => e.kind === 'note').length).toBeGreaterThanOrEqual(2);
    expect(phone.some((e) => e.kind === 'message' && e.direction === 'inbound')).toBe(true);
    expect(phone.some((e) => e.kind === 'message' && e.direction === 'outbound')).toBe(true);
    const abusive = await timeline('an Supervisorin übergeben');
    expect(abusive.some((e) => e.kind === 'note' && e.author.name === 'Sabine Hoffmann')).toBe(true);
  });

  it('links the card statement to the returned laptop', async () => {
    const [statement] = await searchCases(t.app.ctx.db, admin, 'Kreditkartenabrechnung', 1);
    const links = await t.api<{ items: Array<{ subject: string }> }>('GET', `/api/v1/cases/${statement!.id}/links`, { headers: { cookie: adminCookie } });
    expect(links.body.items.map((l) => l.subject)).toEqual([expect.stringContaining('Rücksendung Laptop')]);
  });

  it('leaves new, unassigned cases in every team, so "Unassigned in my teams" is not empty', async () => {
    const filters = { assignee: 'none' as const, myTeams: true, statuses: [...unsolvedStatuses] };
    expect((await countCases(t.app.ctx.db, agent, filters)).count).toBeGreaterThan(0);
    const { items } = await listCases(t.app.ctx.db, admin, { filters: { assignee: 'none', statuses: ['new'] }, sort: 'created_asc', limit: 200 });
    expect(new Set(items.map((c) => c.team?.name))).toEqual(new Set(['Billing', 'Technical Support', 'Returns', 'Reservations', 'Sales']));
  });

  it('is not seeded twice: on a database with users it only lists the logins', async () => {
    const before = await countCases(t.app.ctx.db, admin, {});
    const again = await seedDemoIfEmpty({ ...t.app.ctx, config: { ...t.app.ctx.config, DEMO_DATA: 'true' } });
    expect(again).toEqual({ password: DEMO_PASSWORD, logins });
    expect(await countCases(t.app.ctx.db, admin, {})).toEqual(before);
  });
});
