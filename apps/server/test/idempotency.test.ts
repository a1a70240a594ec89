import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from './harness.ts';
import { countRows, expectStatus, uniq } from './factories.ts';

describe('idempotent creates', () => {
  let t: TestApp;
  let team: string;
  let agent: TestUser;
  let other: TestUser;

  const create = (user: TestUser, key: string, body: unknown) => t.api('POST', '/api/v1/cases', { token: user.token, body, headers: { 'idempotency-key': key } });
  const casesWith = (subject: string) => countRows(t, 'cases', 'subject = $1', [subject]);

  beforeAll(async () => {
    t = await startTestApp();
    team = await t.team('Retry team');
    agent = await t.user('agent', [team]);
    other = await t.user('agent', [team]);
  });
  afterAll(async () => t?.close());

  const body = (subject: string) => ({ subject, teamId: team, requester: { name: 'Retry', email: `retry.${uniq()}@example.com` }, message: { body: 'hello' } });

  it('replays the first response for a repeat with the same key and body', async () => {
    const key = `key-${uniq()}`;
    const b = body(`Once ${uniq()}`);
    const first = expectStatus(await create(agent, key, b), 201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const second = expectStatus(await create(agent, key, b), 201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.number).toBe(first.body.number);
    expect(await casesWith(b.subject)).toBe(1);
    expect(await countRows(t, 'case_entries', "case_id = $1 and kind = 'message'", [first.body.id])).toBe(1);
    expect(await countRows(t, 'customer_emails', 'email = $1', [b.requester.email])).toBe(1);
    // Without a key, the same body is a new case.
    expectStatus(await t.api('POST', '/api/v1/cases', { token: agent.token, body: b }), 201);
    expect(await casesWith(b.subject)).toBe(2);
  });

  it('refuses the same key with a different body with 422 idempotency_key_reused', async () => {
    const key = `key-${uniq()}`;
    const b = body(`Original ${uniq()}`);
    expectStatus(await create(agent, key, b), 201);
    const changed = { ...b, subject: `Changed ${uniq()}` };
    const res = expectStatus(await create(agent, key, changed), 422);
    expect(res.body.code).toBe('idempotency_key_reused');
    expect(await casesWith(changed.subject)).toBe(0);
    expect(await casesWith(b.subject)).toBe(1);
    // The same key on another create endpoint is a different request too.
    const elsewhere = expectStatus(await t.api('POST', '/api/v1/customers', { token: agent.token, body: { name: 'X' }, headers: { 'idempotency-key': key } }), 422);
    expect(elsewhere.body.code).toBe('idempotency_key_reused');
  });

  it('creates one case for ten concurrent requests with one key', async () => {
    const key = `key-${uniq()}`;
    const b = body(`Concurrent ${uniq()}`);
    const results = await Promise.all(Array.from({ length: 10 }, () => create(agent, key, b)));
    for (const r of results) expectStatus(r, 201);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.number)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(await casesWith(b.subject)).toBe(1);
    expect(await countRows(t, 'customer_emails', 'email = $1', [b.requester.email])).toBe(1);
  });

  it('concurrent creates (committed together on a server) each get their own case; an invalid one gets its own 400', async () => {
    const subjects = Array.from({ length: 12 }, (_, i) => `Burst ${i} ${uniq()}`);
    const results = await Promise.all(
      subjects.map((subject, i) =>
        create(agent, `burst-${uniq()}`, i === 5 ? { ...body(subject), assigneeId: '00000000-0000-4000-8000-000000000000' } : body(subject)),
      ),
    );
    results.forEach((r, i) => expectStatus(r, i === 5 ? 400 : 201));
    expect(results[5]!.body.errors).toEqual([expect.objectContaining({ field: 'body.assigneeId' })]);
    expect(new Set(results.filter((r) => r.status === 201).map((r) => r.body.number)).size).toBe(11);
    for (const [i, subject] of subjects.entries()) expect(await casesWith(subject)).toBe(i === 5 ? 0 : 1);
  });

  it('keeps keys per actor: another user with the same key creates their own case', async () => {
    const key = `shared-${uniq()}`;
    const subject = `Per actor ${uniq()}`;
    const b = { subject, teamId: team, requester: { name: 'Same', email: `same.${uniq()}@example.com` } };
    const mine = expectStatus(await create(agent, key, b), 201);
    const theirs = expectStatus(await create(other, key, b), 201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.requester.id).toBe(mine.body.requester.id); // same email: same customer
    expect(await casesWith(subject)).toBe(2);
    expect(expectStatus(await create(other, key, b), 201).body.id).toBe(theirs.body.id);
  });

  it('does not keep a key when the request failed, so a corrected retry works', async () => {
    const key = `key-${uniq()}`;
    const bad = { ...body(`Retry later ${uniq()}`), priority: 'whenever' };
    expectStatus(await create(agent, key, bad), 400);
    const failedInside = { ...body(`Retry later ${uniq()}`), assigneeId: '00000000-0000-4000-8000-000000000000' };
    expectStatus(await create(agent, key, failedInside), 400);
    const good = body(`Retry later ${uniq()}`);
    const ok = expectStatus(await create(agent, key, good), 201);
    expect(ok.headers.get('idempotent-replayed')).toBeNull();
    expect(await countRows(t, 'idempotency_keys', 'actor_id = $1 and key = $2', [agent.id, key])).toBe(1);
    const tooLong = expectStatus(await create(agent, 'k'.repeat(201), good), 400);
    expect(tooLong.body.errors).toEqual([{ field: 'header.idempotency-key', message: 'length 1 to 200' }]);
  });
});
