import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp, type TestUser } from '../../../test/harness.ts';
import { allPages, countRows, expectStatus, newCase, patchCase, sqlRows } from '../../../test/factories.ts';
import { addBusinessMinutes } from './clock.ts';
import { systemActor } from '../../platform/context.ts';
import { addEntry } from '../cases/index.ts';
import { recomputeCaseSla } from './recompute.ts';
import { TestSocket, type Message } from '../../../test/ws-client.ts';

interface CaseSla {
  policy: { id: string; name: string };
  metric: string;
  dueAt: string | null;
  paused: boolean;
  breached: boolean;
  warning: boolean;
}
interface CaseBody {
  id: string;
  number: number;
  createdAt: string;
  priority: string;
  assignee: { id: string } | null;
  sla: CaseSla | null;
}
interface Clock {
  metric: string;
  occurrence: number;
  dueAt: string | null;
  achievedAt: string | null;
  paused: boolean;
  breached: boolean;
  businessMinutes: number;
}

const MINUTE = 60_000;

describe('SLA policies and clocks', () => {
  let t: TestApp;
  let admin: TestUser;
  let sup: TestUser;
  let agent: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_POLL_MS: 100 });
    admin = await t.user('admin');
    sup = await t.user('supervisor');
    agent = await t.user('agent');
  });
  afterAll(async () => t?.close());

  const policy = async (body: Record<string, unknown>) => expectStatus(await t.api('POST', '/api/v1/sla-policies', { token: admin.token, body }), 201).body as { id: string; name: string };
  const getCase = async (id: string, u: TestUser = admin) => expectStatus(await t.api('GET', `/api/v1/cases/${id}`, { token: u.token }), 200).body as CaseBody;
  /** Waits for the SLA job to have measured the case (it runs after the change commits). */
  const slaOf = (id: string, check: (sla: CaseSla | null) => boolean, what: string) =>
    waitFor(async () => {
      const c = await getCase(id);
      return check(c.sla) ? c : false;
    }, 10_000, what);
  const clocksOf = async (id: string) => (expectStatus(await t.api('GET', `/api/v1/cases/${id}/sla`, { token: admin.token }), 200).body as { clocks: Clock[] }).clocks;

  it('calendars and policies are for admins; supervisors may read them, agents not', async () => {
    const team = await t.team('Perm team');
    const cal = expectStatus(
      await t.api('POST', '/api/v1/business-hours', {
        token: admin.token,
        body: { name: 'Perm hours', timeZone: 'Europe/Tallinn', weekly: [{ day: 1, start: '09:00', end: '12:00' }, { day: 1, start: '13:00', end: '17:00' }], holidays: [{ date: '2026-02-24', name: 'Independence Day', recurring: true }], teamIds: [team] },
      }),
      201,
    ).body;
    expect(cal).toMatchObject({ timeZone: 'Europe/Tallinn', teams: [{ id: team, name: 'Perm team' }], holidays: [{ date: '2026-02-24', recurring: true }] });
    expect(expectStatus(await t.api('GET', '/api/v1/business-hours', { token: sup.token }), 200).body.items.map((c: { id: string }) => c.id)).toContain(cal.id);
    expectStatus(await t.api('GET', '/api/v1/business-hours', { token: agent.token }), 403);
    expectStatus(await t.api('POST', '/api/v1/business-hours', { token: sup.token, body: { name: 'X', timeZone: 'UTC', weekly: [{ day: 1, start: '09:00', end: '17:00' }] } }), 403);
    expectStatus(await t.api('POST', '/api/v1/business-hours', { token: admin.token, body: { name: 'Bad', timeZone: 'Mars/Olympus', weekly: [{ day: 1, start: '17:00', end: '09:00' }] } }), 400);
    const changed = expectStatus(await t.api('PATCH', `/api/v1/business-hours/${cal.id}`, { token: admin.token, headers: { 'if-match': '"1"' }, body: { timeZone: 'Europe/Istanbul', teamIds: [] } }), 200).body;
    expect(changed).toMatchObject({ timeZone: 'Europe/Istanbul', teams: [], version: 2 });
    expectStatus(await t.api('PATCH', `/api/v1/business-hours/${cal.id}`, { token: admin.token, headers: { 'if-match': '"1"' }, body: { name: 'Stale' } }), 412);

    const p = await policy({ name: 'Perm policy', conditions: { teamIds: [team] }, targets: { firstResponse: 60, nextResponse: null, resolution: null } });
    expect(expectStatus(await t.api('GET', '/api/v1/sla-policies', { token: sup.token }), 200).body.items.map((x: { id: string }) => x.id)).toContain(p.id);
    expectStatus(await t.api('POST', '/api/v1/sla-policies', { token: sup.token, body: { name: 'No', targets: { firstResponse: 1, nextResponse: null, resolution: null } } }), 403);
    expectStatus(await t.api('POST', '/api/v1/sla-policies', { token: admin.token, body: { name: 'Empty', targets: { firstResponse: null, nextResponse: null, resolution: null } } }), 400);
    expectStatus(await t.api('DELETE', `/api/v1/sla-policies/${p.id}`, { token: admin.token }), 204);
    expectStatus(await t.api('DELETE', `/api/v1/business-hours/${cal.id}`, { token: admin.token }), 204);
  });

  it('a case gets its due times from the first matching policy, counted in its team’s hours', async () => {
    const team = await t.team('Choice team');
    const office = await t.team('Office team');
    const weekly = [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' }));
    expectStatus(await t.api('POST', '/api/v1/business-hours', { token: admin.token, body: { name: 'Choice office', timeZone: 'Europe/Berlin', weekly, teamIds: [office] } }), 201);
    const gold = expectStatus(await t.api('POST', '/api/v1/organizations', { token: admin.token, body: { name: 'Gold GmbH', tier: 'gold' } }), 201).body;
    const urgent = await policy({ name: 'Choice urgent', conditions: { priorities: ['urgent'], teamIds: [team, office] }, targets: { firstResponse: 30, nextResponse: null, resolution: 240 } });
    await policy({ name: 'Choice gold', conditions: { tiers: ['gold'], teamIds: [team, office] }, targets: { firstResponse: 60, nextResponse: null, resolution: null } });
    await policy({ name: 'Choice default', conditions: { teamIds: [team, office] }, targets: { firstResponse: 240, nextResponse: null, resolution: null } });

    const a = await newCase(t, admin, { teamId: team, priority: 'urgent', organizationId: gold.id });
    const b = await newCase(t, admin, { teamId: team, organizationId: gold.id });
    const c = await newCase(t, admin, { teamId: team });
    const d = await newCase(t, admin, { teamId: office });
    const due = (x: CaseBody, minutes: number) => new Date(new Date(x.createdAt).getTime() + minutes * MINUTE).toISOString();
    const ca = await slaOf(a.id, (s) => s !== null, 'urgent SLA');
    expect(ca.sla).toMatchObject({ policy: { id: urgent.id, name: 'Choice urgent' }, metric: 'first_response', dueAt: due(ca, 30), paused: false, breached: false });
    const cb = await slaOf(b.id, (s) => s !== null, 'gold SLA');
    expect(cb.sla).toMatchObject({ policy: { name: 'Choice gold' }, dueAt: due(cb, 60) });
    const cc = await slaOf(c.id, (s) => s !== null, 'default SLA');
    expect(cc.sla).toMatchObject({ policy: { name: 'Choice default' }, dueAt: due(cc, 240) });
    const cd = await slaOf(d.id, (s) => s !== null, 'office SLA');
    const cal = { timeZone: 'Europe/Berlin', weekly, holidays: [] };
    expect(cd.sla?.dueAt).toBe(addBusinessMinutes(cal, new Date(cd.createdAt), 240).toISOString());

    // Reordering puts the default first: it now wins for every case of the team.
    const ids = (expectStatus(await t.api('GET', '/api/v1/sla-policies', { token: admin.token }), 200).body.items as Array<{ id: string; name: string }>).map((p) => p);
    const order = [ids.find((p) => p.name === 'Choice default')!.id, ...ids.filter((p) => p.name !== 'Choice default').map((p) => p.id)];
    expectStatus(await t.api('PUT', '/api/v1/sla-policies/order', { token: admin.token, body: { ids: order } }), 200);
    await slaOf(a.id, (s) => s?.policy.name === 'Choice default', 'recomputed after reorder');
    // A priority change picks the policy again.
    expectStatus(await t.api('PUT', '/api/v1/sla-policies/order', { token: admin.token, body: { ids: [...order.slice(1), order[0]!] } }), 200);
    await slaOf(c.id, (s) => s?.policy.name === 'Choice default', 'still default');
    expectStatus(await patchCase(t, admin, c.id, { priority: 'urgent' }), 200);
    await slaOf(c.id, (s) => s?.policy.name === 'Choice urgent', 'urgent after priority change');
  });

  it('the first public reply stops the first-response clock; notes do not', async () => {
    const team = await t.team('Reply team');
    await policy({ name: 'Reply policy', conditions: { teamIds: [team] }, targets: { firstResponse: 60, nextResponse: 30, resolution: 600 } });
    const c = await newCase(t, admin, { teamId: team, message: { body: 'Help', direction: 'inbound' } });
    await slaOf(c.id, (s) => s?.metric === 'first_response', 'first response running');
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: admin.token, body: { kind: 'note', body: 'Looking into it' } }), 201);
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: admin.token, body: { kind: 'message', body: 'We are on it' } }), 201);
    const after = await slaOf(c.id, (s) => s?.metric === 'resolution', 'resolution next');
    expect(after.sla).toMatchObject({ metric: 'resolution', dueAt: new Date(new Date(after.createdAt).getTime() + 600 * MINUTE).toISOString() });
    let clocks = await clocksOf(c.id);
    const first = clocks.find((k) => k.metric === 'first_response')!;
    expect(first.achievedAt).not.toBeNull();
    expect(first.breached).toBe(false);
    expect(clocks.some((k) => k.metric === 'next_response')).toBe(false);

    // An automatic message (an email acknowledgement, sent by the system) is not a response.
    const auto = await newCase(t, admin, { teamId: team, message: { body: 'Hello', direction: 'inbound' } });
    await slaOf(auto.id, (s) => s?.metric === 'first_response', 'auto: first response running');
    await t.app.ctx.db.transaction((tx) => addEntry(t.app.ctx, systemActor, tx, auto.id, { kind: 'message', direction: 'outbound', body: 'We got your message' }));
    await t.app.ctx.db.transaction((tx) => recomputeCaseSla(t.app.ctx, tx, auto.id));
    expect((await getCase(auto.id)).sla).toMatchObject({ metric: 'first_response' });
    expect((await clocksOf(auto.id)).find((k) => k.metric === 'first_response')!.achievedAt).toBeNull();

    // The customer writes again: a next-response clock starts; our reply stops it.
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: admin.token, body: { kind: 'message', direction: 'inbound', body: 'Any news?' } }), 201);
    await slaOf(c.id, (s) => s?.metric === 'next_response', 'next response running');
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: admin.token, body: { kind: 'message', direction: 'inbound', body: 'Hello??' } }), 201);
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: admin.token, body: { kind: 'message', body: 'Sorry, done now' } }), 201);
    await slaOf(c.id, (s) => s?.metric === 'resolution', 'back to resolution');
    clocks = await clocksOf(c.id);
    expect(clocks.filter((k) => k.metric === 'next_response')).toMatchObject([{ occurrence: 1, breached: false }]);
    expect(clocks.find((k) => k.metric === 'next_response')!.achievedAt).not.toBeNull();

    // Solving stops the resolution clock: nothing is left running.
    expectStatus(await patchCase(t, admin, c.id, { status: 'solved' }), 200);
    await slaOf(c.id, (s) => s === null, 'nothing running once solved');
    const rows = await sqlRows<{ sla_due_at: Date | null }>(t, 'select sla_due_at from cases where id = $1', [c.id]);
    expect(rows[0]!.sla_due_at).toBeNull();
    expect((await clocksOf(c.id)).find((k) => k.metric === 'resolution')!.achievedAt).not.toBeNull();
  });

  it('pending pauses the clock and reopening resumes it with the paused time added', async () => {
    const team = await t.team('Pause team');
    await policy({ name: 'Pause policy', conditions: { teamIds: [team] }, targets: { firstResponse: 120, nextResponse: null, resolution: null } });
    const c = await newCase(t, admin, { teamId: team, status: 'open' });
    const running = await slaOf(c.id, (s) => s !== null, 'running');
    const firstDue = new Date(running.sla!.dueAt!).getTime();
    expectStatus(await patchCase(t, admin, c.id, { status: 'pending' }), 200);
    const paused = await slaOf(c.id, (s) => s?.paused === true, 'paused');
    expect(paused.sla).toMatchObject({ paused: true, dueAt: null, metric: 'first_response' });
    expect((await sqlRows<{ sla_due_at: Date | null }>(t, 'select sla_due_at from cases where id = $1', [c.id]))[0]!.sla_due_at).toBeNull();
    await new Promise((r) => setTimeout(r, 400));
    expectStatus(await patchCase(t, admin, c.id, { status: 'open' }), 200);
    const resumed = await slaOf(c.id, (s) => s?.paused === false, 'resumed');
    const entries = await sqlRows<{ created_at: Date; changes: Array<{ field: string; to: string }> }>(
      t,
      `select created_at, changes from case_entries where case_id = $1 and kind = 'change' order by id`,
      [c.id],
    );
    const at = (status: string) => entries.find((e) => e.changes.some((ch) => ch.field === 'status' && ch.to === status))!.created_at.getTime();
    const pausedFor = entries.filter((e) => e.changes.some((ch) => ch.to === 'open')).at(-1)!.created_at.getTime() - at('pending');
    expect(pausedFor).toBeGreaterThanOrEqual(400);
    expect(new Date(resumed.sla!.dueAt!).getTime()).toBe(firstDue + pausedFor);
  });

  it('a warning and a breach fire exactly once, and the breach escalates', async () => {
    const team = await t.team('Breach team');
    const owner = await t.user('agent', [team], { name: 'Olga Owner' });
    const backup = await t.user('agent', [team], { name: 'Bert Backup' });
    const boss = await t.user('supervisor', [team], { name: 'Sina Supervisor' });
    await policy({
      name: 'Breach policy',
      conditions: { teamIds: [team] },
      targets: { firstResponse: 1, nextResponse: null, resolution: null },
      warnPercent: 50,
      escalation: [{ type: 'notify' }, { type: 'reassign', userId: backup.id }, { type: 'raise_priority' }],
    });
    const c = await newCase(t, admin, { teamId: team, assigneeId: owner.id, message: { body: 'Urgent-ish', direction: 'inbound' } });
    await slaOf(c.id, (s) => s !== null, 'measured');
    // Let the case seem 40 s old: the warning (at 30 s) is due now, the breach (at 60 s) in ~20 s… too slow
    // for a test, so 58.5 s: the breach follows 1.5 s later, fired by the timer job.
    await t.app.ctx.db.query(`update cases set created_at = created_at - interval '58500 milliseconds' where id = $1`, [c.id]);
    await t.app.ctx.db.transaction((tx) => recomputeCaseSla(t.app.ctx, tx, c.id));
    const warned = await getCase(c.id);
    expect(warned.sla).toMatchObject({ warning: true, breached: false });
    const notes = (kind: string) => countRows(t, 'notifications', 'kind = $1 and case_id = $2', [kind, c.id]);
    expect(await notes('sla_warning')).toBe(1);
    expect(await countRows(t, 'notifications', `kind = 'sla_warning' and user_id = $1`, [owner.id])).toBe(1);

    const breached = await slaOf(c.id, (s) => s?.breached === true, 'breach by the timer');
    // Escalation: reassigned to the backup, priority one step up, owner and supervisor told.
    const escalated = await waitFor(async () => {
      const x = await getCase(c.id);
      return x.assignee?.id === backup.id ? x : false;
    }, 5_000, 'reassigned');
    expect(escalated.priority).toBe('high');
    expect(breached.sla).toMatchObject({ metric: 'first_response', breached: true });
    expect(await countRows(t, 'notifications', `kind = 'sla_breached' and case_id = $1 and user_id = any($2::uuid[])`, [c.id, [owner.id, boss.id]])).toBe(2);

    // More changes and timer runs later: nothing fires twice.
    expectStatus(await patchCase(t, admin, c.id, { tags: ['late'] }), 200);
    await t.app.ctx.db.transaction((tx) => recomputeCaseSla(t.app.ctx, tx, c.id));
    await new Promise((r) => setTimeout(r, 500));
    expect(await notes('sla_warning')).toBe(1);
    expect(await notes('sla_breached')).toBe(2);
    expect(await countRows(t, 'events', `type = 'case.sla_warning' and payload->>'caseId' = $1`, [c.id])).toBe(1);
    expect(await countRows(t, 'events', `type = 'case.sla_breached' and payload->>'caseId' = $1`, [c.id])).toBe(1);
    expect((await getCase(c.id)).priority).toBe('high');
    const [result] = await sqlRows<{ breached: boolean; due_at: Date; business_minutes: number }>(
      t,
      `select breached, due_at, business_minutes from case_sla_results where case_id = $1 and metric = 'first_response'`,
      [c.id],
    );
    expect(result).toMatchObject({ breached: true });
    expect(result!.business_minutes).toBeGreaterThanOrEqual(1);
  });

  it('sort by due pages correctly: soonest first, cases without a due time last', async () => {
    const team = await t.team('Sort team');
    const viewer = await t.user('agent', [team]);
    await policy({ name: 'Sort urgent', conditions: { teamIds: [team], priorities: ['urgent'] }, targets: { firstResponse: 10, nextResponse: null, resolution: null } });
    await policy({ name: 'Sort high', conditions: { teamIds: [team], priorities: ['high'] }, targets: { firstResponse: 60, nextResponse: null, resolution: null } });
    await policy({ name: 'Sort normal', conditions: { teamIds: [team], priorities: ['normal'] }, targets: { firstResponse: 240, nextResponse: null, resolution: null } });
    const made: CaseBody[] = [];
    for (const priority of ['normal', 'low', 'urgent', 'high', 'normal', 'urgent', 'low', 'high', 'normal']) {
      made.push(await newCase(t, admin, { teamId: team, priority, status: 'open' }));
    }
    await waitFor(async () => (await countRows(t, 'case_sla', 'case_id = any($1::uuid[])', [made.map((m) => m.id)])) === 7, 10_000, 'all measured');
    const rows = await sqlRows<{ id: string; sla_due_at: Date | null }>(t, 'select id, sla_due_at from cases where id = any($1::uuid[])', [made.map((m) => m.id)]);
    const far = Number.MAX_SAFE_INTEGER;
    const expected = rows
      .sort((a, b) => (a.sla_due_at?.getTime() ?? far) - (b.sla_due_at?.getTime() ?? far) || (a.id < b.id ? -1 : 1))
      .map((r) => r.id);
    expect(rows.filter((r) => r.sla_due_at === null)).toHaveLength(2);
    const paged = await allPages<CaseBody>(t, viewer, `/api/v1/cases?sort=due_asc&limit=2&teamId=${team}`);
    expect(paged.map((c) => c.id)).toEqual(expected);
    expect(paged.slice(0, 2).every((c) => c.priority === 'urgent')).toBe(true);
    expect(paged.slice(-2).every((c) => c.sla === null)).toBe(true);
    // The same through a saved view.
    const view = expectStatus(await t.api('POST', '/api/v1/views', { token: viewer.token, body: { name: 'Due', filters: { teamIds: [team] }, sort: 'due_asc' } }), 201).body;
    const viaView = await allPages<CaseBody>(t, viewer, `/api/v1/cases?view=${view.id}&limit=3`);
    expect(viaView.map((c) => c.id)).toEqual(expected);
  });

  it('pushes case.sla_changed to the case’s team, and a new calendar moves the due time', async () => {
    const team = await t.team('Live team');
    const member = await t.user('agent', [team]);
    const outsider = await t.user('agent', []);
    await policy({ name: 'Live policy', conditions: { teamIds: [team] }, targets: { firstResponse: 600, nextResponse: null, resolution: null } });
    const socket = await TestSocket.open(t.url, { authorization: `Bearer ${member.token}` });
    const other = await TestSocket.open(t.url, { authorization: `Bearer ${outsider.token}` });
    try {
      const c = await newCase(t, admin, { teamId: team });
      const isChange = (m: Message) => m.event?.type === 'case.sla_changed' && (m.event.payload as { caseId: string }).caseId === c.id;
      const pushed = await socket.waitFor(isChange);
      const sla = (pushed.event!.payload as { sla: CaseSla }).sla;
      expect(sla).toMatchObject({ policy: { name: 'Live policy' }, metric: 'first_response', paused: false });
      expect(sla.dueAt).toBe(new Date(new Date(c.createdAt).getTime() + 600 * MINUTE).toISOString());
      await expect(other.waitFor(isChange, 500)).rejects.toThrow();

      // Office hours on a closed day of the week: the ten hours now start on the next Monday.
      const weekly = [{ day: 1, start: '09:00', end: '19:00' }];
      expectStatus(await t.api('POST', '/api/v1/business-hours', { token: admin.token, body: { name: 'Mondays only', timeZone: 'America/New_York', weekly, teamIds: [team] } }), 201);
      const moved = await slaOf(c.id, (s) => s !== null && s.dueAt !== sla.dueAt, 'due time moved by the calendar');
      const expectedDue = addBusinessMinutes({ timeZone: 'America/New_York', weekly, holidays: [] }, new Date(c.createdAt), 600).toISOString();
      expect(moved.sla!.dueAt).toBe(expectedDue);
    } finally {
      socket.close();
      other.close();
    }
  });

  it('escalates by sending the case back to the team queue and raising the priority to a value', async () => {
    const team = await t.team('Queue team');
    const owner = await t.user('agent', [team]);
    await policy({
      name: 'Queue policy',
      conditions: { teamIds: [team] },
      targets: { firstResponse: 1, nextResponse: null, resolution: null },
      warnPercent: null,
      escalation: [{ type: 'reassign', userId: null }, { type: 'raise_priority', to: 'urgent' }],
    });
    const c = await newCase(t, admin, { teamId: team, assigneeId: owner.id, priority: 'low' });
    await slaOf(c.id, (s) => s !== null, 'measured');
    await t.app.ctx.db.query(`update cases set created_at = created_at - interval '2 minutes' where id = $1`, [c.id]);
    await t.app.ctx.db.transaction((tx) => recomputeCaseSla(t.app.ctx, tx, c.id));
    const after = await getCase(c.id);
    expect(after).toMatchObject({ assignee: null, priority: 'urgent' });
    expect(after.sla).toMatchObject({ breached: true, warning: false });
    expect(await countRows(t, 'notifications', `kind like 'sla_%' and case_id = $1`, [c.id])).toBe(0);
  });
});
