import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from './harness.ts';
import { countRows, defineField, expectStatus, fieldsOf, newCase, uniq } from './factories.ts';

describe('bad input', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  let team: string;
  const seen: Array<{ what: string; status: number }> = [];

  /** Calls the API, records the status, and checks the answer is a complete problem+json. */
  const problem = async (what: string, status: number, method: string, path: string, options: Parameters<TestApp['api']>[2] = {}) => {
    const res = await t.api(method, path, { token: agent.token, ...options });
    seen.push({ what, status: res.status });
    expectStatus(res, status);
    expect(res.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
    expect(res.body, what).toMatchObject({ type: expect.stringMatching(/^urn:switchboard:problem:/), title: expect.any(String), status, detail: expect.any(String), code: expect.any(String) });
    expect(res.body.type).toBe(`urn:switchboard:problem:${res.body.code}`);
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: 2048 });
    team = await t.team('Intake');
    admin = await t.user('admin');
    agent = await t.user('agent', [team]);
  });
  afterAll(async () => t?.close());

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await problem('malformed', 400, 'POST', '/api/v1/cases', { raw: '{"subject": "x",', headers: { 'content-type': 'application/json' } });
    expect(res.body.code).toBe('malformed_request');
    const empty = await problem('empty', 400, 'POST', '/api/v1/cases', { raw: '', headers: { 'content-type': 'application/json' } });
    expect(empty.body.code).toBe('malformed_request');
    const nothing = await problem('null body', 400, 'POST', '/api/v1/cases', { raw: 'null', headers: { 'content-type': 'application/json' } });
    expect(fieldsOf(nothing)).toEqual(['body']);
    await problem('array body', 400, 'POST', '/api/v1/cases', { body: [] });
  });

  it('names the field with the wrong type, and unknown fields', async () => {
    const base = { subject: 'Typed', requester: { name: 'T', email: `t.${uniq()}@example.com` } };
    const wrong = await problem('priority', 400, 'POST', '/api/v1/cases', { body: { ...base, priority: 7 } });
    expect(wrong.body.code).toBe('validation_failed');
    expect(fieldsOf(wrong)).toEqual(['body.priority']);
    expect(fieldsOf(await problem('nested', 400, 'POST', '/api/v1/cases', { body: { ...base, requester: { name: 'T', email: 'not-an-email' } } }))).toEqual(['body.requester.email']);
    expect(fieldsOf(await problem('tags', 400, 'POST', '/api/v1/cases', { body: { ...base, tags: ['ok', 'not ok'] } }))).toEqual(['body.tags.1']);
    expect(fieldsOf(await problem('subject', 400, 'POST', '/api/v1/cases', { body: { ...base, subject: 42 } }))).toEqual(['body.subject']);
    const unknown = await problem('colour', 400, 'POST', '/api/v1/cases', { body: { ...base, colour: 'red' } });
    expect(unknown.body.errors).toEqual([{ field: 'body.colour', message: 'unknown field' }]);
    expect(fieldsOf(await problem('query type', 400, 'GET', '/api/v1/cases?limit=lots'))).toEqual(['query.limit']);
    expect(fieldsOf(await problem('query unknown', 400, 'GET', '/api/v1/cases?colour=red'))).toEqual(['query.colour']);
    expect(fieldsOf(await problem('bad status list', 400, 'GET', '/api/v1/cases?status=open,bogus'))).toEqual(['query.status.1']);
    expect(fieldsOf(await problem('cursor', 400, 'GET', '/api/v1/customers?cursor=eyJ4IjoxfQ'))).toEqual(['query.cursor']);
  });

  it('refuses a body larger than BODY_LIMIT_BYTES with 413', async () => {
    const res = await problem('oversized', 413, 'POST', '/api/v1/cases', { body: { subject: 'Big', requester: { name: 'B', email: 'big@example.com' }, message: { body: 'x'.repeat(4000) } } });
    expect(res.body.code).toBe('payload_too_large');
    expect(await countRows(t, 'cases', 'subject = $1', ['Big'])).toBe(0);
  });

  it('names params.id for an invalid id in the path, and 404s unknown routes', async () => {
    expect(fieldsOf(await problem('case id', 400, 'GET', '/api/v1/cases/not-a-uuid'))).toEqual(['params.id']);
    expect(fieldsOf(await problem('customer id', 400, 'GET', '/api/v1/customers/1234'))).toEqual(['params.id']);
    expect(fieldsOf(await problem('huge number', 400, 'GET', '/api/v1/cases/99999999999999999999'))).toEqual(['params.id']);
    expect(fieldsOf(await problem('patch id', 400, 'PATCH', '/api/v1/customers/nope', { body: { name: 'x', version: 1 } }))).toEqual(['params.id']);
    expect((await problem('unknown route', 404, 'GET', '/api/v1/nothing-here')).body.code).toBe('not_found');
    await problem('unknown case', 404, 'GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000');
  });

  it('refuses other content types with 415', async () => {
    const res = await problem('text/plain', 415, 'POST', '/api/v1/cases', { raw: 'subject=x', headers: { 'content-type': 'text/plain' } });
    expect(res.body.code).toBe('unsupported_media_type');
    await problem('form', 415, 'POST', '/api/v1/customers', { raw: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  });

  it('answers a stale version with 412 and a malformed If-Match with 400', async () => {
    const c = await newCase(t, agent, { teamId: team });
    expectStatus(await t.api('PATCH', `/api/v1/cases/${c.id}`, { token: agent.token, headers: { 'if-match': '"1"' }, body: { priority: 'high' } }), 200);
    const stale = await problem('stale', 412, 'PATCH', `/api/v1/cases/${c.id}`, { headers: { 'if-match': '"1"' }, body: { priority: 'low' } });
    expect(stale.body.currentVersion).toBe(2);
    expect(fieldsOf(await problem('if-match', 400, 'PATCH', `/api/v1/cases/${c.id}`, { headers: { 'if-match': 'yesterday' }, body: { priority: 'low' } }))).toEqual(['header.if-match']);
    await problem('428', 428, 'PATCH', `/api/v1/cases/${c.id}`, { body: { priority: 'low' } });
  });

  it('writes nothing when a create fails half-way: no customer is left from an inline requester', async () => {
    await defineField(t, admin, { entity: 'case', key: 'order_count', label: 'Orders', type: 'number' });
    const email = `half.way.${uniq()}@example.com`;
    const customers = await countRows(t, 'customers');
    const cases = await countRows(t, 'cases');
    const events = await countRows(t, 'events');
    const res = await problem('half-way', 400, 'POST', '/api/v1/cases', {
      body: { subject: 'Half', teamId: team, requester: { name: 'Half Way', email }, customFields: { order_count: 'three' } },
    });
    expect(fieldsOf(res)).toEqual(['body.customFields.order_count']);
    expect(await countRows(t, 'customers')).toBe(customers);
    expect(await countRows(t, 'customer_emails', 'email = $1', [email])).toBe(0);
    expect(await countRows(t, 'cases')).toBe(cases);
    expect(await countRows(t, 'events')).toBe(events);
    // An assignee the agent may not choose also fails after the requester was created: still nothing left.
    const outsider = await t.user('agent', [await t.team('Elsewhere')]);
    await problem('half-way assignee', 403, 'POST', '/api/v1/cases', { body: { subject: 'Half', teamId: team, assigneeId: outsider.id, requester: { name: 'Half Way', email } } });
    expect(await countRows(t, 'customers')).toBe(customers);
    // The same request, corrected, then works and creates the customer once.
    expectStatus(await t.api('POST', '/api/v1/cases', { token: agent.token, body: { subject: 'Half', teamId: team, requester: { name: 'Half Way', email }, customFields: { order_count: 3 } } }), 201);
    expect(await countRows(t, 'customers')).toBe(customers + 1);
  });

  it('answers text the database cannot store (NUL characters) with 400, not 500', async () => {
    const requester = { name: 'Nul', email: `nul.${uniq()}@example.com` };
    await problem('nul subject', 400, 'POST', '/api/v1/cases', { body: { subject: 'a\u0000b', requester } });
    await problem('nul custom field', 400, 'POST', '/api/v1/customers', { body: { name: 'Nul', customFields: { note_x: 'a\u0000' } } });
    await defineField(t, admin, { entity: 'customer', key: 'nickname', label: 'Nickname', type: 'text' });
    await problem('nul jsonb', 400, 'POST', '/api/v1/customers', { body: { name: 'Nul', customFields: { nickname: 'a\u0000' } } });
    await problem('nul search', 400, 'GET', `/api/v1/customers?q=${encodeURIComponent('a\u0000')}`);
    await problem('nul tag', 400, 'POST', '/api/v1/cases', { body: { subject: 'ok', requester, tags: ['a\u0000'] } });
    expect(await countRows(t, 'customers', 'name = $1', ['Nul'])).toBe(0);
  });

  it('never answered any of the above with a 500', () => {
    expect(seen.length).toBeGreaterThan(30);
    expect(seen.filter((s) => s.status >= 500)).toEqual([]);
  });
});
