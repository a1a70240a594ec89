import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { allPages, expectStatus, fieldsOf, newCase, patchCase, sqlRows, viewCounts } from '../../../test/factories.ts';

describe('views and case listing', () => {
  let t: TestApp;
  let admin: TestUser;
  let viewer: TestUser;
  let colleague: TestUser;
  let supervisor: TestUser;
  let team: string;
  let elsewhere: string;

  beforeAll(async () => {
    t = await startTestApp();
    team = await t.team('Front desk');
    elsewhere = await t.team('Back office');
    admin = await t.user('admin');
    viewer = await t.user('agent', [team]);
    colleague = await t.user('agent', [team]);
    supervisor = await t.user('supervisor', [team]);
  });
  afterAll(async () => t?.close());

  it('updates the built-in view counts as cases change', async () => {
    const builtIns = async () => {
      const c = await viewCounts(t, viewer);
      return { mine: c.mine, unassigned: c.unassigned, open: c.open, pending: c.pending, all: c.all };
    };
    expect(await builtIns()).toEqual({ mine: 0, unassigned: 0, open: 0, pending: 0, all: 0 });
    const x = await newCase(t, viewer, { teamId: team });
    expect(await builtIns()).toEqual({ mine: 0, unassigned: 1, open: 1, pending: 0, all: 1 });
    const y = await newCase(t, viewer, { teamId: team, assigneeId: viewer.id });
    expect(y.status).toBe('open');
    expect(await builtIns()).toEqual({ mine: 1, unassigned: 1, open: 2, pending: 0, all: 2 });
    expectStatus(await patchCase(t, viewer, x.id, { assigneeId: viewer.id }), 200);
    expect(await builtIns()).toEqual({ mine: 2, unassigned: 0, open: 2, pending: 0, all: 2 });
    expectStatus(await patchCase(t, viewer, y.id, { status: 'pending' }), 200);
    expect(await builtIns()).toEqual({ mine: 2, unassigned: 0, open: 1, pending: 1, all: 2 });
    expectStatus(await patchCase(t, viewer, y.id, { status: 'solved' }), 200);
    expect(await builtIns()).toEqual({ mine: 1, unassigned: 0, open: 1, pending: 0, all: 2 });
    await newCase(t, viewer, { teamId: team, assigneeId: colleague.id });
    await newCase(t, admin, { teamId: elsewhere });
    expect(await builtIns()).toEqual({ mine: 1, unassigned: 0, open: 2, pending: 0, all: 3 });
    expect((await viewCounts(t, colleague)).mine).toBe(1);
    // The lists agree with the counts.
    const mine = await allPages(t, viewer, '/api/v1/cases?view=mine');
    expect(mine.map((c) => c.id)).toEqual([x.id]);
  });

  it('saves personal views; only supervisors and admins share them', async () => {
    await newCase(t, viewer, { teamId: team, priority: 'urgent' });
    await newCase(t, viewer, { teamId: team, priority: 'urgent' });
    await newCase(t, admin, { teamId: elsewhere, priority: 'urgent' });
    const mineView = expectStatus(await t.api('POST', '/api/v1/views', { token: viewer.token, body: { name: 'Urgent', filters: { priorities: ['urgent'] } } }), 201).body;
    expect(mineView).toMatchObject({ builtIn: false, shared: false, name: 'Urgent', version: 1 });
    expect((await viewCounts(t, viewer))[mineView.id]).toBe(2);
    const listed = await allPages<{ id: string; priority: string; team: { id: string } }>(t, viewer, `/api/v1/cases?view=${mineView.id}`);
    expect(listed).toHaveLength(2);
    for (const c of listed) expect(c).toMatchObject({ priority: 'urgent', team: { id: team } });
    expect((await viewCounts(t, admin))[mineView.id]).toBeUndefined();
    expectStatus(await t.api('GET', `/api/v1/cases?view=${mineView.id}`, { token: colleague.token }), 404);

    const refused = expectStatus(await t.api('POST', '/api/v1/views', { token: viewer.token, body: { name: 'For all', filters: {}, shared: true } }), 403);
    expect(fieldsOf(refused)).toEqual(['body.shared']);
    const shared = expectStatus(await t.api('POST', '/api/v1/views', { token: supervisor.token, body: { name: 'Team urgent', filters: { priorities: ['urgent'], myTeams: true }, shared: true } }), 201).body;
    expect(shared.shared).toBe(true);
    expect((await viewCounts(t, viewer))[shared.id]).toBe(2);
    expect((await viewCounts(t, admin))[shared.id]).toBe(0); // the admin is in no team
    expectStatus(await t.api('PATCH', `/api/v1/views/${shared.id}`, { token: viewer.token, body: { name: 'Mine now', version: 1 } }), 403);
    expectStatus(await t.api('PATCH', `/api/v1/views/${shared.id}`, { token: supervisor.token, headers: { 'if-match': '"1"' }, body: { name: 'Urgent (team)' } }), 200);

    const renamed = expectStatus(await t.api('PATCH', `/api/v1/views/${mineView.id}`, { token: viewer.token, headers: { 'if-match': '"1"' }, body: { name: 'Hot' } }), 200).body;
    expect(renamed).toMatchObject({ name: 'Hot', version: 2 });
    expectStatus(await t.api('PATCH', `/api/v1/views/${mineView.id}`, { token: viewer.token, headers: { 'if-match': '"1"' }, body: { name: 'Hotter' } }), 412);
    expectStatus(await t.api('DELETE', `/api/v1/views/${mineView.id}`, { token: colleague.token }), 404);
    expectStatus(await t.api('DELETE', `/api/v1/views/${mineView.id}`, { token: viewer.token }), 204);
    expect((await viewCounts(t, viewer))[mineView.id]).toBeUndefined();
  });

  describe('cursor pagination', () => {
    let pagerTeam: string;
    let pager: TestUser;
    interface Row {
      id: string;
      created_at: Date;
      updated_at: Date;
    }

    beforeAll(async () => {
      pagerTeam = await t.team('Pager team');
      const otherTeam = await t.team('Pager other');
      pager = await t.user('agent', [pagerTeam]);
      const statuses = ['new', 'open', 'pending'];
      const ids: string[] = [];
      for (let i = 0; i < 60; i++) {
        const inOther = i % 6 === 5; // every sixth case is in another team but assigned to the pager agent
        const c = await newCase(t, admin, {
          subject: `Pager ${i}`,
          tags: ['pager'],
          status: statuses[i % 3],
          teamId: inOther ? otherTeam : pagerTeam,
          assigneeId: inOther ? pager.id : null,
        });
        ids.push(c.id);
      }
      // Equal timestamps, across teams, statuses and branches: the id must break the tie.
      await t.app.ctx.db.query(`update cases set updated_at = '2026-01-01T00:00:00Z' where id = any($1::uuid[])`, [ids.filter((_, i) => i % 3 !== 2 && i < 40)]);
      await t.app.ctx.db.query(`update cases set created_at = '2025-06-01T12:00:00.123Z' where id = any($1::uuid[])`, [ids.filter((_, i) => i % 2 === 0)]);
    });

    const expectedOrder = (rows: Row[], sort: string): string[] => {
      const key = sort.startsWith('updated') ? 'updated_at' : 'created_at';
      const sign = sort.endsWith('desc') ? -1 : 1;
      return [...rows]
        .sort((a, b) => sign * (a[key].getTime() - b[key].getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
        .map((r) => r.id);
    };

    for (const sort of ['updated_desc', 'updated_asc', 'created_desc', 'created_asc']) {
      it(`returns every case exactly once in ${sort} order`, async () => {
        const rows = await sqlRows<Row>(t, `select id, created_at, updated_at from cases where tags @> '{pager}'`);
        expect(rows).toHaveLength(60);
        const expected = expectedOrder(rows, sort);
        for (const [user, path] of [
          [admin, `/api/v1/cases?tag=pager&limit=10&sort=${sort}`],
          [pager, `/api/v1/cases?view=all&limit=10&sort=${sort}`],
          [pager, `/api/v1/cases?status=new,open,pending&limit=7&sort=${sort}`],
        ] as const) {
          const pages = await allPages(t, user, path);
          expect(pages.map((c) => c.id), path).toEqual(expected);
        }
      });
    }

    it('rejects a cursor it did not give out', async () => {
      const res = expectStatus(await t.api('GET', '/api/v1/cases?view=all&cursor=not-a-cursor', { token: pager.token }), 400);
      expect(fieldsOf(res)).toEqual(['query.cursor']);
    });
  });
});
