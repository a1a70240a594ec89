import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { countRows, defineField, expectStatus, fieldsOf, newCase, patchCase, timelineOf, uniq } from '../../../test/factories.ts';

describe('cases', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  let team: string;
  let otherTeam: string;

  const get = async (ref: string | number, user = agent) => expectStatus(await t.api('GET', `/api/v1/cases/${ref}`, { token: user.token }), 200).body;
  const post = (path: string, body: unknown, user = agent) => t.api('POST', path, { token: user.token, body });

  beforeAll(async () => {
    t = await startTestApp();
    team = await t.team('Billing');
    otherTeam = await t.team('Shipping');
    admin = await t.user('admin');
    agent = await t.user('agent', [team], { name: 'Alice Agent' });
  });
  afterAll(async () => t?.close());

  it('creates the requester inline, reuses them by email, and numbers cases sequentially', async () => {
    const email = `new.person.${uniq()}@example.com`;
    const before = await countRows(t, 'customers');
    const first = await newCase(t, agent, { subject: 'Invoice wrong', teamId: team, requester: { name: 'New Person', email } });
    expect(first.requester).toMatchObject({ name: 'New Person', email });
    expect(await countRows(t, 'customers')).toBe(before + 1);
    const second = await newCase(t, agent, { subject: 'Still wrong', teamId: team, requester: { name: 'N. Person', email: email.toUpperCase() } });
    expect(second.requester.id).toBe(first.requester.id);
    expect(await countRows(t, 'customers')).toBe(before + 1);
    const third = await newCase(t, agent, { teamId: team, requester: { name: 'Phone Only', phone: '+49 30 555 0001' } });
    const fourth = await newCase(t, agent, { teamId: team, requester: { name: 'Phone Again', phone: '030-555-0001' } });
    expect(fourth.requester.id).not.toBe(first.requester.id);
    expect(third.requester.id).not.toBe(first.requester.id);

    expect([second.number, third.number, fourth.number]).toEqual([first.number + 1, first.number + 2, first.number + 3]);
    expect(first.number).toBeGreaterThanOrEqual(1000);
    const byNumber = await get(first.number);
    const byId = await get(first.id);
    expect(byNumber).toEqual(byId);
    expect(byNumber.id).toBe(first.id);
    expectStatus(await t.api('GET', `/api/v1/cases/${first.number + 100000}`, { token: agent.token }), 404);
  });

  it('keeps an append-only, ordered timeline: first message, changes with their actor, notes, replies', async () => {
    const c = await newCase(t, agent, { teamId: team, message: { body: 'My invoice is wrong', direction: 'inbound' } });
    expectStatus(await patchCase(t, agent, c.id, { priority: 'high' }), 200);
    expectStatus(await post(`/api/v1/cases/${c.id}/entries`, { kind: 'note', body: 'Checked the ledger' }), 201);
    expectStatus(await post(`/api/v1/cases/${c.id}/entries`, { kind: 'message', body: 'We fixed it' }), 201);
    const items = await timelineOf(t, agent, c.id);
    expect(items.map((e) => [e.kind, e.direction, e.body])).toEqual([
      ['message', 'inbound', 'My invoice is wrong'],
      ['change', null, ''],
      ['change', null, ''],
      ['note', null, 'Checked the ledger'],
      ['message', 'outbound', 'We fixed it'],
      ['change', null, ''],
    ]);
    expect(items[0]!.author).toEqual({ type: 'customer', id: c.requester.id, name: 'Test Requester' });
    expect(items[1]!.changes).toEqual([{ field: 'status', from: null, to: 'new' }, { field: 'priority', from: null, to: 'normal' }, { field: 'team', from: null, to: team }]);
    expect(items[2]!.changes).toEqual([{ field: 'priority', from: 'normal', to: 'high' }]);
    expect(items[5]!.changes).toEqual([{ field: 'status', from: 'new', to: 'open' }]); // our first reply opens the case
    for (const e of items.slice(1)) expect(e.author).toMatchObject({ type: 'user', id: agent.id, name: 'Alice Agent' });
    const ids = items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const later = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}/timeline?after=${ids[2]}`, { token: agent.token }), 200).body.items;
    expect(later.map((e: { id: number }) => e.id)).toEqual(ids.slice(3));

    const db = t.app.ctx.db;
    await expect(db.query('update case_entries set body = $1 where case_id = $2', ['rewritten', c.id])).rejects.toThrow(/append-only/);
    await expect(db.query('delete from case_entries where case_id = $1', [c.id])).rejects.toThrow(/append-only/);
    await expect(db.transaction((tx) => tx.query('delete from case_entries where id = $1', [ids[0]]))).rejects.toThrow(/append-only/);
    expect(await timelineOf(t, agent, c.id)).toEqual(items);
  });

  it('guards updates with versions: If-Match works, stale is 412, missing is 428', async () => {
    const c = await newCase(t, agent, { teamId: team });
    const loaded = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}`, { token: agent.token }), 200);
    expect(loaded.headers.get('etag')).toBe('"1"');
    const ok = expectStatus(await t.api('PATCH', `/api/v1/cases/${c.id}`, { token: agent.token, headers: { 'if-match': '"1"' }, body: { priority: 'urgent' } }), 200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.body).toMatchObject({ priority: 'urgent', version: 2 });
    const weak = expectStatus(await t.api('PATCH', `/api/v1/cases/${c.number}`, { token: agent.token, headers: { 'if-match': 'W/"2"' }, body: { subject: 'Renamed' } }), 200);
    expect(weak.headers.get('etag')).toBe('"3"');

    const stale = expectStatus(await t.api('PATCH', `/api/v1/cases/${c.id}`, { token: agent.token, headers: { 'if-match': '"2"' }, body: { priority: 'low' } }), 412);
    expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: 3 });
    const staleBody = expectStatus(await t.api('PATCH', `/api/v1/cases/${c.id}`, { token: agent.token, body: { priority: 'low', version: 1 } }), 412);
    expect(staleBody.body.currentVersion).toBe(3);
    const missing = expectStatus(await t.api('PATCH', `/api/v1/cases/${c.id}`, { token: agent.token, body: { priority: 'low' } }), 428);
    expect(missing.body.code).toBe('precondition_required');
    expect(await get(c.id)).toMatchObject({ priority: 'urgent', subject: 'Renamed', version: 3 });
    expectStatus(await t.api('PATCH', `/api/v1/cases/${c.id}`, { token: agent.token, body: { priority: 'low', version: 3 } }), 200);
  });

  it('applies the status rules: a customer writing reopens, no way back to new, closed cases keep their record', async () => {
    const c = await newCase(t, agent, { teamId: team });
    const back = expectStatus(await patchCase(t, agent, c.id, { status: 'open' }), 200);
    expect(back.body.status).toBe('open');
    const toNew = expectStatus(await patchCase(t, agent, c.id, { status: 'new' }), 400);
    expect(fieldsOf(toNew)).toEqual(['body.status']);
    expectStatus(await patchCase(t, agent, c.id, { status: 'pending' }), 200);
    expectStatus(await post(`/api/v1/cases/${c.id}/entries`, { kind: 'note', body: 'internal' }), 201);
    expect((await get(c.id)).status).toBe('pending'); // a note changes nothing
    expectStatus(await post(`/api/v1/cases/${c.id}/entries`, { kind: 'message', direction: 'inbound', body: 'Any news?' }), 201);
    expect((await get(c.id)).status).toBe('open');
    expect((await timelineOf(t, agent, c.id)).at(-1)!.changes).toEqual([{ field: 'status', from: 'pending', to: 'open' }]);

    const closed = expectStatus(await patchCase(t, agent, c.id, { status: 'closed' }), 200).body;
    expect(closed.closedAt).not.toBeNull();
    const tagged = expectStatus(await patchCase(t, agent, c.id, { tags: ['archived'] }), 200).body;
    expect(tagged).toMatchObject({ status: 'closed', tags: ['archived'] });
    for (const change of [{ status: 'open' }, { priority: 'high' }, { tags: ['x'], subject: 'sneaky' }]) {
      expect(expectStatus(await patchCase(t, agent, c.id, change), 422).body.code).toBe('unprocessable');
    }
    expectStatus(await post(`/api/v1/cases/${c.id}/entries`, { kind: 'message', body: 'hello again' }), 422);
    expect(await get(c.id)).toMatchObject({ status: 'closed', priority: 'normal', tags: ['archived'], version: tagged.version });
  });

  it('validates typed custom fields, naming the field at fault', async () => {
    await defineField(t, admin, { entity: 'case', key: 'order_ref', label: 'Order', type: 'text' });
    await defineField(t, admin, { entity: 'case', key: 'amount', label: 'Amount', type: 'number' });
    await defineField(t, admin, { entity: 'case', key: 'due_on', label: 'Due', type: 'date' });
    await defineField(t, admin, { entity: 'case', key: 'product', label: 'Product', type: 'select', options: ['router', 'modem'] });
    await defineField(t, admin, { entity: 'case', key: 'vip', label: 'VIP', type: 'checkbox' });
    const good = { order_ref: 'A-1', amount: 12.5, due_on: '2026-02-28', product: 'modem', vip: false };
    const c = await newCase(t, agent, { teamId: team, customFields: good });
    expect(c.customFields).toEqual(good);

    const wrong: Array<[string, unknown]> = [
      ['order_ref', 12], ['amount', '12'], ['amount', true], ['due_on', '28.02.2026'], ['due_on', '2026-02-30'], ['due_on', '2026-04-31'], ['due_on', '2026-13-01'], ['due_on', '2026-00-10'],
      ['due_on', 20260228], ['product', 'toaster'], ['product', 1], ['vip', 'yes'], ['vip', 1], ['no_such_field', 'x'],
    ];
    for (const [key, value] of wrong) {
      const res = expectStatus(await post('/api/v1/cases', { subject: 'typed', requesterId: c.requester.id, customFields: { [key]: value } }), 400);
      expect(fieldsOf(res), `${key}=${JSON.stringify(value)}`).toEqual([`body.customFields.${key}`]);
      const upd = expectStatus(await patchCase(t, agent, c.id, { customFields: { [key]: value } }), 400);
      expect(fieldsOf(upd)).toEqual([`body.customFields.${key}`]);
    }
    const both = expectStatus(await post('/api/v1/cases', { subject: 'typed', requesterId: c.requester.id, customFields: { amount: 'x', vip: 'y' } }), 400);
    expect(fieldsOf(both).sort()).toEqual(['body.customFields.amount', 'body.customFields.vip']);
    expect(await get(c.id)).toMatchObject({ customFields: good, version: 1 });
    const cleared = expectStatus(await patchCase(t, agent, c.id, { customFields: { amount: null, due_on: '2024-02-29', vip: true } }), 200).body;
    expect(cleared.customFields).toEqual({ order_ref: 'A-1', due_on: '2024-02-29', product: 'modem', vip: true });
  });

  it("enforces a team form's required field on create", async () => {
    const field = await defineField(t, admin, { entity: 'case', key: 'contract_no', label: 'Contract', type: 'text' });
    expectStatus(await t.api('PUT', `/api/v1/teams/${otherTeam}/form`, { token: admin.token, body: { fields: [{ fieldId: field.id, required: true }] } }), 200);
    const shipper = await t.user('agent', [otherTeam]);
    const missing = expectStatus(await post('/api/v1/cases', { subject: 'No contract', teamId: otherTeam, requester: { name: 'X', email: `x.${uniq()}@example.com` } }, shipper), 400);
    expect(missing.body.errors).toEqual([{ field: 'body.customFields.contract_no', message: 'is required by the team form' }]);
    const ok = await newCase(t, shipper, { teamId: otherTeam, customFields: { contract_no: 'C-77' } });
    expect(ok.customFields).toEqual({ contract_no: 'C-77' });
    expectStatus(await patchCase(t, shipper, ok.id, { customFields: { contract_no: null } }), 400);
    await newCase(t, agent, { teamId: team }); // other teams' forms are not affected
  });

  it('maps a custom status onto its built-in category', async () => {
    const s = expectStatus(await post('/api/v1/statuses', { name: 'Waiting for parts', category: 'on_hold' }, admin), 201).body;
    expectStatus(await post('/api/v1/statuses', { name: 'Nope', category: 'open' }), 403);
    const c = await newCase(t, agent, { teamId: team });
    const held = expectStatus(await patchCase(t, agent, c.id, { customStatusId: s.id }), 200).body;
    expect(held).toMatchObject({ status: 'on_hold', customStatus: { id: s.id, name: 'Waiting for parts' } });
    const created = await newCase(t, agent, { teamId: team, customStatusId: s.id });
    expect(created).toMatchObject({ status: 'on_hold', customStatus: { id: s.id } });
    const reopened = expectStatus(await patchCase(t, agent, c.id, { status: 'open' }), 200).body;
    expect(reopened).toMatchObject({ status: 'open', customStatus: null });
  });

  it('merges two cases: the source closes and points to the target, whose timeline and tags combine both', async () => {
    const target = await newCase(t, agent, { teamId: team, tags: ['billing', 'refund'], message: { body: 'target says hi', direction: 'inbound' } });
    const source = await newCase(t, agent, { teamId: team, tags: ['refund', 'angry'], message: { body: 'source says hi', direction: 'inbound' } });
    const merged = expectStatus(await post(`/api/v1/cases/${target.id}/merge`, { sourceId: source.id }), 200).body;
    expect(merged.id).toBe(target.id);
    expect([...merged.tags].sort()).toEqual(['angry', 'billing', 'refund']);
    expect(await get(source.id)).toMatchObject({ status: 'closed', mergedIntoId: target.id });
    const entries = await timelineOf(t, agent, target.id);
    expect(entries.filter((e) => e.kind === 'message').map((e) => [e.caseId, e.body])).toEqual([
      [target.id, 'target says hi'],
      [source.id, 'source says hi'],
    ]);
    expect(entries.at(-2)!.changes).toEqual([{ field: 'mergedFrom', from: null, to: source.number }]);
    const again = expectStatus(await post(`/api/v1/cases/${target.id}/merge`, { sourceId: source.id }), 422);
    expect(again.body.detail).toMatch(/already merged/);
    expectStatus(await post(`/api/v1/cases/${target.id}/merge`, { sourceId: target.id }), 400);
    expectStatus(await post(`/api/v1/cases/${source.id}/entries`, { kind: 'note', body: 'late' }), 422);

    // Merging the target on again keeps the whole history together.
    const final = await newCase(t, agent, { teamId: team });
    expectStatus(await post(`/api/v1/cases/${final.id}/merge`, { sourceId: target.id }), 200);
    const all = await timelineOf(t, agent, final.id);
    expect(all.filter((e) => e.kind === 'message').map((e) => e.body)).toEqual(['target says hi', 'source says hi']);
    expect((await get(source.id)).mergedIntoId).toBe(final.id);
  });

  it('lets only one of two concurrent merges of the same case win', async () => {
    const [a, b, source] = [await newCase(t, agent, { teamId: team }), await newCase(t, agent, { teamId: team }), await newCase(t, agent, { teamId: team })];
    const results = await Promise.all([a, b].map((target) => post(`/api/v1/cases/${target.id}/merge`, { sourceId: source.id })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    const winner = results[0]!.status === 200 ? a : b;
    expect((await get(source.id)).mergedIntoId).toBe(winner.id);
    expect(await countRows(t, 'case_entries', "case_id = $1 and changes @> '[{\"field\":\"mergedInto\"}]'", [source.id])).toBe(1);
  });

  it('links and unlinks cases in both directions, recording each as a change entry', async () => {
    const a = await newCase(t, agent, { teamId: team });
    const b = await newCase(t, agent, { teamId: team });
    const links = async (c: { id: string }) => expectStatus(await t.api('GET', `/api/v1/cases/${c.id}/links`, { token: agent.token }), 200).body.items.map((x: { id: string }) => x.id);
    const changeFields = async (c: { id: string }) => (await timelineOf(t, agent, c.id)).filter((e) => e.kind === 'change').flatMap((e) => e.changes!).filter((ch) => ch.field.endsWith('linked'));
    expectStatus(await post(`/api/v1/cases/${a.id}/links`, { caseId: b.id }), 204);
    expectStatus(await post(`/api/v1/cases/${b.id}/links`, { caseId: a.id }), 204); // already linked: nothing new
    expect(await links(a)).toEqual([b.id]);
    expect(await links(b)).toEqual([a.id]);
    expect(await changeFields(a)).toEqual([{ field: 'linked', from: null, to: b.number }]);
    expect(await changeFields(b)).toEqual([{ field: 'linked', from: null, to: a.number }]);
    expectStatus(await post(`/api/v1/cases/${a.id}/links`, { caseId: a.id }), 400);

    expectStatus(await t.api('DELETE', `/api/v1/cases/${b.id}/links/${a.id}`, { token: agent.token }), 204);
    expect(await links(a)).toEqual([]);
    expect(await links(b)).toEqual([]);
    expect((await changeFields(a)).at(-1)).toEqual({ field: 'unlinked', from: null, to: b.number });
    expect((await changeFields(b)).at(-1)).toEqual({ field: 'unlinked', from: null, to: a.number });
  });

  it('opens a new case when someone takes it, and shows who recorded what a caller said', async () => {
    const c = await newCase(t, agent, { teamId: team, channel: 'phone' });
    expect(c.status).toBe('new');
    const taken = expectStatus(await patchCase(t, agent, c.id, { assigneeId: agent.id }), 200).body;
    expect(taken.status).toBe('open');
    expectStatus(await post(`/api/v1/cases/${c.id}/entries`, { kind: 'message', direction: 'inbound', body: 'Caller says the device still beeps.' }), 201);
    const last = (await timelineOf(t, agent, c.id)).filter((e) => e.kind === 'message').pop() as unknown as { author: { type: string }; recordedBy: { id: string; name: string } | null };
    expect(last.author.type).toBe('customer');
    expect(last.recordedBy).toEqual({ id: agent.id, name: 'Alice Agent' });
  });

  it('keeps every concurrent status change and note when entries race', async () => {
    const c = await newCase(t, agent, { teamId: team });
    expectStatus(await patchCase(t, agent, c.id, { status: 'pending' }), 200);
    const writes = Array.from({ length: 8 }, (_, i) => post(`/api/v1/cases/${c.id}/entries`, i % 2 ? { kind: 'note', body: `note ${i}` } : { kind: 'message', direction: 'inbound', body: `customer ${i}` }));
    for (const res of await Promise.all(writes)) expectStatus(res, 201);
    const entries = await timelineOf(t, agent, c.id);
    expect(entries.filter((e) => e.kind !== 'change')).toHaveLength(8);
    // The customer writing reopened the pending case exactly once.
    const reopened = entries.filter((e) => e.changes?.some((ch) => ch.field === 'status' && ch.from === 'pending' && ch.to === 'open'));
    expect(reopened).toHaveLength(1);
    expect((await get(c.id)).status).toBe('open');
  });

  it('bulk-updates all cases or none', async () => {
    const cases = [await newCase(t, agent, { teamId: team }), await newCase(t, agent, { teamId: team, tags: ['old'] }), await newCase(t, agent, { teamId: team })];
    const ids = cases.map((c) => c.id);
    const res = expectStatus(await post('/api/v1/cases/bulk', { caseIds: ids, changes: { assigneeId: agent.id, addTags: ['vip'] } }), 200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual(ids);
    for (const id of ids) {
      const c = await get(id);
      expect(c.assignee).toEqual({ id: agent.id, name: 'Alice Agent' });
      expect(c.tags).toContain('vip');
    }
    expect((await get(ids[1]!)).tags.sort()).toEqual(['old', 'vip']);

    const fresh = [await newCase(t, agent, { teamId: team }), await newCase(t, agent, { teamId: team })];
    const hidden = await newCase(t, admin, { teamId: otherTeam, customFields: { contract_no: 'C-1' } });
    const before = await Promise.all(fresh.map((c) => get(c.id)));
    const refused = expectStatus(await post('/api/v1/cases/bulk', { caseIds: [fresh[0]!.id, hidden.id, fresh[1]!.id], changes: { assigneeId: agent.id, addTags: ['vip'] } }), 404);
    expect(refused.body.code).toBe('not_found');
    expect(await Promise.all(fresh.map((c) => get(c.id)))).toEqual(before);
    expect(await get(hidden.id, admin)).toMatchObject({ assignee: null, tags: [], version: 1 });
  });
});
