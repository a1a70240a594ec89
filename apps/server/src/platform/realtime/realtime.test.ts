import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { TestSocket } from '../../../test/ws-client.ts';

describe('real-time events and presence', () => {
  let t: TestApp;
  let billing: string;
  let returns: string;
  let emma: TestUser;
  let mart: TestUser;
  let ayse: TestUser;
  const sockets: TestSocket[] = [];
  const open = async (u: TestUser) => {
    const s = await TestSocket.open(t.url, { authorization: `Bearer ${u.token}` });
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startTestApp();
    billing = await t.team('Billing');
    returns = await t.team('Returns');
    emma = await t.user('agent', [billing]);
    ayse = await t.user('agent', [billing]);
    mart = await t.user('agent', [returns]);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('pushes a committed change to agents allowed to see the case, and only to them', async () => {
    const emmaSocket = await open(emma);
    const martSocket = await open(mart);
    const created = await t.api('POST', '/api/v1/cases', {
      token: ayse.token,
      body: { subject: 'Kreditkartenabrechnung stimmt nicht', requester: { name: 'Jürgen Weber', email: 'juergen@example.de' }, teamId: billing },
    });
    expect(created.status).toBe(201);
    const ev = await emmaSocket.waitFor((m) => m.event?.type === 'case.created');
    expect(ev.event!.payload.caseId).toBe(created.body.id);

    const note = await t.api('POST', `/api/v1/cases/${created.body.id}/entries`, { token: ayse.token, body: { kind: 'note', body: 'Checked the statement: double charge.' } });
    expect(note.status).toBe(201);
    const noteEvent = await emmaSocket.waitFor((m) => m.event?.type === 'case.entry_added');
    expect(noteEvent.event!.payload.internal).toBe(true);

    // Transferred to Returns: Mart now gets it, and Emma is told it left her team.
    const moved = await t.api('PATCH', `/api/v1/cases/${created.body.id}`, { token: ayse.token, headers: { 'if-match': `"${created.body.version}"` }, body: { teamId: returns } });
    expect(moved.status).toBe(200);
    const martUpdate = await martSocket.waitFor((m) => m.event?.type === 'case.updated');
    expect(martUpdate.event!.payload.caseId).toBe(created.body.id);
    await emmaSocket.waitFor((m) => m.event?.type === 'case.updated');
    // Mart never saw anything from before the transfer, while the case was Billing's.
    expect(martSocket.events('case.created')).toHaveLength(0);
    expect(martSocket.events('case.entry_added')).toHaveLength(0);
  });

  it('refuses sockets without a session, with a foreign Origin, or for customers', async () => {
    const anonymous = await TestSocket.open(t.url, {});
    await anonymous.waitFor(() => false, 300).catch(() => undefined);
    expect(anonymous.closedWith).toBe(4401);
    const customer = await t.user('customer');
    const portal = await TestSocket.open(t.url, { authorization: `Bearer ${customer.token}` });
    await portal.waitFor(() => false, 300).catch(() => undefined);
    expect(portal.closedWith).toBe(4401);
    const foreign = await TestSocket.open(t.url, { authorization: `Bearer ${emma.token}`, origin: 'https://evil.example' });
    await foreign.waitFor(() => false, 300).catch(() => undefined);
    expect(foreign.closedWith).toBe(4403);
  });

  it('shows who else is viewing and typing on a case', async () => {
    const c = await t.api('POST', '/api/v1/cases', { token: emma.token, body: { subject: 'Room change', requester: { name: 'Kadri Kask', email: 'kadri@example.ee' }, teamId: billing } });
    const a = await open(emma);
    const b = await open(ayse);
    a.send({ type: 'viewing', caseId: c.body.id });
    await new Promise((r) => setTimeout(r, 500));
    b.send({ type: 'viewing', caseId: c.body.id });
    // Emma learns Ayşe arrived; Ayşe learns Emma was already there.
    await a.waitFor((m) => m.type === 'presence' && (m.user as { id: string }).id === ayse.id && m.state === 'viewing');
    await b.waitFor((m) => m.type === 'presence' && (m.user as { id: string }).id === emma.id);
    b.send({ type: 'typing', caseId: c.body.id, typing: true });
    await a.waitFor((m) => m.type === 'presence' && m.state === 'typing');
    b.close();
    await a.waitFor((m) => m.type === 'presence' && m.state === 'left');

    // An agent of another team cannot watch the case (and so learns nothing about it).
    const m = await open(mart);
    m.send({ type: 'viewing', caseId: c.body.id });
    const err = await m.waitFor((msg) => msg.type === 'error');
    expect(err.code).toBe('not_found');
    m.send({ type: 'nonsense' });
    expect((await m.waitFor((msg) => msg.type === 'error' && msg.code === 'validation_failed')).code).toBe('validation_failed');
  });
});
