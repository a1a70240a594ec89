import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, waitFor, type TestApp, type TestUser } from '../../../test/harness.ts';
import { smtpSink } from '../../../test/smtp-sink.ts';
import { expectStatus, timelineOf, uniq } from '../../../test/factories.ts';
import { systemActor } from '../../platform/context.ts';
import { addActivity } from '../cases/index.ts';
import { customerWith, mailTo, signInByLink, type PortalClient } from './test-helpers.ts';

let t: TestApp;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let admin: TestUser;
let agent: TestUser;
let teamId: string;
let anna: PortalClient;
let annaEmail: string;
let bert: PortalClient;

beforeAll(async () => {
  sink = await smtpSink();
  t = await startTestApp({ PUBLIC_URL: 'https://help.example.com', SMTP_URL: sink.url, JOBS_POLL_MS: 100, PORTAL_ATTACHMENT_MAX_BYTES: 1024 });
  admin = await t.user('admin');
  teamId = await t.team('Support');
  agent = await t.user('agent', [teamId]);
  expectStatus(await t.api('PUT', '/api/v1/portal/admin/topics', { token: admin.token, body: { teamIds: [teamId] } }), 200);
  annaEmail = `anna.${uniq()}@example.com`;
  await customerWith(t, admin, 'Anna Berg', [annaEmail]);
  const bertEmail = `bert.${uniq()}@example.com`;
  await customerWith(t, admin, 'Bert Ohm', [bertEmail]);
  anna = await signInByLink(t, sink.received, annaEmail);
  bert = await signInByLink(t, sink.received, bertEmail);
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

async function openRequest(client: PortalClient, subject = `Printer ${uniq()}`) {
  const res = await client.call('POST', '/requests', { subject, body: 'The printer shows error E4.', teamId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; number: number; subject: string };
}

describe('my requests', () => {
  test('a new request is a portal case of the customer; only their own requests are listed', async () => {
    const mine = await openRequest(anna, 'Printer E4');
    const c = expectStatus(await t.api('GET', `/api/v1/cases/${mine.id}`, { token: agent.token }), 200).body;
    expect(c).toMatchObject({ channel: 'portal', requester: { name: 'Anna Berg' }, team: { id: teamId } });
    const [first] = await timelineOf(t, agent, mine.id);
    expect(first).toMatchObject({ kind: 'message', direction: 'inbound', body: 'The printer shows error E4.' });

    const annaList = (await anna.call('GET', '/requests')).body.items as Array<{ number: number }>;
    expect(annaList.map((r) => r.number)).toContain(mine.number);
    const bertList = (await bert.call('GET', '/requests')).body.items as Array<{ number: number }>;
    expect(bertList.map((r) => r.number)).not.toContain(mine.number);
  });

  test("another customer's request is not found — by number, by id, to write to or to solve", async () => {
    const mine = await openRequest(anna);
    for (const ref of [mine.number, mine.id]) {
      const res = await bert.call('GET', `/requests/${ref}`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(mine.subject);
    }
    expect((await bert.call('POST', `/requests/${mine.number}/messages`, { body: 'Mine now' })).status).toBe(404);
    expect((await bert.call('POST', `/requests/${mine.number}/solve`)).status).toBe(404);
    // An unknown number answers exactly the same.
    expect((await bert.call('GET', '/requests/99999999')).status).toBe(404);
  });

  test('notes, activities and changes never appear — not in the request, not on the socket', async () => {
    const mine = await openRequest(anna);
    const socket = new WebSocket(`${t.url.replace('http', 'ws')}/api/v1/portal/realtime`, { headers: { cookie: anna.cookie } });
    const pushed: Array<{ type: string; message?: { body: string } }> = [];
    socket.on('message', (raw) => pushed.push(JSON.parse(raw.toString())));
    const other = new WebSocket(`${t.url.replace('http', 'ws')}/api/v1/portal/realtime`, { headers: { cookie: bert.cookie } });
    const toBert: Array<{ type: string }> = [];
    other.on('message', (raw) => toBert.push(JSON.parse(raw.toString())));
    await waitFor(() => pushed.some((m) => m.type === 'hello') && toBert.some((m) => m.type === 'hello'), 5000, 'hello');

    expectStatus(await t.api('POST', `/api/v1/cases/${mine.id}/entries`, { token: agent.token, body: { kind: 'note', body: 'INTERNAL: customer owes us money' } }), 201);
    await t.app.ctx.db.transaction((tx) => addActivity(t.app.ctx, systemActor, tx, mine.id, { type: 'flows.step', summary: 'INTERNAL step', data: {} }));
    const cur = (await t.api('GET', `/api/v1/cases/${mine.id}`, { token: agent.token })).body;
    expectStatus(await t.api('PATCH', `/api/v1/cases/${mine.id}`, { token: agent.token, body: { tags: ['internal-tag'] }, headers: { 'if-match': `"${cur.version}"` } }), 200);
    expectStatus(await t.api('POST', `/api/v1/cases/${mine.id}/entries`, { token: agent.token, body: { kind: 'message', body: 'Please restart the printer.' } }), 201);

    await waitFor(() => pushed.some((m) => m.type === 'message' && m.message?.body === 'Please restart the printer.'), 5000, 'the reply pushed');
    const view = (await anna.call('GET', `/requests/${mine.number}`)).body;
    expect(view.messages.map((m: { body: string; author: { type: string; name: string } }) => [m.author.type, m.body])).toEqual([
      ['customer', 'The printer shows error E4.'],
      ['agent', 'Please restart the printer.'],
    ]);
    const everything = JSON.stringify(view) + JSON.stringify(pushed);
    expect(everything).not.toContain('INTERNAL');
    expect(everything).not.toContain('internal-tag');
    // Another customer's socket got nothing of it.
    expect(toBert.map((m) => m.type)).toEqual(['hello']);
    socket.close();
    other.close();
  });

  test("a portal reply is the requester's inbound portal message: it reopens the case and reaches the agent live", async () => {
    const mine = await openRequest(anna);
    const cur = (await t.api('GET', `/api/v1/cases/${mine.id}`, { token: agent.token })).body;
    expectStatus(await t.api('PATCH', `/api/v1/cases/${mine.id}`, { token: agent.token, body: { status: 'pending' }, headers: { 'if-match': `"${cur.version}"` } }), 200);

    const reply = await anna.call('POST', `/requests/${mine.number}/messages`, { body: 'Restarted, still E4.' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.author).toEqual({ type: 'customer', name: 'Anna Berg', isYou: true });
    const entries = await timelineOf(t, agent, mine.id);
    const last = entries.filter((e) => e.kind === 'message').at(-1)!;
    expect(last).toMatchObject({ direction: 'inbound', body: 'Restarted, still E4.', author: { type: 'customer' } });
    expect((last as unknown as { channel: string }).channel).toBe('portal');
    expect((await t.api('GET', `/api/v1/cases/${mine.id}`, { token: agent.token })).body.status).toBe('open');
  });

  test('the agent’s reply on a portal case reaches the customer by mail too, with a link to the request', async () => {
    const mine = await openRequest(anna, 'Invoice question');
    const before = sink.received.length;
    expectStatus(await t.api('POST', `/api/v1/cases/${mine.id}/entries`, { token: agent.token, body: { kind: 'message', body: 'The invoice is corrected.' } }), 201);
    const mail = await mailTo(sink.received, annaEmail, before, (m) => m.subject.includes(`#${mine.number}`));
    expect(mail.subject).toBe(`New reply to your request #${mine.number}: Invoice question`);
    expect(mail.text).toContain('The invoice is corrected.');
    expect(mail.text).toContain(`https://help.example.com/portal/requests/${mine.number}`);
  });

  test('the requester marks a request solved; the timeline says who did it', async () => {
    const mine = await openRequest(anna);
    const solved = await anna.call('POST', `/requests/${mine.number}/solve`);
    expect(solved.status).toBe(200);
    expect(solved.body).toMatchObject({ status: 'solved', canSolve: false, canReply: true });
    const entries = await timelineOf(t, agent, mine.id);
    expect(entries.some((e) => e.kind === 'activity' && e.body === 'Anna Berg marked the request as solved in the portal')).toBe(true);
    expect((await anna.call('POST', `/requests/${mine.number}/solve`)).status).toBe(422);
  });

  test('files: too large is refused, a sent file is downloadable by its customer only', async () => {
    const big = new FormData();
    big.set('file', new Blob([new Uint8Array(2048)], { type: 'application/pdf' }), 'big.pdf');
    const refused = await fetch(`${t.url}/api/v1/portal/uploads`, { method: 'POST', headers: { cookie: anna.cookie, 'x-csrf-token': anna.csrf }, body: big });
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { detail: string }).detail).toContain('larger than the limit of 1024 bytes');

    const small = new FormData();
    small.set('file', new Blob(['hello printer'], { type: 'text/plain' }), 'log.txt');
    const up = await fetch(`${t.url}/api/v1/portal/uploads`, { method: 'POST', headers: { cookie: anna.cookie, 'x-csrf-token': anna.csrf }, body: small });
    expect(up.status).toBe(201);
    const upload = (await up.json()) as { id: string };
    // Bert cannot send Anna's upload.
    const mineToo = await bert.call('POST', '/requests', { subject: 'x', body: 'y', teamId, uploadIds: [upload.id] });
    expect(mineToo.status).toBe(422);

    const mine = await openRequest(anna);
    const reply = await anna.call('POST', `/requests/${mine.number}/messages`, { body: 'Log attached', uploadIds: [upload.id] });
    expect(reply.status).toBe(201);
    const file = reply.body.attachments[0] as { id: string; fileName: string };
    expect(file.fileName).toBe('log.txt');
    const own = await fetch(`${t.url}/api/v1/portal/attachments/${file.id}`, { headers: { cookie: anna.cookie } });
    expect(own.status).toBe(200);
    expect(await own.text()).toBe('hello printer');
    expect((await fetch(`${t.url}/api/v1/portal/attachments/${file.id}`, { headers: { cookie: bert.cookie } })).status).toBe(404);
    // The agent sees it on the message.
    const entries = (await t.api('GET', `/api/v1/cases/${mine.id}/timeline`, { token: agent.token })).body.items as Array<{ attachments: Array<{ fileName: string }> }>;
    expect(entries.flatMap((e) => e.attachments.map((a) => a.fileName))).toContain('log.txt');
  });

  test("organization sharing: colleagues see each other's requests only where the organization allows it, and only read", async () => {
    const org = expectStatus(await t.api('POST', '/api/v1/organizations', { token: admin.token, body: { name: `Acme ${uniq()}` } }), 201).body as { id: string };
    const caraEmail = `cara.${uniq()}@acme.example`;
    const danEmail = `dan.${uniq()}@acme.example`;
    await customerWith(t, admin, 'Cara Acme', [caraEmail], [org.id]);
    await customerWith(t, admin, 'Dan Acme', [danEmail], [org.id]);
    const cara = await signInByLink(t, sink.received, caraEmail);
    const dan = await signInByLink(t, sink.received, danEmail);
    const hers = await openRequest(cara, 'Acme printer');

    expect((await dan.call('GET', `/requests/${hers.number}`)).status).toBe(404);
    expect((await dan.call('GET', '/requests?scope=organization')).body.items).toEqual([]);

    expectStatus(await t.api('PUT', `/api/v1/portal/admin/organizations/${org.id}`, { token: admin.token, body: { membersSeeRequests: true } }), 200);
    const shared = (await dan.call('GET', '/requests?scope=organization')).body.items as Array<{ number: number; requester: { name: string; isYou: boolean } }>;
    expect(shared.map((r) => r.number)).toEqual([hers.number]);
    expect(shared[0]!.requester).toEqual({ name: 'Cara Acme', isYou: false });
    const view = await dan.call('GET', `/requests/${hers.number}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ canReply: false, canSolve: false });
    expect((await dan.call('POST', `/requests/${hers.number}/messages`, { body: 'Me too' })).status).toBe(403);
    // Anna, outside the organization, still sees nothing of it.
    expect((await anna.call('GET', `/requests/${hers.number}`)).status).toBe(404);

    expectStatus(await t.api('PUT', `/api/v1/portal/admin/organizations/${org.id}`, { token: admin.token, body: { membersSeeRequests: false } }), 200);
    expect((await dan.call('GET', `/requests/${hers.number}`)).status).toBe(404);
  });

  test('the form offers only customer-visible fields of the topic, and accepts no others', async () => {
    const visible = expectStatus(await t.api('POST', '/api/v1/fields', { token: admin.token, body: { entity: 'case', key: `model_${uniq()}`, label: 'Printer model', type: 'text' } }), 201).body as { id: string; key: string };
    const hidden = expectStatus(await t.api('POST', '/api/v1/fields', { token: admin.token, body: { entity: 'case', key: `risk_${uniq()}`, label: 'Fraud risk', type: 'text' } }), 201).body as { id: string; key: string };
    expectStatus(await t.api('PUT', `/api/v1/teams/${teamId}/form`, { token: admin.token, body: { fields: [{ fieldId: visible.id, required: true }, { fieldId: hidden.id }] } }), 200);
    expectStatus(await t.api('PUT', '/api/v1/portal/admin/fields', { token: admin.token, body: { customerVisibleFieldIds: [visible.id] } }), 200);

    const form = (await anna.call('GET', '/form')).body;
    const topic = form.topics.find((x: { teamId: string }) => x.teamId === teamId);
    expect(topic.fields.map((f: { label: string; required: boolean }) => [f.label, f.required])).toEqual([['Printer model', true]]);
    expect(JSON.stringify(form)).not.toContain('Fraud risk');

    const missing = await anna.call('POST', '/requests', { subject: 'x', body: 'y', teamId });
    expect(missing.status).toBe(400);
    const sneaky = await anna.call('POST', '/requests', { subject: 'x', body: 'y', teamId, customFields: { [visible.key]: 'LX-200', [hidden.key]: 'low' } });
    expect(sneaky.status).toBe(400);
    const ok = await anna.call('POST', '/requests', { subject: 'x', body: 'y', teamId, customFields: { [visible.key]: 'LX-200' } });
    expect(ok.status).toBe(201);
    expect(ok.body.fields).toEqual([{ key: visible.key, label: 'Printer model', type: 'text', value: 'LX-200' }]);
    expectStatus(await t.api('PUT', `/api/v1/teams/${teamId}/form`, { token: admin.token, body: { fields: [] } }), 200);
  });
});
