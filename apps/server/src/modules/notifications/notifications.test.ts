import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { allPages, expectStatus, fieldsOf, newCase, patchCase } from '../../../test/factories.ts';
import { TestSocket } from '../../../test/ws-client.ts';
import { excerptOf } from './index.ts';

interface Notification {
  id: string;
  kind: string;
  case: { id: string; number: number; subject: string };
  actor: { id: string; name: string } | null;
  excerpt: string;
  read: boolean;
}

describe('notifications', () => {
  let t: TestApp;
  let billing: string;
  let emma: TestUser;
  let ayse: TestUser;
  let sam: TestUser;
  let admin: TestUser;
  const sockets: TestSocket[] = [];
  const open = async (u: TestUser) => {
    const s = await TestSocket.open(t.url, { authorization: `Bearer ${u.token}` });
    sockets.push(s);
    return s;
  };
  const inbox = async (u: TestUser, query = '') => expectStatus(await t.api('GET', `/api/v1/notifications${query}`, { token: u.token }), 200).body as { items: Notification[]; nextCursor: string | null; unreadCount: number };
  const markRead = (u: TestUser, body: unknown) => t.api('POST', '/api/v1/notifications/read', { token: u.token, body });

  beforeAll(async () => {
    t = await startTestApp();
    billing = await t.team('Billing');
    emma = await t.user('agent', [billing], { name: 'Emma Schmidt' });
    ayse = await t.user('agent', [billing], { name: 'Ayşe Yılmaz' });
    sam = await t.user('supervisor', [billing], { name: 'Sam Supervisor' });
    admin = await t.user('admin');
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('tells the new assignee, in the same transaction, and pushes it to them only', async () => {
    const emmaSocket = await open(emma);
    const ayseSocket = await open(ayse);
    const adminSocket = await open(admin);
    const c = await newCase(t, ayse, { teamId: billing, subject: 'Refund for order 4711' });
    expectStatus(await patchCase(t, sam, c.id, { assigneeId: emma.id }), 200);

    const pushed = await emmaSocket.waitFor((m) => m.event?.type === 'notification.created');
    const n = pushed.event!.payload as unknown as Notification;
    expect(n).toMatchObject({ kind: 'assigned', case: { id: c.id, number: c.number, subject: 'Refund for order 4711' }, actor: { id: sam.id, name: 'Sam Supervisor' }, excerpt: '', read: false });
    const list = await inbox(emma);
    expect(list.items[0]).toEqual(n);
    expect(list.unreadCount).toBe(1);
    // Ayşe sees the case change, but not Emma's notification; nor does the admin, who sees everything else.
    await ayseSocket.waitFor((m) => m.event?.type === 'case.updated');
    await adminSocket.waitFor((m) => m.event?.type === 'case.updated');
    await new Promise((r) => setTimeout(r, 200));
    expect(ayseSocket.events('notification.created')).toHaveLength(0);
    expect(adminSocket.events('notification.created')).toHaveLength(0);
    expect((await inbox(ayse)).items).toHaveLength(0);
    expect((await inbox(admin)).items).toHaveLength(0);
  });

  it('notifies on creation with an assignee and on bulk assignment, but never for taking a case yourself', async () => {
    const before = (await inbox(emma)).unreadCount;
    const created = await newCase(t, sam, { teamId: billing, assigneeId: emma.id, subject: 'Created for Emma' });
    const mine = await newCase(t, emma, { teamId: billing, assigneeId: emma.id });
    const taken = await newCase(t, ayse, { teamId: billing });
    expectStatus(await patchCase(t, emma, taken.id, { assigneeId: emma.id }), 200);
    const list = await inbox(emma);
    expect(list.unreadCount).toBe(before + 1);
    expect(list.items[0]).toMatchObject({ kind: 'assigned', case: { id: created.id }, actor: { id: sam.id } });
    expect(list.items.some((n) => n.case.id === mine.id || n.case.id === taken.id)).toBe(false);

    const a = await newCase(t, emma, { teamId: billing });
    const b = await newCase(t, emma, { teamId: billing });
    expectStatus(await t.api('POST', '/api/v1/cases/bulk', { token: emma.token, body: { caseIds: [a.id, b.id], changes: { assigneeId: ayse.id } } }), 200);
    const ayses = await inbox(ayse);
    expect(ayses.items.map((n) => n.case.id).sort()).toEqual([a.id, b.id].sort());
    expect(ayses.items.every((n) => n.kind === 'assigned' && n.actor?.id === emma.id)).toBe(true);
    // A bulk change that leaves the assignee as it is notifies no one.
    expectStatus(await t.api('POST', '/api/v1/cases/bulk', { token: ayse.token, body: { caseIds: [a.id], changes: { status: 'pending' } } }), 200);
    expect((await inbox(ayse)).items).toHaveLength(2);
  });

  it('tells the assignee when the customer writes, quoting the start of the message', async () => {
    const c = await newCase(t, sam, { teamId: billing, assigneeId: ayse.id, requester: { name: 'Jürgen Weber', email: 'juergen.weber@example.de' } });
    const long = `Guten Tag,\n\nich habe immer noch keine Gutschrift erhalten. ${'Bitte prüfen Sie das. '.repeat(10)}`;
    const socket = await open(ayse);
    // Emma logs the customer's call on Ayşe's case: Ayşe is told.
    const entry = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: emma.token, body: { kind: 'message', direction: 'inbound', channel: 'phone', body: long } }), 201);
    const pushed = await socket.waitFor((m) => m.event?.type === 'notification.created' && (m.event.payload as { kind: string }).kind === 'customer_replied');
    const n = pushed.event!.payload as unknown as Notification;
    expect(n.case.id).toBe(c.id);
    expect(n.actor).toEqual({ id: c.requester.id, name: 'Jürgen Weber' });
    expect(n.excerpt.length).toBeLessThanOrEqual(140);
    expect(n.excerpt).toMatch(/^Guten Tag, ich habe immer noch keine Gutschrift erhalten\. Bitte/);
    expect(n.excerpt.endsWith('…')).toBe(true);
    expect((await t.app.ctx.db.query<{ entry_id: number }>('select entry_id from notifications where id = $1', [n.id])).rows[0]!.entry_id).toBe(entry.body.id);

    // Ayşe logging the customer herself, our replies and notes: no notification.
    const count = (await inbox(ayse)).items.length;
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: ayse.token, body: { kind: 'message', direction: 'inbound', channel: 'phone', body: 'Called again' } }), 201);
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: emma.token, body: { kind: 'message', body: 'We are on it' } }), 201);
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: emma.token, body: { kind: 'note', body: 'Checked' } }), 201);
    expect((await inbox(ayse)).items).toHaveLength(count);
    // A customer writing on an unassigned case notifies no one.
    const unassigned = await newCase(t, emma, { teamId: billing });
    expectStatus(await t.api('POST', `/api/v1/cases/${unassigned.id}/entries`, { token: emma.token, body: { kind: 'message', direction: 'inbound', body: 'Hello?' } }), 201);
    expect(await t.app.ctx.db.query('select 1 from notifications where case_id = $1', [unassigned.id]).then((r) => r.rowCount)).toBe(0);
  });

  it('pages newest first, filters unread, and marks read by id or all at once — only your own', async () => {
    for (let i = 0; i < 3; i++) await newCase(t, sam, { teamId: billing, assigneeId: emma.id, subject: `Paged ${i}` });
    const all = await allPages<Notification>(t, emma, '/api/v1/notifications?limit=2');
    const first = await inbox(emma);
    expect(all.map((n) => n.id)).toEqual(first.items.map((n) => n.id));
    expect(all.slice(0, 3).map((n) => n.case.subject)).toEqual(['Paged 2', 'Paged 1', 'Paged 0']);
    expect(first.unreadCount).toBe(all.length);

    const someoneElses = (await inbox(ayse)).items[0]!.id;
    const read = expectStatus(await markRead(emma, { ids: [all[0]!.id, all[1]!.id, someoneElses] }), 200);
    expect(read.body).toEqual({ unreadCount: all.length - 2 });
    expect((await inbox(ayse)).items.find((n) => n.id === someoneElses)!.read).toBe(false);
    const unread = await inbox(emma, '?unread=true');
    expect(unread.items.map((n) => n.id)).toEqual(all.slice(2).map((n) => n.id));
    expect((await inbox(emma)).items.slice(0, 2).every((n) => n.read)).toBe(true);

    const socket = await open(emma);
    expect(expectStatus(await markRead(emma, { all: true }), 200).body).toEqual({ unreadCount: 0 });
    expect((await socket.waitFor((m) => m.event?.type === 'notification.read')).event!.payload).toEqual({ ids: null, unreadCount: 0 });
    expect((await inbox(emma, '?unread=true')).items).toHaveLength(0);

    expect(fieldsOf(expectStatus(await markRead(emma, {}), 400))).toEqual(['body.ids']);
    expectStatus(await markRead(emma, { ids: ['1'], all: true }), 400);
    expect(fieldsOf(expectStatus(await markRead(emma, { ids: ['abc'] }), 400))).toEqual(['body.ids.0']);
    expect(fieldsOf(expectStatus(await t.api('GET', '/api/v1/notifications?cursor=nonsense', { token: emma.token }), 400))).toEqual(['query.cursor']);
  });

  it('shortens excerpts at a word boundary', () => {
    expect(excerptOf('  Short\n message ')).toBe('Short message');
    const cut = excerptOf('word '.repeat(60));
    expect(cut.length).toBeLessThanOrEqual(140);
    expect(cut).toMatch(/word…$/);
    expect(excerptOf('x'.repeat(300))).toHaveLength(140);
  });
});
