import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { expectStatus, fieldsOf, newCase, sqlRows, timelineOf, uniq } from '../../../test/factories.ts';

describe('macros', () => {
  let t: TestApp;
  let support: string;
  let reservations: string;
  let admin: TestUser;
  let supervisor: TestUser;
  let agent: TestUser;
  let colleague: TestUser;
  let hotelAgent: TestUser;

  const macroBody = (extra: Record<string, unknown> = {}) => ({
    name: `Macro ${uniq()}`,
    scope: 'personal',
    defaultLanguage: 'en',
    texts: { en: 'Hello {{customer.firstName}}, case {{case.number}}. {{agent.name}}' },
    ...extra,
  });
  const create = async (user: TestUser, extra: Record<string, unknown> = {}) =>
    expectStatus(await t.api('POST', '/api/v1/macros', { token: user.token, body: macroBody(extra) }), 201).body as { id: string; version: number; name: string };
  const customer = async (name: string, preferredLanguage: string | null) =>
    expectStatus(await t.api('POST', '/api/v1/customers', { token: admin.token, body: { name, emails: [`c.${uniq()}@example.com`], preferredLanguage } }), 201).body.id as string;
  const apply = (user: TestUser, caseId: string, macroId: string) => t.api('POST', `/api/v1/cases/${caseId}/macros/${macroId}/apply`, { token: user.token });

  beforeAll(async () => {
    t = await startTestApp();
    support = await t.team('Support');
    reservations = await t.team('Reservations');
    admin = await t.user('admin');
    supervisor = await t.user('supervisor', [support], { name: 'Sabine Hoffmann' });
    agent = await t.user('agent', [support], { name: 'Jonas Becker' });
    colleague = await t.user('agent', [support], { name: 'Mari Kask' });
    hotelAgent = await t.user('agent', [reservations], { name: 'Andres Saar' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("applies a shared macro in the customer's language: placeholders filled, actions done, one activity recorded", async () => {
    const shared = await create(supervisor, {
      scope: 'shared',
      name: 'Refund confirmed',
      texts: { en: 'Hello {{customer.firstName}}, refunded (case {{case.number}}). {{agent.name}}, {{team.name}}', de: 'Guten Tag {{customer.name}}, Fall {{case.number}} ist erstattet. {{agent.firstName}} ({{team.name}})' },
      actions: [
        { type: 'set_status', status: 'pending' },
        { type: 'add_tags', tags: ['refund'] },
        { type: 'remove_tags', tags: ['new-request'] },
        { type: 'set_assignee', assignee: 'me' },
        { type: 'set_priority', priority: 'high' },
      ],
    });
    const requesterId = await customer('Anna Schmidt', 'de');
    const c = await newCase(t, agent, { requesterId, teamId: support, tags: ['new-request', 'laptop'] });

    const res = expectStatus(await apply(agent, c.id, shared.id), 200);
    expect(res.body.text).toBe(`Guten Tag Anna Schmidt, Fall ${c.number} ist erstattet. Jonas (Support)`);
    expect(res.body).toMatchObject({ language: 'de', requestedLanguage: 'de', fellBack: false, missing: [] });
    expect(res.body.case).toMatchObject({ status: 'pending', priority: 'high', assignee: { id: agent.id } });
    expect([...res.body.case.tags].sort()).toEqual(['laptop', 'refund']);
    expect([...res.body.changed].sort()).toEqual(['assignee', 'priority', 'status', 'tags']);

    // The case itself changed, by the agent, and the timeline documents the macro.
    const after = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}`, { token: agent.token }), 200).body;
    expect(after.status).toBe('pending');
    const timeline = (await timelineOf(t, agent, c.id)) as Array<{ kind: string; author: { id: string | null }; activity?: { type: string; data: Record<string, unknown> } | null; changes: Array<{ field: string }> | null }>;
    const change = timeline.filter((e) => e.kind === 'change').at(-1)!;
    expect(change.author.id).toBe(agent.id);
    expect(change.changes!.map((x) => x.field)).toEqual(expect.arrayContaining(['status', 'tags', 'assignee', 'priority']));
    const activities = timeline.filter((e) => e.kind === 'activity');
    expect(activities).toHaveLength(1);
    expect(activities[0]!.author.id).toBe(agent.id);
    expect(activities[0]!.activity).toMatchObject({ type: 'macros.applied', data: { macroId: shared.id, name: 'Refund confirmed', language: 'de', fellBack: false, scope: 'shared' } });

    const counted = expectStatus(await t.api('GET', `/api/v1/macros/${shared.id}`, { token: agent.token }), 200).body;
    expect(counted).toMatchObject({ usageCount: 1, myUsageCount: 1, editable: false, usable: true });
  });

  it("falls back to the macro's default language when there is no text in the customer's, and says so", async () => {
    const m = await create(agent, { defaultLanguage: 'en', texts: { en: 'Hello {{customer.firstName}} from {{team.name}}', de: 'Hallo {{customer.firstName}}' } });
    const turkish = await newCase(t, agent, { requesterId: await customer('Ayşe Kaya', 'tr'), teamId: null, assigneeId: agent.id });
    const preview = expectStatus(await t.api('GET', `/api/v1/cases/${turkish.number}/macros/${m.id}/preview`, { token: agent.token }), 200).body;
    expect(preview).toMatchObject({ text: 'Hello Ayşe from ', language: 'en', requestedLanguage: 'tr', fellBack: true, missing: ['team.name'] });
    const unknown = await newCase(t, agent, { requesterId: await customer('Lee', null), teamId: support });
    const r = expectStatus(await apply(agent, unknown.id, m.id), 200).body;
    expect(r).toMatchObject({ text: 'Hello Lee from Support', language: 'en', requestedLanguage: null, fellBack: false, changed: [] });
    // Preview changed nothing and recorded nothing; the apply of a macro without actions recorded only the activity.
    expect((await timelineOf(t, agent, turkish.id)).filter((e) => e.kind === 'activity')).toHaveLength(0);
    expect((await timelineOf(t, agent, unknown.id)).filter((e) => e.kind === 'activity')).toHaveLength(1);
  });

  it('refuses an unknown placeholder when saving, naming it and the language', async () => {
    const res = await t.api('POST', '/api/v1/macros', { token: agent.token, body: macroBody({ texts: { en: 'Hi {{customer.firstName}}', de: 'Hallo {{kunde.vorname}}' } }) });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.texts.de']);
    expect(res.body.detail).toContain('unknown placeholder {{kunde.vorname}}');
    const m = await create(agent);
    const patch = await t.api('PATCH', `/api/v1/macros/${m.id}`, { token: agent.token, body: { texts: { en: 'Hi {{case.nummer}}' }, version: m.version } });
    expect(patch.status).toBe(400);
    expect(patch.body.detail).toContain('{{case.nummer}}');
    const noDefault = await t.api('POST', '/api/v1/macros', { token: agent.token, body: macroBody({ defaultLanguage: 'et', texts: { en: 'Hi' } }) });
    expect(noDefault.status).toBe(400);
    expect(fieldsOf(noDefault)).toEqual(['body.texts.et']);
    const live = expectStatus(await t.api('POST', '/api/v1/macros/preview', { token: agent.token, body: { text: 'Hi {{customer.firstName}} {{oops}}' } }), 200).body;
    expect(live.text).toBe('Hi Anna {{oops}}');
    expect(live.problems).toEqual([expect.stringContaining('unknown placeholder {{oops}}')]);
  });

  it("agents manage their own macros only: not shared ones, not a colleague's", async () => {
    expect((await t.api('POST', '/api/v1/macros', { token: agent.token, body: macroBody({ scope: 'shared' }) })).status).toBe(403);
    const shared = await create(supervisor, { scope: 'shared' });
    expect((await t.api('PATCH', `/api/v1/macros/${shared.id}`, { token: agent.token, body: { name: 'Mine now', version: shared.version } })).status).toBe(403);
    expect((await t.api('DELETE', `/api/v1/macros/${shared.id}`, { token: agent.token })).status).toBe(403);

    const mine = await create(agent);
    for (const other of [colleague, supervisor, admin]) {
      expect((await t.api('GET', `/api/v1/macros/${mine.id}`, { token: other.token })).status).toBe(404);
      expect((await t.api('PATCH', `/api/v1/macros/${mine.id}`, { token: other.token, body: { name: 'x', version: mine.version } })).status).toBe(404);
      expect((await t.api('DELETE', `/api/v1/macros/${mine.id}`, { token: other.token })).status).toBe(404);
    }
    const c = await newCase(t, colleague, { teamId: support });
    expect((await apply(colleague, c.id, mine.id)).status).toBe(404);
    const listed = expectStatus(await t.api('GET', '/api/v1/macros', { token: colleague.token }), 200).body.items as Array<{ id: string }>;
    expect(listed.map((m) => m.id)).not.toContain(mine.id);

    // The owner edits with the version they saw; an old version is refused.
    const renamed = expectStatus(await t.api('PATCH', `/api/v1/macros/${mine.id}`, { token: agent.token, body: { name: 'Callback', version: mine.version } }), 200).body;
    expect(renamed.name).toBe('Callback');
    expect((await t.api('PATCH', `/api/v1/macros/${mine.id}`, { token: agent.token, body: { name: 'Again', version: mine.version } })).status).toBe(412);
    // The supervisor curates shared ones.
    expectStatus(await t.api('PATCH', `/api/v1/macros/${shared.id}`, { token: supervisor.token, body: { description: 'For everyone', version: shared.version } }), 200);
    expectStatus(await t.api('DELETE', `/api/v1/macros/${shared.id}`, { token: supervisor.token }), 204);
  });

  it('a team-limited macro is only for its team: others neither find nor apply it', async () => {
    const hotel = await create(supervisor, { scope: 'shared', teamId: reservations, name: `Room change confirmed ${uniq()}`, actions: [{ type: 'add_tags', tags: ['room-change'] }] });
    const c = await newCase(t, agent, { teamId: support, assigneeId: agent.id });
    expect((await apply(agent, c.id, hotel.id)).status).toBe(404);
    const usable = expectStatus(await t.api('GET', '/api/v1/macros?usable=true&q=room%20change', { token: agent.token }), 200).body.items as Array<{ id: string }>;
    expect(usable.map((m) => m.id)).not.toContain(hotel.id);
    // The supervisor manages it without being in the team, but applying it is for the team's members.
    const managed = expectStatus(await t.api('GET', '/api/v1/macros?scope=shared', { token: supervisor.token }), 200).body.items as Array<{ id: string; usable: boolean; editable: boolean }>;
    expect(managed.find((m) => m.id === hotel.id)).toMatchObject({ usable: false, editable: true });
    expect((await apply(supervisor, c.id, hotel.id)).status).toBe(403);
    expect((await timelineOf(t, agent, c.id)).filter((e) => e.kind === 'activity')).toHaveLength(0);

    const hotelCase = await newCase(t, hotelAgent, { teamId: reservations });
    const found = expectStatus(await t.api('GET', '/api/v1/macros?usable=true&q=room%20change', { token: hotelAgent.token }), 200).body.items as Array<{ id: string }>;
    expect(found[0]!.id).toBe(hotel.id);
    expect(expectStatus(await apply(hotelAgent, hotelCase.id, hotel.id), 200).body.case.tags).toContain('room-change');
  });

  it('applies all or nothing: an action the agent may not do leaves the case, timeline and counts untouched', async () => {
    const handOff = await create(supervisor, { scope: 'shared', actions: [{ type: 'add_tags', tags: ['handed-off'] }, { type: 'set_assignee', assignee: hotelAgent.id }] });
    const c = await newCase(t, agent, { teamId: support, assigneeId: agent.id });
    const before = await timelineOf(t, agent, c.id);
    const res = await apply(agent, c.id, handOff.id);
    expect(res.status).toBe(403);
    const after = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}`, { token: agent.token }), 200).body;
    expect(after.tags).not.toContain('handed-off');
    expect(after.assignee.id).toBe(agent.id);
    expect(await timelineOf(t, agent, c.id)).toHaveLength(before.length);
    const [row] = await sqlRows<{ usage_count: number }>(t, 'select usage_count from macros where id = $1', [handOff.id]);
    expect(row!.usage_count).toBe(0);
    // A supervisor may make that assignment, so for them the same macro works.
    expect(expectStatus(await apply(supervisor, c.id, handOff.id), 200).body.case.assignee.id).toBe(hotelAgent.id);
  });

  it('searches names and texts in every language, your most used first', async () => {
    const a = await create(agent, { name: `Kassenbon ${uniq()}`, texts: { en: 'Please send the receipt', de: 'Bitte senden Sie den Kassenbon' } });
    const b = await create(agent, { name: `Receipt please ${uniq()}`, texts: { en: 'Please send a photo of the receipt' } });
    const find = async (q: string) =>
      (expectStatus(await t.api('GET', `/api/v1/macros?usable=true&scope=personal&q=${encodeURIComponent(q)}`, { token: agent.token }), 200).body.items as Array<{ id: string }>).map((m) => m.id);
    expect(await find('kassenbon')).toEqual([a.id]);
    expect(await find('receipt')).toEqual([b.id, a.id]);
    expect(await find('photo receipt')).toEqual([b.id]);
    expect(await find('100%')).toEqual([]);
    const c = await newCase(t, agent, { teamId: support });
    expectStatus(await apply(agent, c.id, a.id), 200);
    expect(await find('send')).toEqual([a.id, b.id]);
  });

  it('refuses references to teams and people that do not exist', async () => {
    const res = await t.api('POST', '/api/v1/macros', { token: supervisor.token, body: macroBody({ scope: 'shared', actions: [{ type: 'set_team', teamId: '6f1c2b3a-0000-4000-8000-000000000000' }] }) });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.actions.0.teamId']);
    const personalTeam = await t.api('POST', '/api/v1/macros', { token: agent.token, body: macroBody({ teamId: support }) });
    expect(personalTeam.status).toBe(400);
  });
});
