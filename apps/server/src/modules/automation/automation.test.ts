import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp, type TestUser } from '../../../test/harness.ts';
import { countRows, expectStatus, newCase, patchCase, sqlRows, timelineOf } from '../../../test/factories.ts';
import { runTimeRules } from './run-time-rules.ts';
import { TRIGGER_FIRINGS_PER_CASE_PER_HOUR } from './run-triggers.ts';

/** A real SMTP server on loopback that keeps what it receives. */
async function smtpSink() {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        received.push(raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('automation rules', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  let support: string;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  const rules: string[] = [];

  const createRule = async (body: Record<string, unknown>) => {
    const res = expectStatus(await t.api('POST', '/api/v1/automation/rules', { token: admin.token, body }), 201);
    rules.push(res.body.id);
    return res.body as { id: string; version: number; name: string };
  };
  /** Waits until no automation job is queued or running: every event so far was handled. */
  const settled = () => waitFor(async () => (await countRows(t, 'jobs', `name like 'automation.%' and name <> 'automation.time_rules' and state <> 'dead'`)) === 0, 10_000, 'automation jobs');
  const disableAll = async () => {
    for (const id of rules.splice(0)) {
      const cur = await t.api('GET', `/api/v1/automation/rules/${id}`, { token: admin.token });
      expectStatus(await t.api('PATCH', `/api/v1/automation/rules/${id}`, { token: admin.token, body: { enabled: false, version: cur.body.version } }), 200);
    }
  };
  const notes = async (caseId: string) => (await timelineOf(t, admin, caseId)).filter((e) => e.kind === 'note');

  beforeAll(async () => {
    sink = await smtpSink();
    t = await startTestApp({ JOBS_POLL_MS: 100, SMTP_URL: sink.url });
    support = await t.team('Support');
    admin = await t.user('admin');
    agent = await t.user('agent', [support], { name: 'Emma Schmidt' });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('only admins manage rules', async () => {
    const res = await t.api('POST', '/api/v1/automation/rules', {
      token: agent.token,
      body: { name: 'x', kind: 'trigger', event: 'case.created', conditions: { match: 'all', items: [] }, actions: [{ type: 'add_tags', tags: ['x'] }] },
    });
    expect(res.status).toBe(403);
    expect((await t.api('GET', '/api/v1/automation/rules', { token: agent.token })).status).toBe(403);
    const bad = await t.api('POST', '/api/v1/automation/rules', {
      token: admin.token,
      body: { name: 'x', kind: 'trigger', conditions: { match: 'all', items: [] }, actions: [{ type: 'add_tags', tags: ['x'] }] },
    });
    expect(bad.status).toBe(400);
    const unknown = await t.api('POST', '/api/v1/automation/rules', {
      token: admin.token,
      body: { name: 'x', kind: 'time', conditions: { match: 'all', items: [] }, actions: [{ type: 'webhook', endpointId: '6f1c2b3a-0000-4000-8000-000000000000' }] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('body.actions.0.endpointId');
  });

  it('a trigger on a received message looks at what the customer wrote, not at our replies', async () => {
    await createRule({
      name: 'Urgent words',
      kind: 'trigger',
      event: 'message.received',
      conditions: { match: 'any', items: [{ field: 'case.body', op: 'contains_any', value: ['dringend', 'urgent'] }] },
      actions: [{ type: 'set_priority', priority: 'urgent' }],
    });
    const c = await newCase(t, agent, { teamId: support, subject: 'Question' });
    const write = (direction: string, body: string) =>
      t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: agent.token, body: { kind: 'message', direction, body } });
    expectStatus(await write('outbound', 'This is urgent for us too.'), 201);
    await settled();
    expect((await t.api('GET', `/api/v1/cases/${c.id}`, { token: agent.token })).body.priority).toBe('normal');
    expectStatus(await write('inbound', 'Bitte dringend antworten!'), 201);
    await settled();
    expect((await t.api('GET', `/api/v1/cases/${c.id}`, { token: agent.token })).body.priority).toBe('urgent');
    expect((await notes(c.id)).map((n) => n.body)).toEqual(['Automation: Urgent words — priority urgent']);
    await disableAll();
  });

  it('a trigger on case.created tags a matching case and writes one note, exactly once', async () => {
    await createRule({
      name: 'Tag refunds',
      kind: 'trigger',
      event: 'case.created',
      conditions: {
        match: 'all',
        items: [
          { field: 'case.subject', op: 'contains_any', value: ['refund', 'erstattung', 'iade'] },
          { field: 'case.priority', op: 'in', value: ['normal', 'high'] },
        ],
      },
      actions: [
        { type: 'add_tags', tags: ['refund'] },
        { type: 'set_priority', priority: 'high' },
        { type: 'add_note', body: 'Check the order before refunding.' },
      ],
    });
    const hit = await newCase(t, agent, { teamId: support, subject: 'Erstattung für Bestellung 4711', tags: ['web'] });
    const urgent = await newCase(t, agent, { teamId: support, subject: 'Refund now', priority: 'urgent' });
    const other = await newCase(t, agent, { teamId: support, subject: 'Where is my parcel?' });
    await settled();

    const after = expectStatus(await t.api('GET', `/api/v1/cases/${hit.id}`, { token: agent.token }), 200).body;
    expect(after.tags.sort()).toEqual(['refund', 'web']);
    expect(after.priority).toBe('high');
    const hitNotes = await notes(hit.id);
    expect(hitNotes).toHaveLength(1);
    expect(hitNotes[0]!.body).toMatch(/^Automation: Tag refunds — /);
    expect(hitNotes[0]!.body).toContain('Check the order before refunding.');
    expect(hitNotes[0]!.author.type).toBe('system');
    const changes = (await timelineOf(t, admin, hit.id)).filter((e) => e.kind === 'change');
    expect(changes.at(-1)!.changes!.map((c) => c.field).sort()).toEqual(['priority', 'tags']);

    for (const c of [urgent, other]) {
      expect((await t.api('GET', `/api/v1/cases/${c.id}`, { token: agent.token })).body.tags).not.toContain('refund');
      expect(await notes(c.id)).toHaveLength(0);
    }
    const listed = expectStatus(await t.api('GET', '/api/v1/automation/rules', { token: admin.token }), 200).body.items;
    expect(listed.find((r: { name: string }) => r.name === 'Tag refunds')).toMatchObject({ firedCount: 1 });
    await disableAll();
  });

  it('sends an email from the template in the customer’s language and records it on the timeline', async () => {
    const customer = expectStatus(
      await t.api('POST', '/api/v1/customers', { token: agent.token, body: { name: 'Jonas Weber', emails: ['jonas.weber@example.de'], preferredLanguage: 'de' } }),
      201,
    ).body;
    await createRule({
      name: 'Acknowledge',
      kind: 'trigger',
      event: 'case.created',
      conditions: { match: 'all', items: [{ field: 'case.channel', op: 'is', value: 'email' }] },
      actions: [
        {
          type: 'send_email',
          templates: {
            en: { subject: 'We got your request #{{case.number}}', body: 'Hello {{customer.name}}, about "{{case.subject}}".' },
            de: { subject: 'Ihre Anfrage #{{case.number}} ist da', body: 'Hallo {{customer.name}}, wir kümmern uns um „{{case.subject}}“.' },
          },
        },
      ],
    });
    const c = await newCase(t, agent, { requesterId: customer.id, channel: 'email', subject: 'Rechnung fehlt' });
    await settled();
    const raw = await waitFor(() => sink.received.find((m) => m.includes('jonas.weber@example.de')), 10_000, 'the email');
    expect(raw).toContain(`Subject: Ihre Anfrage #${c.number} ist da`);
    expect(raw).toMatch(/Auto-Submitted: auto-generated/i);
    const entries = await timelineOf(t, admin, c.id);
    const sent = entries.filter((e) => e.kind === 'message' && e.direction === 'outbound');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toBe('Hallo Jonas Weber, wir kümmern uns um „Rechnung fehlt“.');
    expect((await notes(c.id))[0]!.body).toContain('Automation: Acknowledge — emailed jonas.weber@example.de');
    await disableAll();
  });

  it('a time rule closes a solved case once, after N hours', async () => {
    const rule = await createRule({
      name: 'Close after solved',
      kind: 'time',
      conditions: {
        match: 'all',
        items: [
          { field: 'case.status', op: 'is', value: 'solved' },
          { field: 'case.hours_since_solved', op: 'gte', value: 96 },
        ],
      },
      actions: [{ type: 'set_status', status: 'closed' }],
    });
    const old = await newCase(t, agent, { teamId: support, subject: 'Old solved' });
    const fresh = await newCase(t, agent, { teamId: support, subject: 'Fresh solved' });
    for (const c of [old, fresh]) expectStatus(await patchCase(t, agent, c.id, { status: 'solved' }), 200);
    await t.app.ctx.db.query(`update cases set solved_at = now() - interval '97 hours', updated_at = now() - interval '97 hours' where id = $1`, [old.id]);
    await t.app.ctx.db.query(`update cases set solved_at = now() - interval '95 hours' where id = $1`, [fresh.id]);

    const dry = expectStatus(await t.api('POST', '/api/v1/automation/dry-run', { token: admin.token, body: { ruleId: rule.id } }), 200).body;
    expect(dry.items.map((i: { id: string }) => i.id)).toEqual([old.id]);

    expect(await t.app.ctx.db.transaction((tx) => runTimeRules(t.app.ctx, tx))).toBe(1);
    expect(await t.app.ctx.db.transaction((tx) => runTimeRules(t.app.ctx, tx))).toBe(0);
    expect((await t.api('GET', `/api/v1/cases/${old.id}`, { token: agent.token })).body.status).toBe('closed');
    expect((await t.api('GET', `/api/v1/cases/${fresh.id}`, { token: agent.token })).body.status).toBe('solved');
    const closedNotes = await notes(old.id);
    expect(closedNotes).toHaveLength(1);
    expect(closedNotes[0]!.body).toBe('Automation: Close after solved — status closed');
    expect(await countRows(t, 'automation_firings', 'rule_id = $1', [rule.id])).toBe(1);
    // After commit the recurring job would find nothing more to do either.
    const again = expectStatus(await t.api('POST', '/api/v1/automation/dry-run', { token: admin.token, body: { ruleId: rule.id } }), 200).body;
    expect(again.count).toBe(0);
    await disableAll();
  });

  it('a dry run lists the cases a rule would hit and changes nothing', async () => {
    const a = await newCase(t, agent, { teamId: support, subject: 'Dry iade please', priority: 'urgent' });
    const b = await newCase(t, agent, { teamId: support, subject: 'Dry iade later', priority: 'low' });
    await newCase(t, agent, { teamId: support, subject: 'Dry something else', priority: 'urgent' });
    await settled();
    const versions = await sqlRows<{ id: string; version: number }>(t, 'select id, version from cases order by id');
    const firings = await countRows(t, 'automation_firings');
    const body = {
      rule: {
        name: 'Unsaved',
        kind: 'trigger',
        event: 'case.updated',
        conditions: { match: 'all', items: [{ field: 'case.subject', op: 'contains', value: 'dry iade' }] },
        actions: [{ type: 'set_status', status: 'closed' }],
      },
    };
    const res = expectStatus(await t.api('POST', '/api/v1/automation/dry-run', { token: admin.token, body }), 200).body;
    expect(res.count).toBe(2);
    expect(res.items.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    const anyRes = expectStatus(
      await t.api('POST', '/api/v1/automation/dry-run', {
        token: admin.token,
        body: { rule: { ...body.rule, conditions: { match: 'any', items: [{ field: 'case.priority', op: 'is', value: 'urgent' }, { field: 'case.subject', op: 'contains', value: 'iade later' }] } } },
      }),
      200,
    ).body;
    expect(anyRes.items.map((i: { id: string }) => i.id)).toContain(b.id);
    expect(anyRes.items.map((i: { id: string }) => i.id)).toContain(a.id);
    expect(await sqlRows(t, 'select id, version from cases order by id')).toEqual(versions);
    expect(await countRows(t, 'automation_firings')).toBe(firings);
    expect((await t.api('POST', '/api/v1/automation/dry-run', { token: agent.token, body })).status).toBe(403);
  });

  it('rules that answer each other stop at the per-case cap; a rule skips events it caused itself', async () => {
    await createRule({
      name: 'Ping',
      kind: 'trigger',
      event: 'case.updated',
      conditions: { match: 'all', items: [{ field: 'case.tags', op: 'contains', value: 'ping' }] },
      actions: [
        { type: 'remove_tags', tags: ['ping'] },
        { type: 'add_tags', tags: ['pong'] },
      ],
    });
    await createRule({
      name: 'Pong',
      kind: 'trigger',
      event: 'case.updated',
      conditions: { match: 'all', items: [{ field: 'case.tags', op: 'contains', value: 'pong' }] },
      actions: [
        { type: 'remove_tags', tags: ['pong'] },
        { type: 'add_tags', tags: ['ping'] },
      ],
    });
    const c = await newCase(t, agent, { teamId: support, subject: 'Loop' });
    expectStatus(await patchCase(t, agent, c.id, { tags: ['ping'] }), 200);
    await settled();
    // Give a runaway loop time to show itself.
    await new Promise((r) => setTimeout(r, 300));
    await settled();
    expect(await countRows(t, 'automation_firings', 'case_id = $1', [c.id])).toBe(TRIGGER_FIRINGS_PER_CASE_PER_HOUR);
    const changes = (await timelineOf(t, admin, c.id)).filter((e) => e.kind === 'change');
    expect(changes.length).toBeLessThanOrEqual(TRIGGER_FIRINGS_PER_CASE_PER_HOUR + 2);
    // Each rule's own case.updated events are marked as its own, so it never saw them.
    const selfRuns = await sqlRows<{ n: number }>(
      t,
      `select count(*)::int as n from automation_caused_events ce join automation_firings f on f.rule_id = ce.rule_id and f.occurrence = 'event:' || ce.event_id`,
    );
    expect(selfRuns[0]!.n).toBe(0);
    await disableAll();
  });

  it('a rule does not run again on the change it made itself', async () => {
    await createRule({
      name: 'Note every change',
      kind: 'trigger',
      event: 'case.updated',
      conditions: { match: 'all', items: [] },
      actions: [
        { type: 'add_tags', tags: ['seen'] },
        { type: 'add_note', body: 'Someone changed this case.' },
      ],
    });
    const c = await newCase(t, agent, { teamId: support, subject: 'Self' });
    expectStatus(await patchCase(t, agent, c.id, { priority: 'high' }), 200);
    await settled();
    await new Promise((r) => setTimeout(r, 200));
    await settled();
    // Its own tag change is a case.updated too; running on it would add a second note.
    expect(await notes(c.id)).toHaveLength(1);
    expect((await t.api('GET', `/api/v1/cases/${c.id}`, { token: agent.token })).body.tags).toEqual(['seen']);
    await disableAll();
  });

  it('orders rules and checks versions', async () => {
    const one = await createRule({ name: 'One', kind: 'time', conditions: { match: 'all', items: [] }, actions: [{ type: 'add_tags', tags: ['one'] }], enabled: false });
    const two = await createRule({ name: 'Two', kind: 'time', conditions: { match: 'all', items: [] }, actions: [{ type: 'add_tags', tags: ['two'] }], enabled: false });
    const all = expectStatus(await t.api('GET', '/api/v1/automation/rules', { token: admin.token }), 200).body.items as Array<{ id: string }>;
    const ids = all.map((r) => r.id).filter((id) => id !== two.id);
    ids.splice(ids.indexOf(one.id), 0, two.id);
    const reordered = expectStatus(await t.api('PUT', '/api/v1/automation/rules/order', { token: admin.token, body: { ids } }), 200).body.items as Array<{ id: string }>;
    expect(reordered.map((r) => r.id)).toEqual(ids);
    expect((await t.api('PUT', '/api/v1/automation/rules/order', { token: admin.token, body: { ids: [one.id] } })).status).toBe(400);
    expect((await t.api('PATCH', `/api/v1/automation/rules/${one.id}`, { token: admin.token, body: { name: 'Stale', version: one.version + 5 } })).status).toBe(412);
    expectStatus(await t.api('DELETE', `/api/v1/automation/rules/${one.id}`, { token: admin.token }), 204);
  });
});
