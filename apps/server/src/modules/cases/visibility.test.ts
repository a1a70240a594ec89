import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewFilters } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { allPages, countRows, expectStatus, fieldsOf, newCase, sqlRows, viewCounts } from '../../../test/factories.ts';
import { countCases, listCases } from './list-cases.ts';
import { canSeeCase, caseVisibility, type CaseScope } from './policy.ts';

/** The rule as the product states it, written out independently of policy.ts. */
function rule(actor: Pick<Actor, 'id' | 'role' | 'teamIds'>, c: CaseScope): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'customer':
      return false;
    case 'agent':
      return (c.teamId !== null && actor.teamIds.includes(c.teamId)) || c.assigneeId === actor.id;
    case 'supervisor':
      return (c.teamId !== null && actor.teamIds.includes(c.teamId)) || c.teamId === null || c.assigneeId === actor.id;
  }
}

/** A small deterministic PRNG, so a failure can be reproduced. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('case visibility: policy functions', () => {
  it('canSeeCase, caseVisibility and the stated rule agree on random actors and cases', () => {
    const rnd = prng(20261202);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const teams = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const users = Array.from({ length: 5 }, () => randomUUID());
    const roles = ['agent', 'supervisor', 'admin', 'customer'] as const;
    let seen = 0;
    for (let i = 0; i < 5000; i++) {
      const actor: Actor = {
        id: pick(users),
        role: pick(roles),
        name: 'x',
        email: 'x@example.com',
        language: 'en',
        teamIds: teams.filter(() => rnd() < 0.4),
        via: 'token',
      };
      const c: CaseScope = { teamId: rnd() < 0.25 ? null : pick(teams), assigneeId: rnd() < 0.3 ? null : pick(users) };
      const vis = caseVisibility(actor);
      const byVisibility = vis.all || c.assigneeId === vis.assigneeId || (c.teamId !== null && vis.teamIds.includes(c.teamId)) || (vis.triage && c.teamId === null);
      const expected = rule(actor, c);
      expect(canSeeCase(actor, c), JSON.stringify({ actor, c })).toBe(expected);
      expect(byVisibility, JSON.stringify({ actor, c, vis })).toBe(expected);
      if (expected) seen++;
    }
    expect(seen).toBeGreaterThan(500); // both outcomes were exercised
    expect(seen).toBeLessThan(4500);
  });
});

describe('case visibility: the API', () => {
  let t: TestApp;
  let teamA: string;
  let teamB: string;
  let agentA: TestUser;
  let agentA2: TestUser;
  let agentB: TestUser;
  let supervisorA: TestUser;
  let admin: TestUser;
  const cases: Record<'inA' | 'inB' | 'triage' | 'inBforA', { id: string; number: number }> = {} as never;
  let expected: Record<string, Array<keyof typeof cases>>;

  beforeAll(async () => {
    t = await startTestApp();
    teamA = await t.team('Team A');
    teamB = await t.team('Team B');
    agentA = await t.user('agent', [teamA]);
    agentA2 = await t.user('agent', [teamA]);
    agentB = await t.user('agent', [teamB]);
    supervisorA = await t.user('supervisor', [teamA]);
    admin = await t.user('admin');
    cases.inA = await newCase(t, admin, { subject: 'Matrixcase in A', teamId: teamA });
    cases.inB = await newCase(t, admin, { subject: 'Matrixcase in B', teamId: teamB });
    cases.triage = await newCase(t, admin, { subject: 'Matrixcase triage', teamId: null });
    cases.inBforA = await newCase(t, admin, { subject: 'Matrixcase in B for A', teamId: teamB, assigneeId: agentA.id });
    expected = {
      admin: ['inA', 'inB', 'triage', 'inBforA'],
      agentA: ['inA', 'inBforA'],
      agentA2: ['inA'],
      agentB: ['inB', 'inBforA'],
      supervisorA: ['inA', 'triage'],
    };
  });
  afterAll(async () => t?.close());

  const actors = () => ({ admin, agentA, agentA2, agentB, supervisorA });
  const ids = (keys: Array<keyof typeof cases>) => keys.map((k) => cases[k].id).sort();

  it('lists, searches and counts exactly the cases each actor may see', async () => {
    for (const [name, user] of Object.entries(actors())) {
      const listed = await allPages(t, user, '/api/v1/cases?view=all&limit=2');
      expect(listed.map((c) => c.id).sort(), name).toEqual(ids(expected[name]!));
      const found = expectStatus(await t.api('GET', '/api/v1/search?q=Matrixcase', { token: user.token }), 200).body.cases;
      expect(found.map((c: { id: string }) => c.id).sort(), name).toEqual(ids(expected[name]!));
      const bySubject = expectStatus(await t.api('GET', '/api/v1/cases/search?q=matrixcase', { token: user.token }), 200).body.items;
      expect(bySubject.map((c: { id: string }) => c.id).sort(), name).toEqual(ids(expected[name]!));
      const counts = await viewCounts(t, user);
      expect(counts.all, name).toBe(expected[name]!.length);
      expect(counts.open, name).toBe(expected[name]!.length); // all are new or open
    }
  });

  it('answers 404 for a case the actor may not see, on every route, and changes nothing', async () => {
    for (const [name, user] of Object.entries(actors())) {
      for (const key of Object.keys(cases) as Array<keyof typeof cases>) {
        const c = cases[key];
        const visible = expected[name]!.includes(key);
        const label = `${name} → ${key}`;
        const want = (ok: number) => (visible ? ok : 404);
        for (const ref of [c.id, c.number]) {
          const got = await t.api('GET', `/api/v1/cases/${ref}`, { token: user.token });
          expect(got.status, label).toBe(want(200));
          if (!visible) expect(got.body.code).toBe('not_found');
          expect((await t.api('GET', `/api/v1/cases/${ref}/timeline`, { token: user.token })).status, label).toBe(want(200));
        }
        const number = await t.api('GET', `/api/v1/search?q=%23${c.number}`, { token: user.token });
        expect(number.body.cases.map((x: { id: string }) => x.id), label).toEqual(visible ? [c.id] : []);
        const before = (await sqlRows<{ version: number }>(t, 'select version from cases where id = $1', [c.id]))[0]!.version;
        const patch = await t.api('PATCH', `/api/v1/cases/${c.id}`, { token: user.token, headers: { 'if-match': `"${before}"` }, body: { tags: [`seen-by-${name.toLowerCase()}`] } });
        expect(patch.status, label).toBe(want(200));
        const entries = await countRows(t, 'case_entries', 'case_id = $1', [c.id]);
        const note = await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: user.token, body: { kind: 'note', body: `note by ${name}` } });
        expect(note.status, label).toBe(want(201));
        expect(await countRows(t, 'case_entries', 'case_id = $1', [c.id]), label).toBe(entries + (visible ? 1 : 0));
        const after = (await sqlRows<{ version: number }>(t, 'select version from cases where id = $1', [c.id]))[0]!.version;
        expect(after, label).toBe(before + (visible ? 1 : 0));
      }
    }
  });

  it('keeps customers out of the staff API', async () => {
    const customer = await t.user('customer');
    for (const path of ['/api/v1/cases?view=all', `/api/v1/cases/${cases.inA.id}`, '/api/v1/search?q=Matrixcase', '/api/v1/views']) {
      expect((await t.api('GET', path, { token: customer.token })).status, path).toBe(403);
    }
  });

  it('lets an agent assign to self or a member of the case team only; a supervisor to anyone', async () => {
    const c = await newCase(t, admin, { subject: 'Assign me', teamId: teamA });
    const assign = async (user: TestUser, assigneeId: string) => {
      const v = (await sqlRows<{ version: number }>(t, 'select version from cases where id = $1', [c.id]))[0]!.version;
      return t.api('PATCH', `/api/v1/cases/${c.id}`, { token: user.token, headers: { 'if-match': `"${v}"` }, body: { assigneeId } });
    };
    expectStatus(await assign(agentA, agentA.id), 200);
    expectStatus(await assign(agentA, agentA2.id), 200);
    const refused = expectStatus(await assign(agentA, agentB.id), 403);
    expect(fieldsOf(refused)).toEqual(['body.assigneeId']);
    expect((await sqlRows<{ assignee_id: string }>(t, 'select assignee_id from cases where id = $1', [c.id]))[0]!.assignee_id).toBe(agentA2.id);
    expectStatus(await assign(supervisorA, agentB.id), 200);
    expectStatus(await assign(admin, supervisorA.id), 200);

    const before = await countRows(t, 'cases');
    const create = await t.api('POST', '/api/v1/cases', { token: agentA.token, body: { subject: 'x', teamId: teamA, assigneeId: agentB.id, requester: { name: 'R', email: 'assign.r@example.com' } } });
    expectStatus(create, 403);
    expect(await countRows(t, 'cases')).toBe(before);
    expect(await countRows(t, 'customers', `exists (select 1 from customer_emails e where e.customer_id = customers.id and e.email = 'assign.r@example.com')`)).toBe(0);
    expectStatus(await t.api('POST', '/api/v1/cases/bulk', { token: agentA.token, body: { caseIds: [cases.inA.id], changes: { assigneeId: agentB.id } } }), 403);
    const bulk = await t.api('POST', '/api/v1/cases/bulk', { token: supervisorA.token, body: { caseIds: [cases.inA.id], changes: { assigneeId: agentB.id } } });
    expectStatus(bulk, 200);
  });

  it('lists, in SQL, exactly what canSeeCase allows, for every actor and many filters', async () => {
    const users = Object.values(actors());
    const statuses = ['new', 'open', 'pending', 'solved'] as const;
    const rnd = prng(7);
    for (let i = 0; i < 24; i++) {
      const teamId = [teamA, teamB, null][i % 3]!;
      const assignee = [null, agentA, agentB, supervisorA, agentA2][Math.floor(rnd() * 5)];
      await newCase(t, admin, { subject: `Seeded ${i}`, teamId, assigneeId: assignee?.id ?? null, status: statuses[i % 4] });
    }
    const all = await sqlRows<{ id: string; team_id: string | null; assignee_id: string | null; status: string }>(t, 'select id, team_id, assignee_id, status from cases');
    const filters: ViewFilters[] = [
      {},
      { statuses: ['new', 'open'] },
      { assignee: 'me' },
      { assignee: 'none' },
      { assignee: agentB.id },
      { myTeams: true },
      { teamIds: [teamB] },
      { teamIds: [teamA, teamB], assignee: 'me' },
      { myTeams: true, assignee: 'none', statuses: ['new', 'open', 'pending', 'on_hold'] },
    ];
    // Real users, and made-up actors with other team sets, to exercise every branch of the query.
    const synthetic: Actor[] = users.flatMap((u) =>
      [[], [teamA], [teamB], [teamA, teamB]].flatMap((teamIds) => (['agent', 'supervisor'] as const).map((role) => ({ ...u.actor, role, teamIds }))),
    );
    for (const actor of [...users.map((u) => u.actor), ...synthetic]) {
      for (const f of filters) {
        const match = (c: (typeof all)[number]) => {
          if (!canSeeCase(actor, { teamId: c.team_id, assigneeId: c.assignee_id })) return false;
          if (f.statuses && !f.statuses.includes(c.status as never)) return false;
          if (f.teamIds && !(c.team_id !== null && f.teamIds.includes(c.team_id))) return false;
          if (f.myTeams && !(c.team_id !== null && actor.teamIds.includes(c.team_id))) return false;
          if (f.assignee === 'me' && c.assignee_id !== actor.id) return false;
          if (f.assignee === 'none' && c.assignee_id !== null) return false;
          if (f.assignee && f.assignee !== 'me' && f.assignee !== 'none' && c.assignee_id !== f.assignee) return false;
          return true;
        };
        const want = all.filter(match).map((c) => c.id).sort();
        const label = JSON.stringify({ role: actor.role, teams: actor.teamIds.map((x) => (x === teamA ? 'A' : 'B')), f });
        const page = await listCases(t.app.ctx.db, actor, { filters: f, sort: 'updated_desc', limit: 500 });
        expect(page.items.map((c) => c.id).sort(), label).toEqual(want);
        expect((await countCases(t.app.ctx.db, actor, f)).count, label).toBe(want.length);
      }
    }
    for (const u of users) {
      const listed = await allPages(t, u, '/api/v1/cases?view=all&limit=5');
      expect(listed.map((c) => c.id).sort()).toEqual(all.filter((c) => canSeeCase(u.actor, { teamId: c.team_id, assigneeId: c.assignee_id })).map((c) => c.id).sort());
    }
  });
});
