import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp, type TestUser } from '../../../test/harness.ts';
import { expectStatus, sqlRows, timelineOf, uniq } from '../../../test/factories.ts';

interface Explanation {
  outcome: string;
  assignee: { id: string; name: string } | null;
  reasons: string[];
  language: string | null;
  skills: string[];
  channel: string;
  load: { count: number; capacity: number } | null;
  skipped: { unavailable: number; atCapacity: number; missingSkills: number };
}

describe('routing', () => {
  let t: TestApp;
  let admin: TestUser;
  let team: string;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_POLL_MS: 100 });
    admin = await t.user('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const online = async (u: TestUser, status = 'online', reason?: string) =>
    expectStatus(await t.api('PUT', '/api/v1/routing/presence', { token: u.token, body: { status, ...(reason ? { reason } : {}) } }), 200).body;
  const setAgent = async (u: TestUser, body: Record<string, unknown>) => expectStatus(await t.api('PATCH', `/api/v1/routing/agents/${u.id}`, { token: admin.token, body }), 200).body;
  const enable = async (teamId: string, body: Record<string, unknown> = {}) =>
    expectStatus(await t.api('PATCH', `/api/v1/routing/rules/${teamId}`, { token: admin.token, body: { enabled: true, ...body } }), 200).body;
  const customer = async (extra: Record<string, unknown> = {}) =>
    expectStatus(await t.api('POST', '/api/v1/customers', { token: admin.token, body: { name: `Customer ${uniq()}`, emails: [`c.${uniq()}@example.com`], ...extra } }), 201).body.id as string;
  /** An inbound customer case, as the email or chat channel would open it. */
  const inbound = async (teamId: string, body: Record<string, unknown> = {}) => {
    const requester = body.requesterId ? {} : { requester: { name: 'Walk-in', email: `w.${uniq()}@example.com` } };
    const res = await t.api('POST', '/api/v1/cases', {
      token: admin.token,
      body: { subject: `Help ${uniq()}`, teamId, channel: 'chat', message: { direction: 'inbound', body: 'Hello, I need help' }, ...requester, ...body },
    });
    return expectStatus(res, 201).body as { id: string; number: number };
  };
  const caseOf = async (id: string) => expectStatus(await t.api('GET', `/api/v1/cases/${id}`, { token: admin.token }), 200).body as { assignee: { id: string } | null; status: string; team: { id: string } | null };
  const explanations = async (id: string) =>
    (await timelineOf(t, admin, id)).flatMap((e) => (e.changes ?? []).filter((c) => c.field === 'routing').map((c) => c.to as Explanation));
  const assigned = (id: string) => waitFor(async () => (await caseOf(id)).assignee?.id, 10_000, 'the routing job to assign the case');

  describe('a team with routing on', () => {
    let ayse: TestUser;
    let emma: TestUser;
    let mari: TestUser;
    beforeAll(async () => {
      team = await t.team(`Billing ${uniq()}`);
      ayse = await t.user('agent', [team], { name: 'Ayşe Yılmaz' });
      emma = await t.user('agent', [team], { name: 'Emma Schmidt' });
      mari = await t.user('agent', [team], { name: 'Mari Kask' });
      await setAgent(ayse, { skills: [{ kind: 'language', name: 'de' }, { kind: 'language', name: 'tr' }], capacity: { chat: 3 } });
      await setAgent(emma, { skills: [{ kind: 'language', name: 'de' }, { kind: 'product', name: 'Refunds' }] });
      await setAgent(mari, { skills: [{ kind: 'language', name: 'et' }, { kind: 'language', name: 'en' }] });
      for (const u of [ayse, emma, mari]) await online(u);
      const rule = await enable(team);
      expect(rule).toMatchObject({ enabled: true, strategy: 'least_busy', preferAccountOwner: true, matchLanguage: true, tagSkills: true, skillField: null });
    });

    it('assigns a new case to the online account owner and explains why on the timeline', async () => {
      const requesterId = await customer({ preferredLanguage: 'de', accountOwnerId: ayse.id });
      const c = await inbound(team, { requesterId });
      expect(await assigned(c.id)).toBe(ayse.id);
      expect((await caseOf(c.id)).status).toBe('open');
      const [why] = await explanations(c.id);
      expect(why).toEqual({
        outcome: 'assigned',
        assignee: { id: ayse.id, name: 'Ayşe Yılmaz' },
        reasons: ['account_owner', 'language'],
        language: 'de',
        skills: [],
        channel: 'chat',
        load: { count: 1, capacity: 3 },
        skipped: { unavailable: 0, atCapacity: 0, missingSkills: 0 },
      });
      // The assignee is told, as with a manual assignment.
      const notes = expectStatus(await t.api('GET', '/api/v1/notifications', { token: ayse.token }), 200).body.items as Array<{ kind: string; case: { id: string } }>;
      expect(notes.some((n) => n.kind === 'assigned' && n.case.id === c.id)).toBe(true);
    });

    it('without an owner: the language and the skills named by tags decide, then load', async () => {
      const estonian = await inbound(team, { requesterId: await customer({ preferredLanguage: 'et' }) });
      expect(await assigned(estonian.id)).toBe(mari.id);
      expect((await explanations(estonian.id))[0]).toMatchObject({ reasons: ['language', 'least_busy'], language: 'et', skipped: { missingSkills: 2 } });

      // "refunds" is a skill someone has, so the tag requires it; "vip" is just a tag.
      const refund = await inbound(team, { requesterId: await customer({ preferredLanguage: 'de' }), tags: ['refunds', 'vip'] });
      expect(await assigned(refund.id)).toBe(emma.id);
      expect((await explanations(refund.id))[0]).toMatchObject({ reasons: ['language', 'skills', 'least_busy'], skills: ['refunds'] });
    });

    it('a case nobody can take waits in the queue with the reason, and is offered when someone comes online', async () => {
      const turkish = await customer({ preferredLanguage: 'tr' });
      await online(ayse, 'away', 'break');
      const c = await inbound(team, { requesterId: turkish });
      const [why] = await waitFor(async () => {
        const e = await explanations(c.id);
        return e.length > 0 ? e : undefined;
      });
      expect(why).toMatchObject({ outcome: 'queued', assignee: null, language: 'tr', skipped: { unavailable: 1, missingSkills: 2 } });
      expect((await caseOf(c.id)).assignee).toBeNull();
      // Back from the break: the team's waiting cases are offered at once.
      await online(ayse);
      expect(await assigned(c.id)).toBe(ayse.id);
    });

    it('an agent whose app has not been heard from for the grace period counts as offline', async () => {
      await sqlRows(t, `update agent_presence set last_seen_at = now() - interval '5 minutes' where user_id = $1`, [mari.id]);
      const me = expectStatus(await t.api('GET', '/api/v1/routing/presence', { token: mari.token }), 200).body;
      expect(me).toMatchObject({ status: 'online', effective: 'offline' });
      const c = await inbound(team, { requesterId: await customer({ preferredLanguage: 'et' }) });
      await waitFor(async () => (await explanations(c.id)).length > 0);
      expect((await caseOf(c.id)).assignee).toBeNull();
      // The heartbeat brings her back, and the waiting case follows.
      expect(expectStatus(await t.api('POST', '/api/v1/routing/presence/heartbeat', { token: mari.token }), 200).body.effective).toBe('online');
      expect(await assigned(c.id)).toBe(mari.id);
    });

    it('an automatic away replaces online only, never a break the agent chose', async () => {
      await online(emma, 'away', 'training');
      const kept = expectStatus(await t.api('PUT', '/api/v1/routing/presence', { token: emma.token, body: { status: 'away', automatic: true } }), 200).body;
      expect(kept).toMatchObject({ status: 'away', reason: 'training', automatic: false });
      await online(emma);
      const auto = expectStatus(await t.api('PUT', '/api/v1/routing/presence', { token: emma.token, body: { status: 'away', automatic: true } }), 200).body;
      expect(auto).toMatchObject({ status: 'away', reason: 'inactive', automatic: true, effective: 'away' });
      await online(emma);
      const bad = await t.api('PUT', '/api/v1/routing/presence', { token: emma.token, body: { status: 'online', reason: 'break' } });
      expect(bad.status).toBe(400);
    });

    it('a case an agent gives back goes to someone else, not straight back to them', async () => {
      const c = await inbound(team, { requesterId: await customer({ preferredLanguage: 'de', accountOwnerId: ayse.id }) });
      expect(await assigned(c.id)).toBe(ayse.id);
      const cur = await caseOf(c.id);
      expectStatus(await t.api('PATCH', `/api/v1/cases/${c.id}`, { token: ayse.token, body: { assigneeId: null }, headers: { 'if-match': `"${(cur as unknown as { version: number }).version}"` } }), 200);
      expect(await waitFor(async () => (await caseOf(c.id)).assignee?.id, 10_000, 'routing after the give-back')).toBe(emma.id);
    });

    it('manual assignment stays possible: an assigned case is left alone', async () => {
      const c = expectStatus(
        await t.api('POST', '/api/v1/cases', { token: admin.token, body: { subject: 'Manual', teamId: team, assigneeId: mari.id, channel: 'chat', requester: { name: 'X', email: `x.${uniq()}@example.com` } } }),
        201,
      ).body;
      await new Promise((r) => setTimeout(r, 300));
      expect((await caseOf(c.id)).assignee?.id).toBe(mari.id);
      expect(await explanations(c.id)).toEqual([]);
    });
  });

  it('never fills an agent beyond capacity when many cases arrive at once', async () => {
    const crowd = await t.team(`Chat ${uniq()}`);
    const a = await t.user('agent', [crowd]);
    const b = await t.user('agent', [crowd]);
    await setAgent(a, { capacity: { chat: 2 } });
    await setAgent(b, { capacity: { chat: 3 } });
    await online(a);
    await online(b);
    await enable(crowd, { strategy: 'round_robin' });
    const cases = await Promise.all(Array.from({ length: 9 }, () => inbound(crowd)));
    await waitFor(async () => {
      const rows = await sqlRows<{ n: number }>(t, `select count(*)::int as n from case_entries e where e.case_id = any($1::uuid[]) and e.changes @> '[{"field":"routing"}]'`, [cases.map((c) => c.id)]);
      return rows[0]!.n >= 9;
    }, 20_000, 'a routing decision for every case');
    const loads = await sqlRows<{ assignee_id: string | null; n: number }>(t, 'select assignee_id, count(*)::int as n from cases where id = any($1::uuid[]) group by assignee_id', [cases.map((c) => c.id)]);
    const byAgent = Object.fromEntries(loads.map((r) => [r.assignee_id ?? 'queue', r.n]));
    expect(byAgent).toEqual({ [a.id]: 2, [b.id]: 3, queue: 4 });

    // Solving a case frees capacity: the oldest waiting case follows.
    const taken = await sqlRows<{ id: string; version: number }>(t, 'select id, version from cases where assignee_id = $1 limit 1', [a.id]);
    expectStatus(await t.api('PATCH', `/api/v1/cases/${taken[0]!.id}`, { token: a.token, body: { status: 'solved' }, headers: { 'if-match': `"${taken[0]!.version}"` } }), 200);
    await waitFor(async () => (await sqlRows<{ n: number }>(t, 'select count(*)::int as n from cases where id = any($1::uuid[]) and assignee_id is null', [cases.map((c) => c.id)]))[0]!.n === 3, 10_000, 'a waiting case to be offered');
  });

  it('rules and agents’ settings are for admins; supervisors may read rules', async () => {
    const agent = await t.user('agent', [team]);
    const sup = await t.user('supervisor', [team]);
    expect((await t.api('GET', '/api/v1/routing/agents', { token: agent.token })).status).toBe(403);
    expect((await t.api('PATCH', `/api/v1/routing/rules/${team}`, { token: sup.token, body: { enabled: false } })).status).toBe(403);
    expect((await t.api('PATCH', `/api/v1/routing/agents/${agent.id}`, { token: agent.token, body: { capacity: { chat: 99 } } })).status).toBe(403);
    const rules = expectStatus(await t.api('GET', '/api/v1/routing/rules', { token: sup.token }), 200).body as Array<{ team: { id: string }; enabled: boolean }>;
    expect(rules.find((r) => r.team.id === team)?.enabled).toBe(true);
    const list = expectStatus(await t.api('GET', '/api/v1/routing/agents', { token: admin.token }), 200).body as Array<{ user: { id: string }; capacity: Record<string, number> }>;
    expect(list.find((x) => x.user.id === agent.id)?.capacity).toEqual({ email: 20, chat: 3, phone: 1, portal: 20, walk_in: 1, api: 20 });
  });
});
