import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp, type TestUser } from '../../../test/harness.ts';
import { TestSocket } from '../../../test/ws-client.ts';
import { WidgetSocket } from '../../../test/widget-client.ts';
import { isSealed } from '../../platform/secrets/index.ts';
import { identitySignature } from './origins.ts';

const shop = 'https://shop.example.com';

describe('live chat widget', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  let teamId: string;
  let channel: { id: string; identitySecret: string; version: number };
  const sockets: Array<{ close(): void }> = [];

  /** A visitor's HTTP call from the widget frame (same origin as the server: no Origin header). */
  const widget = (method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}) =>
    t.api(method, `/api/v1/widget${path}`, { body, headers: { ...(token ? { 'x-widget-token': token } : {}), ...headers } });
  const session = async (extra: Record<string, unknown> = {}) => {
    const res = await widget('POST', '/sessions', undefined, { channelId: channel.id, host: shop, language: 'de', ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { token: string; visitor: { needsProfile: boolean; identified: boolean }; messages: Array<{ id: number; body: string; from: string }>; online: boolean };
  };
  const visitorWithCase = async (email: string, text: string) => {
    const s = await session();
    await widget('POST', '/profile', s.token, { name: 'Kadri Kask', email });
    const sent = await widget('POST', '/messages', s.token, { clientId: `first-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, body: text });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const c = await t.api('GET', `/api/v1/cases?channel=chat&requesterId=${await customerId(email)}`, { token: agent.token });
    return { token: s.token, caseId: c.body.items[0].id as string };
  };
  const customerId = async (email: string) => (await t.app.ctx.db.query<{ customer_id: string }>('select customer_id from customer_emails where email = $1', [email])).rows[0]!.customer_id;

  beforeAll(async () => {
    t = await startTestApp();
    teamId = await t.team('Technical Support');
    admin = await t.user('admin');
    agent = await t.user('agent', [teamId]);
    // Someone of the team is online: chats stay chats (offline → email is chat-email.test.ts).
    expect((await t.api('PUT', '/api/v1/routing/presence', { token: agent.token, body: { status: 'online' } })).status).toBe(200);
    const created = await t.api('POST', '/api/v1/chat/channels', {
      token: admin.token,
      body: { name: 'Website chat', teamId, languages: ['de', 'en'], greeting: { de: 'Hallo!' }, allowedOrigins: [shop, 'http://127.0.0.1:*'], maxUploadBytes: 2048 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    channel = created.body;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('opens a case on the chat channel for the team from the first message, and keeps the history for the same token', async () => {
    const s = await session();
    expect(s.visitor.needsProfile).toBe(true);
    const early = await widget('POST', '/messages', s.token, { clientId: 'msg-before-form', body: 'Hallo?' });
    expect(early.status).toBe(422);
    const profile = await widget('POST', '/profile', s.token, { name: 'Jürgen Weiß', email: 'Juergen.Weiss@example.com' });
    expect(profile.status, JSON.stringify(profile.body)).toBe(200);
    expect(profile.body.visitor.needsProfile).toBe(false);

    const agentSocket = await TestSocket.open(t.url, { authorization: `Bearer ${agent.token}` });
    sockets.push(agentSocket);
    const sent = await widget('POST', '/messages', s.token, { clientId: 'msg-laptop-1', body: 'Mein Laptop startet nicht mehr.' });
    expect(sent.status).toBe(201);
    const created = await agentSocket.waitFor((m) => m.event?.type === 'case.created');
    const c = created.event!.payload.case as { id: string; channel: string; team: { id: string }; requester: { email: string } };
    expect(c.channel).toBe('chat');
    expect(c.team.id).toBe(teamId);
    expect(c.requester.email).toBe('juergen.weiss@example.com');

    // The agent answers in the case (the ordinary reply); a reload of the widget shows both.
    const reply = await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: agent.token, body: { kind: 'message', body: 'Halten Sie bitte den Einschaltknopf 10 Sekunden gedrückt.' } });
    expect(reply.status).toBe(201);
    const again = await session({ token: s.token });
    expect(again.token).toBe(s.token);
    expect(again.messages.map((m) => [m.from, m.body])).toEqual([
      ['visitor', 'Mein Laptop startet nicht mehr.'],
      ['agent', 'Halten Sie bitte den Einschaltknopf 10 Sekunden gedrückt.'],
    ]);
    const state = await t.api('GET', `/api/v1/chat/cases/${c.id}`, { token: agent.token });
    expect(state.body).toMatchObject({ mode: 'chat', channel: { name: 'Website chat' }, visitor: { email: 'juergen.weiss@example.com' }, origin: shop });
  });

  it('stores a message once however often its client id is sent (HTTP, socket, at the same time)', async () => {
    const { token, caseId } = await visitorWithCase('liis.magi@example.org', 'Telefon ei lae');
    const body = { clientId: 'resend-me-42', body: 'Kas keegi on seal?' };
    const [a, b] = await Promise.all([widget('POST', '/messages', token, body), widget('POST', '/messages', token, body)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.duplicate, b.body.duplicate].sort()).toEqual([false, true]);
    expect(a.body.message.id).toBe(b.body.message.id);
    // After a reconnect the widget resends over the socket: acknowledged with the stored message.
    const ws = await WidgetSocket.open(t.url, token);
    sockets.push(ws);
    ws.send({ type: 'message', ...body });
    ws.send({ type: 'message', ...body });
    await waitFor(() => ws.messages.filter((m) => m.type === 'ack').length === 2, 5000, 'two acks');
    const acks = ws.messages.filter((m) => m.type === 'ack') as unknown as Array<{ message: { id: number } }>;
    expect(acks.every((m) => m.message.id === a.body.message.id)).toBe(true);
    const { rows } = await t.app.ctx.db.query<{ n: number }>(`select count(*)::int as n from case_entries where case_id = $1 and kind = 'message' and body = $2`, [caseId, body.body]);
    expect(rows[0]!.n).toBe(1);
  });

  it('refuses websites that are not among the allowed origins, at HTTP and at the socket', async () => {
    const evil = 'https://evil.example';
    const claimed = await widget('POST', '/sessions', undefined, { channelId: channel.id, host: evil });
    expect(claimed.status).toBe(403);
    expect(claimed.body.detail).toContain('https://evil.example');
    const direct = await widget('POST', '/sessions', undefined, { channelId: channel.id, host: shop }, { origin: evil });
    expect(direct.status).toBe(403);
    const s = await session();
    const fromEvil = await widget('GET', '/messages', s.token, undefined, { origin: evil });
    expect(fromEvil.status).toBe(403);
    const allowed = await widget('GET', '/messages', s.token, undefined, { origin: shop });
    expect(allowed.status).toBe(200);
    const ws = await WidgetSocket.open(t.url, s.token, { origin: evil, wait: false });
    expect(await ws.closed()).toBe(4403);
    // The frame may only be embedded by the allowed websites (the browser enforces it).
    const frame = await fetch(`${t.url}/widget/frame?channel=${channel.id}`);
    expect(frame.headers.get('content-security-policy')).toContain(`frame-ancestors ${shop} http://127.0.0.1:*`);
    // Removing a website ends the sessions opened on it.
    const { body: fresh } = await t.api('GET', '/api/v1/chat/channels', { token: admin.token });
    const cur = fresh.items.find((c: { id: string }) => c.id === channel.id);
    const patched = await t.api('PATCH', `/api/v1/chat/channels/${channel.id}`, { token: admin.token, headers: { 'if-match': `"${cur.version}"` }, body: { allowedOrigins: ['http://127.0.0.1:*'] } });
    expect(patched.status).toBe(200);
    expect((await widget('GET', '/messages', s.token)).status).toBe(403);
    await t.api('PATCH', `/api/v1/chat/channels/${channel.id}`, { token: admin.token, headers: { 'if-match': `"${patched.body.version}"` }, body: { allowedOrigins: [shop, 'http://127.0.0.1:*'] } });
  });

  it('recognises a signed-in customer by the signed user id, and refuses a forged signature', async () => {
    const forged = await widget('POST', '/sessions', undefined, { channelId: channel.id, host: shop, identity: { userId: 'cust-1001', signature: identitySignature('not-the-secret', 'cust-1001') } });
    expect(forged.status).toBe(403);
    expect(forged.body.detail).toMatch(/identity signature does not match/);
    // The secret is stored sealed (a dump does not give it away); admins see it, and the server verifies with it.
    const storedSecret = async () => (await t.app.ctx.db.query<{ identity_secret: string }>('select identity_secret from chat_channels where id = $1', [channel.id])).rows[0]!.identity_secret;
    const sealed = await storedSecret();
    expect(channel.identitySecret).toMatch(/^[0-9a-f]{64}$/);
    expect(isSealed(sealed) && !sealed.includes(channel.identitySecret)).toBe(true);
    const listed = (await t.api('GET', '/api/v1/chat/channels', { token: admin.token })).body.items.find((c: { id: string }) => c.id === channel.id);
    expect(listed.identitySecret).toBe(channel.identitySecret);
    const identity = { userId: 'cust-1001', signature: identitySignature(channel.identitySecret, 'cust-1001'), name: 'Tõnu Kuusk', email: 'tonu.kuusk@example.com' };
    // Tõnu wrote before by email: the chat joins his record.
    const earlier = await t.api('POST', '/api/v1/cases', { token: agent.token, body: { subject: 'Teler ei lülitu sisse', requester: { name: 'Tõnu Kuusk', email: 'tonu.kuusk@example.com' }, channel: 'email', teamId } });
    const s = await session({ identity });
    expect(s.visitor).toMatchObject({ identified: true, needsProfile: false });
    expect((await widget('POST', '/messages', s.token, { clientId: 'tonu-chat-1', body: 'Teler ei tööta endiselt' })).status).toBe(201);
    const cases = await t.api('GET', `/api/v1/cases?requesterId=${earlier.body.requester.id}`, { token: agent.token });
    expect(cases.body.items.map((c: { channel: string }) => c.channel).sort()).toEqual(['chat', 'email']);
    // Another device, same user id: the same conversation.
    const other = await session({ identity });
    expect(other.token).not.toBe(s.token);
    expect(other.messages.map((m) => m.body)).toEqual(['Teler ei tööta endiselt']);
    // After a rotation the old signature is refused.
    const rotated = await t.api('POST', `/api/v1/chat/channels/${channel.id}/rotate-secret`, { token: admin.token });
    expect((await widget('POST', '/sessions', undefined, { channelId: channel.id, host: shop, identity })).status).toBe(403);
    // The new secret is sealed too, and signs from now on.
    const resealed = await storedSecret();
    expect(rotated.body.identitySecret).not.toBe(channel.identitySecret);
    expect(isSealed(resealed) && resealed !== sealed && !resealed.includes(rotated.body.identitySecret)).toBe(true);
    const signedAnew = { ...identity, signature: identitySignature(rotated.body.identitySecret, 'cust-1001') };
    expect((await widget('POST', '/sessions', undefined, { channelId: channel.id, host: shop, identity: signedAnew })).status).toBe(200);
    channel = rotated.body;
  });

  it('refuses a file larger than the channel allows with a clear 413; a small one arrives on the case', async () => {
    const { token, caseId } = await visitorWithCase('katrin.sepp@example.org', 'Kõrvaklapid');
    const upload = (bytes: number, clientId: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes).fill(65)], { type: 'text/plain' }), 'log.txt');
      return fetch(`${t.url}/api/v1/widget/uploads?clientId=${clientId}`, { method: 'POST', headers: { 'x-widget-token': token }, body: form });
    };
    const big = await upload(4096, 'upload-big-1');
    expect(big.status).toBe(413);
    const problem = (await big.json()) as { detail: string; maxBytes: number };
    expect(problem.maxBytes).toBe(2048);
    expect(problem.detail).toMatch(/larger than the limit/);
    const small = await upload(100, 'upload-small-1');
    expect(small.status).toBe(201);
    const sent = (await small.json()) as { message: { attachments: Array<{ id: string; fileName: string }> } };
    expect(sent.message.attachments[0]!.fileName).toBe('log.txt');
    const timeline = await t.api('GET', `/api/v1/cases/${caseId}/timeline`, { token: agent.token });
    expect(timeline.body.items.some((e: { attachments: unknown[] }) => e.attachments.length === 1)).toBe(true);
    const file = await fetch(`${t.url}/api/v1/widget/files/${sent.message.attachments[0]!.id}`, { headers: { 'x-widget-token': token } });
    expect(file.status).toBe(200);
    expect((await file.text()).length).toBe(100);
  });

  it('never sends notes or activities to the visitor; replies, agent typing and read receipts arrive', async () => {
    const { token, caseId } = await visitorWithCase('triin.parn@example.com', 'Kohvimasin lekib');
    const agentSocket = await TestSocket.open(t.url, { authorization: `Bearer ${agent.token}` });
    sockets.push(agentSocket);
    const ws = await WidgetSocket.open(t.url, token);
    sockets.push(ws);
    await agentSocket.waitFor((m) => m.event?.type === 'chat.visitor' && m.event.payload.online === true && m.event.payload.caseId === caseId);

    const secret = 'INTERNAL: customer flagged for goodwill';
    await t.api('POST', `/api/v1/cases/${caseId}/entries`, { token: agent.token, body: { kind: 'note', body: secret } });
    agentSocket.send({ type: 'typing', caseId, typing: true });
    const typing = await ws.waitFor((m) => m.type === 'typing' && m.typing === true);
    expect(typing.name).toBe(agent.name);
    await t.api('POST', `/api/v1/cases/${caseId}/entries`, { token: agent.token, body: { kind: 'message', body: 'Palun keerake vesi kinni.' } });
    const pushed = await ws.waitFor((m) => m.type === 'message');
    expect((pushed.message as { body: string; from: string }).body).toBe('Palun keerake vesi kinni.');
    await new Promise((r) => setTimeout(r, 300));
    expect(JSON.stringify(ws.messages)).not.toContain('INTERNAL');
    const history = await widget('GET', '/messages', token);
    expect(JSON.stringify(history.body)).not.toContain('INTERNAL');

    // Visitor typing and reading reach the agent; the agent's reading reaches the visitor.
    ws.send({ type: 'typing', typing: true });
    await agentSocket.waitFor((m) => m.event?.type === 'chat.visitor' && m.event.payload.typing === true);
    const replyId = (pushed.message as { id: number }).id;
    ws.send({ type: 'read', upTo: replyId });
    await agentSocket.waitFor((m) => m.event?.type === 'chat.visitor' && m.event.payload.readUpTo === replyId);
    const read = await t.api('POST', `/api/v1/chat/cases/${caseId}/read`, { token: agent.token, body: { upTo: replyId } });
    expect(read.body.agentReadUpTo).toBe(replyId);
    await ws.waitFor((m) => m.type === 'read' && m.upTo === replyId);
    ws.close();
    await agentSocket.waitFor((m) => m.event?.type === 'chat.visitor' && m.event.payload.online === false && m.event.payload.caseId === caseId);
  });

  it('serves the loader as cacheable JavaScript and unknown widget paths as 404', async () => {
    const loader = await fetch(`${t.url}/widget.js`);
    expect(loader.headers.get('content-type')).toMatch(/javascript/);
    const missing = await fetch(`${t.url}/widget/nothing-here`);
    expect(missing.status).toBe(404);
    const config = await t.api('GET', '/api/v1/chat/channels', { token: agent.token });
    expect(config.status).toBe(403);
  });
});
