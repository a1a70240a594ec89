import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp, type TestUser } from '../../../test/harness.ts';
import { expectStatus, fieldsOf, newCase, timelineOf } from '../../../test/factories.ts';

describe('transfer and escalation', () => {
  let t: TestApp;
  let billing: string;
  let technical: string;
  let jonas: TestUser;
  let mari: TestUser;
  let sabine: TestUser;
  let other: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_POLL_MS: 100 });
    billing = await t.team('Billing');
    technical = await t.team('Technical');
    jonas = await t.user('agent', [billing], { name: 'Jonas Becker' });
    mari = await t.user('agent', [technical], { name: 'Mari Kask' });
    sabine = await t.user('supervisor', [billing], { name: 'Sabine Hoffmann' });
    other = await t.user('supervisor', [technical], { name: 'Elif Şahin' });
    admin = await t.user('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const routingOf = async (u: TestUser, id: string) => expectStatus(await t.api('GET', `/api/v1/cases/${id}/routing`, { token: u.token }), 200).body;

  it('a transfer needs a note and a different team; then the case waits unassigned in the new team with the note', async () => {
    const c = await newCase(t, jonas, { teamId: billing, assigneeId: jonas.id, subject: 'Laptop will not boot' });
    const noNote = await t.api('POST', `/api/v1/cases/${c.id}/transfer`, { token: jonas.token, body: { teamId: technical, note: '   ' } });
    expect(noNote.status).toBe(400);
    expect(fieldsOf(noNote)).toEqual(['body.note']);
    const same = await t.api('POST', `/api/v1/cases/${c.id}/transfer`, { token: jonas.token, body: { teamId: billing, note: 'Same team' } });
    expect(same.status).toBe(400);
    expect(fieldsOf(same)).toEqual(['body.teamId']);

    const done = expectStatus(await t.api('POST', `/api/v1/cases/${c.number}/transfer`, { token: jonas.token, body: { teamId: technical, note: 'Customer already tried a reset; it is a hardware fault.' } }), 200).body;
    expect(done.transfer).toMatchObject({ fromTeam: { id: billing, name: 'Billing' }, toTeam: { id: technical, name: 'Technical' }, by: { id: jonas.id, name: 'Jonas Becker' }, acknowledgedAt: null });
    const now = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}`, { token: mari.token }), 200).body;
    expect(now.team.id).toBe(technical);
    expect(now.assignee).toBeNull();
    // Jonas no longer sees the case: it left his team and him.
    expect((await t.api('GET', `/api/v1/cases/${c.id}`, { token: jonas.token })).status).toBe(404);

    const entries = await timelineOf(t, mari, c.id);
    const transfer = entries.flatMap((e) => e.changes ?? []).find((ch) => ch.field === 'transfer');
    expect(transfer).toEqual({ field: 'transfer', from: { id: billing, name: 'Billing' }, to: { team: { id: technical, name: 'Technical' }, note: 'Customer already tried a reset; it is a hardware fault.' } });

    // The receiving agent acknowledges the note; the banner data says so.
    const acked = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/transfer/acknowledge`, { token: mari.token }), 200).body;
    expect(acked.transfer).toMatchObject({ acknowledgedBy: { id: mari.id, name: 'Mari Kask' }, acknowledgedAt: expect.any(String) });
  });

  it('the sender cannot acknowledge their own transfer', async () => {
    const c = await newCase(t, admin, { teamId: billing });
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/transfer`, { token: admin.token, body: { teamId: technical, note: 'Please check' } }), 200);
    const r = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/transfer/acknowledge`, { token: admin.token }), 200).body;
    expect(r.transfer.acknowledgedAt).toBeNull();
  });

  it('a transferred case is routed in its new team when routing is on there', async () => {
    expectStatus(await t.api('PUT', '/api/v1/routing/presence', { token: mari.token, body: { status: 'online' } }), 200);
    expectStatus(await t.api('PATCH', `/api/v1/routing/rules/${technical}`, { token: admin.token, body: { enabled: true } }), 200);
    const c = await newCase(t, jonas, { teamId: billing, subject: 'Screen flickers' });
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/transfer`, { token: jonas.token, body: { teamId: technical, note: 'Hardware' } }), 200);
    const assignee = await waitFor(async () => (await t.api('GET', `/api/v1/cases/${c.id}`, { token: admin.token })).body.assignee?.id, 10_000, 'routing after the transfer');
    expect(assignee).toBe(mari.id);
    expect((await routingOf(mari, c.id)).transfer.note).toBe('Hardware');
  });

  it('escalating needs a reason, notifies the team’s supervisors and stays on the case', async () => {
    const c = await newCase(t, jonas, { teamId: billing, assigneeId: jonas.id, subject: 'Angry customer' });
    const empty = await t.api('POST', `/api/v1/cases/${c.id}/escalate`, { token: jonas.token, body: { reason: '' } });
    expect(empty.status).toBe(400);
    const r = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/escalate`, { token: jonas.token, body: { reason: 'Threatens to cancel the contract' } }), 200).body;
    expect(r.escalations).toEqual([{ id: expect.any(Number), reason: 'Threatens to cancel the contract', by: { id: jonas.id, name: 'Jonas Becker' }, notified: [{ id: sabine.id, name: 'Sabine Hoffmann' }], createdAt: expect.any(String) }]);

    const inbox = expectStatus(await t.api('GET', '/api/v1/notifications', { token: sabine.token }), 200).body.items as Array<{ kind: string; case: { id: string }; actor: { id: string } | null; excerpt: string }>;
    expect(inbox.find((n) => n.case.id === c.id)).toMatchObject({ kind: 'escalated', actor: { id: jonas.id }, excerpt: 'Threatens to cancel the contract' });
    // The other team's supervisor is not bothered.
    const theirs = expectStatus(await t.api('GET', '/api/v1/notifications', { token: other.token }), 200).body.items as Array<{ case: { id: string } }>;
    expect(theirs.some((n) => n.case.id === c.id)).toBe(false);

    const change = (await timelineOf(t, jonas, c.id)).flatMap((e) => e.changes ?? []).find((ch) => ch.field === 'escalation');
    expect(change?.to).toEqual({ reason: 'Threatens to cancel the contract', notified: [{ id: sabine.id, name: 'Sabine Hoffmann' }] });
    expect((await routingOf(sabine, c.id)).escalations).toHaveLength(1);
  });

  it('an agent of another team can neither see, transfer nor escalate the case', async () => {
    const c = await newCase(t, jonas, { teamId: billing });
    expect((await t.api('POST', `/api/v1/cases/${c.id}/transfer`, { token: mari.token, body: { teamId: technical, note: 'Mine now' } })).status).toBe(404);
    expect((await t.api('POST', `/api/v1/cases/${c.id}/escalate`, { token: mari.token, body: { reason: 'x' } })).status).toBe(404);
    expect((await t.api('GET', `/api/v1/cases/${c.id}/routing`, { token: mari.token })).status).toBe(404);
  });
});
