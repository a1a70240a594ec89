import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { defineField, expectStatus, newCase, uniq } from '../../../test/factories.ts';
import { testTree } from './test-tree.ts';

let t: TestApp;
let supervisor: TestUser;
let agent: TestUser;
let outsider: TestUser;
let admin: TestUser;
let support: string;
let network: string;

beforeAll(async () => {
  t = await startTestApp();
  support = await t.team('Support');
  network = await t.team('Network');
  supervisor = await t.user('supervisor', [support]);
  agent = await t.user('agent', [support]);
  outsider = await t.user('agent', []);
  admin = await t.user('admin', []);
});
afterAll(async () => t?.close());

async function publishedFlow(tags: string[] = ['internet'], escalateTo = network) {
  const created = expectStatus(
    await t.api('POST', '/api/v1/flows', { token: supervisor.token, body: { slug: `router-${uniq()}`, title: testTree(escalateTo).title, teamId: support, tags, public: true, draft: testTree(escalateTo) } }),
    201,
  ).body;
  return expectStatus(await t.api('POST', `/api/v1/flows/${created.id}/publish`, { token: supervisor.token, body: {}, headers: { 'if-match': `"${created.version}"` } }), 200).body;
}

const activities = async (caseId: string) =>
  (expectStatus(await t.api('GET', `/api/v1/cases/${caseId}/timeline`, { token: agent.token }), 200).body.items as Array<{ kind: string; body: string; activity: { type: string; data: Record<string, any> } | null }>).filter(
    (e) => e.kind === 'activity' && e.activity!.type.startsWith('flows.'),
  );

const answer = (runId: string, stepId: string, ans: string, user = agent) => t.api('POST', `/api/v1/flow-runs/${runId}/answer`, { token: user.token, body: { stepId, answer: ans } });

describe('editing and publishing', () => {
  it('shows the validation of the draft, refuses to publish a tree with dead ends and publishes a complete one', async () => {
    const created = expectStatus(await t.api('POST', '/api/v1/flows', { token: supervisor.token, body: { slug: `new-${uniq()}`, title: { en: 'Printer jams' } } }), 201).body;
    expect(created.publishedVersion).toBeNull();
    expect(created.issues.map((i: any) => i.code)).toEqual(expect.arrayContaining(['missing_text', 'no_answers']));
    const broken = testTree(network);
    broken.steps[0] = { ...broken.steps[0]!, answers: [{ id: 'on', label: { en: 'Yes' }, next: null }] } as never;
    const saved = expectStatus(await t.api('PATCH', `/api/v1/flows/${created.id}`, { token: supervisor.token, body: { draft: broken }, headers: { 'if-match': `"${created.version}"` } }), 200).body;
    expect(saved.issues.find((i: any) => i.code === 'dead_end')).toMatchObject({ stepId: 'lights', params: { answer: 'on' } });
    expect(saved.issues.filter((i: any) => i.code === 'unreachable').map((i: any) => i.stepId).sort()).toEqual(['escalate', 'fixed', 'refund', 'restart', 'visit', 'works']);
    const refused = await t.api('POST', `/api/v1/flows/${created.id}/publish`, { token: supervisor.token, body: { version: saved.version } });
    expectStatus(refused, 422);
    expect(refused.body.detail).toMatch(/leads nowhere/);
    expect(refused.body.issues.some((i: any) => i.code === 'dead_end')).toBe(true);

    const fixed = expectStatus(await t.api('PATCH', `/api/v1/flows/${created.id}`, { token: supervisor.token, body: { draft: testTree(network), version: saved.version } }), 200).body;
    expect(fixed.issues.filter((i: any) => i.severity === 'error')).toEqual([]);
    const published = expectStatus(await t.api('POST', `/api/v1/flows/${created.id}/publish`, { token: supervisor.token, body: { version: fixed.version } }), 200).body;
    expect(published.publishedVersion).toBe(1);
    expect(published.unpublishedChanges).toBe(false);
    expect(published.versions.map((v: any) => [v.version, v.publishedBy?.name])).toEqual([[1, supervisor.name]]);
    // The same draft again: nothing to publish.
    expectStatus(await t.api('POST', `/api/v1/flows/${created.id}/publish`, { token: supervisor.token, body: { version: published.version } }), 422);
  });

  it('checks an unsaved tree, and refuses an escalation to a team that does not exist', async () => {
    const tree = testTree('00000000-0000-4000-8000-000000000000');
    const res = expectStatus(await t.api('POST', '/api/v1/flows/validate', { token: supervisor.token, body: { draft: tree } }), 200);
    expect(res.body.issues.map((i: any) => `${i.code}:${i.stepId}`)).toContain('unknown_team:escalate');
  });

  it('lets only supervisors and admins edit, publish and see analytics', async () => {
    expectStatus(await t.api('GET', '/api/v1/flows', { token: agent.token }), 403);
    expectStatus(await t.api('POST', '/api/v1/flows', { token: agent.token, body: { slug: `x-${uniq()}`, title: { en: 'X' } } }), 403);
    const flow = await publishedFlow();
    expectStatus(await t.api('GET', `/api/v1/flows/${flow.id}/analytics`, { token: agent.token }), 403);
    expectStatus(await t.api('POST', `/api/v1/flows/${flow.id}/publish`, { token: agent.token, body: { version: flow.version } }), 403);
  });
});

describe('running a flow on a case', () => {
  it('suggests the flow by tag and team, documents every step and answer on the timeline, and going back too', async () => {
    const flow = await publishedFlow([`internet-${uniq()}`]);
    const c = await newCase(t, agent, { teamId: support, tags: flow.tags });
    const panel = expectStatus(await t.api('GET', `/api/v1/cases/${c.number}/flows`, { token: agent.token }), 200).body;
    const suggestion = panel.suggested.find((s: any) => s.flow.id === flow.id);
    expect(suggestion.reasons).toEqual([
      { kind: 'tag', tag: flow.tags[0] },
      { kind: 'team', team: 'Support' },
    ]);
    expect(panel.active).toBeNull();

    const run = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/flow-runs`, { token: agent.token, body: { flowId: flow.id, language: 'de' } }), 201).body;
    expect(run.current).toMatchObject({ id: 'lights', type: 'question', text: 'Leuchten die Lämpchen am Router?' });
    expect(run.current.options.map((o: any) => o.label)).toEqual(['Ja, sie leuchten', 'Nein, alles dunkel', 'The customer wants the money back']);
    // A second run on the same case waits until this one ends.
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/flow-runs`, { token: agent.token, body: { flowId: flow.id } }), 409);

    let r = expectStatus(await answer(run.id, 'lights', 'on'), 200).body;
    expect(r.current).toMatchObject({ id: 'restart', type: 'instruction', options: [{ id: 'done', label: 'Erledigt' }] });
    // A double click answers the old step again: refused, nothing written.
    expectStatus(await answer(run.id, 'lights', 'on'), 409);
    r = expectStatus(await answer(run.id, 'restart', 'done'), 200).body;
    expect(r.current).toMatchObject({ id: 'works', type: 'check', expected: 'The page loads.', options: [{ id: 'pass' }, { id: 'fail' }] });
    r = expectStatus(await t.api('POST', `/api/v1/flow-runs/${run.id}/back`, { token: agent.token, body: { stepId: 'works' } }), 200).body;
    expect(r.current.id).toBe('restart');
    expect(r.path.map((p: any) => `${p.stepId}=${p.answer}`)).toEqual(['lights=on']);
    r = expectStatus(await answer(run.id, 'restart', 'done'), 200).body;
    r = expectStatus(await answer(run.id, 'works', 'pass'), 200).body;
    expect(r.current).toMatchObject({ id: 'fixed', type: 'outcome', outcome: { kind: 'resolved', status: 'solved' } });

    const done = expectStatus(await t.api('POST', `/api/v1/flow-runs/${run.id}/finish`, { token: agent.token, body: { stepId: 'fixed' } }), 200).body;
    expect(done).toMatchObject({ status: 'completed', outcome: { stepId: 'fixed', kind: 'resolved' } });

    const entries = await activities(c.id);
    expect(entries.map((e) => e.activity!.type)).toEqual(['flows.started', 'flows.step', 'flows.step', 'flows.back', 'flows.step', 'flows.step', 'flows.outcome']);
    expect(entries.map((e) => e.body)).toEqual([
      'Router ohne Internet (v1)',
      'Leuchten die Lämpchen am Router? → Ja, sie leuchten',
      'Unplug the router for 30 seconds, then plug it in again. → Erledigt',
      '↩ Unplug the router for 30 seconds, then plug it in again. (Erledigt)',
      'Unplug the router for 30 seconds, then plug it in again. → Erledigt',
      'Open a web page. → Ja, wie erwartet',
      'Gelöst: Internet works again.',
    ]);
    expect(entries[5]!.activity!.data).toMatchObject({ stepType: 'check', expected: 'The page loads.', answer: 'pass', version: 1, runId: run.id });
    expect(entries[6]!.activity!.data).toMatchObject({ kind: 'resolved', status: 'solved', tagsAdded: ['fixed-by-flow'] });

    // The outcome's action: solved and tagged, through the cases module (a change entry says so).
    const after = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}`, { token: agent.token }), 200).body;
    expect(after.status).toBe('solved');
    expect(after.tags).toEqual([...flow.tags, 'fixed-by-flow']);
    const panelAfter = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}/flows`, { token: agent.token }), 200).body;
    expect(panelAfter.active).toBeNull();
    expect(panelAfter.recent[0]).toMatchObject({ id: run.id, status: 'completed', outcomeKind: 'resolved' });
  });

  it('keeps a run on the version it started with when v2 is published mid-run; new runs take v2', async () => {
    const flow = await publishedFlow();
    const c = await newCase(t, agent, { teamId: support });
    const run = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/flow-runs`, { token: agent.token, body: { flowId: flow.id, language: 'en' } }), 201).body;
    expectStatus(await answer(run.id, 'lights', 'on'), 200);

    // v2 renames the restart step and drops the refund branch.
    const v2 = testTree(network, { restartText: 'Hold the reset button for 10 seconds.' });
    v2.steps[0] = { ...v2.steps[0]!, answers: (v2.steps[0] as any).answers.slice(0, 2) } as never;
    v2.steps = v2.steps.filter((s) => s.id !== 'refund');
    const saved = expectStatus(await t.api('PATCH', `/api/v1/flows/${flow.id}`, { token: supervisor.token, body: { draft: v2, version: flow.version } }), 200).body;
    expect(saved.unpublishedChanges).toBe(true);
    const published = expectStatus(await t.api('POST', `/api/v1/flows/${flow.id}/publish`, { token: supervisor.token, body: { version: saved.version } }), 200).body;
    expect(published.publishedVersion).toBe(2);

    const mid = expectStatus(await t.api('GET', `/api/v1/flow-runs/${run.id}`, { token: agent.token }), 200).body;
    expect(mid).toMatchObject({ version: 1, latestVersion: 2, current: { id: 'restart', text: 'Unplug the router for 30 seconds, then plug it in again.' } });
    const next = expectStatus(await answer(run.id, 'restart', 'done'), 200).body;
    expect(next.version).toBe(1);
    const step = (await activities(c.id)).at(-1)!;
    expect(step.activity!.data).toMatchObject({ version: 1, stepId: 'restart', text: 'Unplug the router for 30 seconds, then plug it in again.' });

    // The old version's branches still work for the old run: back, then the refund branch v2 dropped.
    expectStatus(await t.api('POST', `/api/v1/flow-runs/${run.id}/back`, { token: agent.token, body: { stepId: 'works' } }), 200);
    expectStatus(await t.api('POST', `/api/v1/flow-runs/${run.id}/back`, { token: agent.token, body: { stepId: 'restart' } }), 200);
    expect(expectStatus(await answer(run.id, 'lights', 'give-up'), 200).body.current.id).toBe('refund');
    expectStatus(await t.api('POST', `/api/v1/flow-runs/${run.id}/abandon`, { token: agent.token }), 200);

    const c2 = await newCase(t, agent, { teamId: support });
    const run2 = expectStatus(await t.api('POST', `/api/v1/cases/${c2.id}/flow-runs`, { token: agent.token, body: { flowId: flow.id, language: 'en' } }), 201).body;
    expect(run2.version).toBe(2);
    expect(run2.current.options.map((o: any) => o.id)).toEqual(['on', 'off']);
    expect(expectStatus(await answer(run2.id, 'lights', 'on'), 200).body.current.text).toBe('Hold the reset button for 10 seconds.');
  });

  it('applies outcome actions: escalation transfers to the team without an assignee, appointments need the wished time, refunds tag', async () => {
    const flow = await publishedFlow();
    const c = await newCase(t, agent, { teamId: support, assigneeId: agent.id });
    const run = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/flow-runs`, { token: agent.token, body: { flowId: flow.id, language: 'en' } }), 201).body;
    await answer(run.id, 'lights', 'on');
    await answer(run.id, 'restart', 'done');
    const atOutcome = expectStatus(await answer(run.id, 'works', 'fail'), 200).body;
    expect(atOutcome.current.outcome).toMatchObject({ kind: 'escalate', team: { id: network, name: 'Network' } });
    expectStatus(await t.api('POST', `/api/v1/flow-runs/${run.id}/finish`, { token: agent.token, body: { stepId: 'escalate', note: 'Customer already rebooted twice' } }), 200);
    const moved = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}`, { token: admin.token }), 200).body;
    expect(moved).toMatchObject({ team: { id: network }, assignee: null, tags: ['line-fault'] });
    // The agent is not in Network: the case left their sight, the documentation is on it.
    expectStatus(await t.api('GET', `/api/v1/cases/${c.id}`, { token: agent.token }), 404);
    const outcome = (await t.api('GET', `/api/v1/cases/${c.id}/timeline`, { token: admin.token })).body.items.find((e: any) => e.activity?.type === 'flows.outcome');
    expect(outcome.activity.data).toMatchObject({ kind: 'escalate', team: { id: network, name: 'Network' }, note: 'Customer already rebooted twice', status: null });

    const c2 = await newCase(t, agent, { teamId: support });
    const run2 = expectStatus(await t.api('POST', `/api/v1/cases/${c2.id}/flow-runs`, { token: agent.token, body: { flowId: flow.id, language: 'en' } }), 201).body;
    await answer(run2.id, 'lights', 'off');
    const noTime = await t.api('POST', `/api/v1/flow-runs/${run2.id}/finish`, { token: agent.token, body: { stepId: 'visit' } });
    expectStatus(noTime, 400);
    expect(noTime.body.errors[0].field).toBe('body.appointment.wishedAt');
    expectStatus(await t.api('POST', `/api/v1/flow-runs/${run2.id}/finish`, { token: agent.token, body: { stepId: 'visit', appointment: { wishedAt: '2026-12-20T09:30:00+01:00', note: 'Mornings only' } } }), 200);
    const c2After = expectStatus(await t.api('GET', `/api/v1/cases/${c2.id}`, { token: agent.token }), 200).body;
    expect(c2After.tags).toEqual(['appointment']);
    const appt = (await activities(c2.id)).at(-1)!;
    expect(appt.activity!.data).toMatchObject({ kind: 'appointment', appointment: { wishedAt: '2026-12-20T09:30:00+01:00', note: 'Mornings only' }, tagsAdded: ['appointment'] });

    const c3 = await newCase(t, agent, { teamId: support });
    const run3 = expectStatus(await t.api('POST', `/api/v1/cases/${c3.id}/flow-runs`, { token: agent.token, body: { flowId: flow.id } }), 201).body;
    await answer(run3.id, 'lights', 'give-up');
    expectStatus(await t.api('POST', `/api/v1/flow-runs/${run3.id}/finish`, { token: agent.token, body: { stepId: 'refund' } }), 200);
    expect(expectStatus(await t.api('GET', `/api/v1/cases/${c3.id}`, { token: agent.token }), 200).body).toMatchObject({ status: 'new', tags: ['refund-request', 'router'] });
    // A finished run takes no more answers.
    expectStatus(await answer(run3.id, 'refund', 'done'), 409);
  });

  it('refuses a transfer to a team whose form needs fields the case lacks, naming them, with nothing applied; applies all with the values', async () => {
    const lines = await t.team(`Lines ${uniq()}`);
    const lineKey = `line_${uniq()}`;
    const accessKey = `access_${uniq()}`;
    const line = await defineField(t, admin, { entity: 'case', key: lineKey, label: 'Line ID', type: 'text' });
    const access = await defineField(t, admin, { entity: 'case', key: accessKey, label: 'Access type', type: 'select', options: ['DSL', 'Fibre'] });
    const fields = [{ fieldId: access.id, required: true }, { fieldId: line.id, required: true }];
    expectStatus(await t.api('PUT', `/api/v1/teams/${lines}/form`, { token: admin.token, body: { fields } }), 200);
    const flow = await publishedFlow(['internet'], lines);
    const c = await newCase(t, agent, { teamId: support, assigneeId: agent.id, tags: ['vip'] });
    const run = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/flow-runs`, { token: agent.token, body: { flowId: flow.id, language: 'en' } }), 201).body;
    await answer(run.id, 'lights', 'on');
    await answer(run.id, 'restart', 'done');
    expectStatus(await answer(run.id, 'works', 'fail'), 200);
    const timeline = async () => (await t.api('GET', `/api/v1/cases/${c.id}/timeline`, { token: admin.token })).body.items as unknown[];
    const before = { timeline: await timeline(), case: expectStatus(await t.api('GET', `/api/v1/cases/${c.id}`, { token: agent.token }), 200).body };
    const finish = (body: Record<string, unknown>) => t.api('POST', `/api/v1/flow-runs/${run.id}/finish`, { token: agent.token, body: { stepId: 'escalate', note: 'Line down', ...body } });

    const refused = expectStatus(await finish({}), 400);
    expect(refused.body).toMatchObject({
      code: 'validation_failed',
      team: { id: lines, name: expect.stringMatching(/^Lines /) },
      missingFields: [
        { id: access.id, key: accessKey, label: 'Access type', type: 'select', options: ['DSL', 'Fibre'] },
        { id: line.id, key: lineKey, label: 'Line ID', type: 'text', options: [] },
      ],
    });
    expect(refused.body.detail).toMatch(/needs "Access type", "Line ID" on case #\d+ before it takes the case over/);
    expect(refused.body.errors.map((e: any) => e.field)).toEqual([`body.customFields.${accessKey}`, `body.customFields.${lineKey}`]);
    // All or nothing: no outcome documented, no change entry, the case and the run as they were.
    const unchanged = async () => {
      expect(await timeline()).toEqual(before.timeline);
      expect(expectStatus(await t.api('GET', `/api/v1/cases/${c.id}`, { token: agent.token }), 200).body).toEqual(before.case);
      expect(expectStatus(await t.api('GET', `/api/v1/flow-runs/${run.id}`, { token: agent.token }), 200).body).toMatchObject({ status: 'active', current: { id: 'escalate' }, outcome: null });
    };
    await unchanged();

    // One given, one still missing; a value the field does not take: refused the same way.
    const partly = expectStatus(await finish({ customFields: { [lineKey]: 'L-4711' } }), 400);
    expect(partly.body.missingFields.map((f: any) => f.key)).toEqual([accessKey]);
    const wrong = expectStatus(await finish({ customFields: { [lineKey]: 'L-4711', [accessKey]: 'Copper' } }), 400);
    expect(wrong.body.errors).toEqual([{ field: `body.customFields.${accessKey}`, message: 'must be one of: DSL, Fibre' }]);
    await unchanged();

    expectStatus(await finish({ customFields: { [lineKey]: 'L-4711', [accessKey]: 'Fibre' } }), 200);
    const moved = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}`, { token: admin.token }), 200).body;
    expect(moved).toMatchObject({ team: { id: lines }, assignee: null, tags: ['vip', 'line-fault'], customFields: { [lineKey]: 'L-4711', [accessKey]: 'Fibre' } });
    const items = (await timeline()) as Array<{ kind: string; activity: { type: string } | null; changes: Array<{ field: string }> | null }>;
    const added = items.slice(before.timeline.length);
    expect(added.map((e) => e.activity?.type ?? e.kind)).toEqual(['flows.outcome', 'change']);
    expect(added[1]!.changes!.map((ch) => ch.field).sort()).toEqual(['assignee', `customFields.${accessKey}`, `customFields.${lineKey}`, 'tags', 'team'].sort());
  });

  it('keeps runs on cases an agent cannot see out of reach, like the case', async () => {
    const flow = await publishedFlow();
    const c = await newCase(t, agent, { teamId: support });
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/flow-runs`, { token: outsider.token, body: { flowId: flow.id } }), 404);
    const run = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/flow-runs`, { token: agent.token, body: { flowId: flow.id } }), 201).body;
    expectStatus(await t.api('GET', `/api/v1/flow-runs/${run.id}`, { token: outsider.token }), 404);
    expectStatus(await answer(run.id, 'lights', 'on', outsider), 404);
    expectStatus(await t.api('GET', `/api/v1/cases/${c.id}/flows`, { token: outsider.token }), 404);
  });

  it('counts runs per outcome and finds the step where most runs are abandoned', async () => {
    const flow = await publishedFlow();
    const run = async (answers: Array<[string, string]>, end: 'finish' | 'abandon' | 'leave') => {
      const c = await newCase(t, agent, { teamId: support });
      const r = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/flow-runs`, { token: agent.token, body: { flowId: flow.id } }), 201).body;
      for (const [step, a] of answers) expectStatus(await answer(r.id, step, a), 200);
      if (end === 'finish') expectStatus(await t.api('POST', `/api/v1/flow-runs/${r.id}/finish`, { token: agent.token, body: { stepId: answers.length ? 'refund' : 'lights' } }), 200);
      if (end === 'abandon') expectStatus(await t.api('POST', `/api/v1/flow-runs/${r.id}/abandon`, { token: agent.token }), 200);
      return r.id as string;
    };
    await run([['lights', 'give-up']], 'finish');
    await run([['lights', 'give-up']], 'finish');
    await run([['lights', 'on']], 'abandon');
    await run([['lights', 'on']], 'abandon');
    await run([], 'abandon');
    const stale = await run([['lights', 'on'], ['restart', 'done']], 'leave');
    await run([], 'leave');
    // A run nobody touched for a day counts as abandoned where it stopped.
    await t.app.ctx.db.query(`update flow_runs set updated_at = now() - interval '2 days' where id = $1`, [stale]);

    const a = expectStatus(await t.api('GET', `/api/v1/flows/${flow.id}/analytics`, { token: supervisor.token }), 200).body;
    expect(a).toMatchObject({ runs: 7, completed: 2, abandoned: 4, active: 1, byChannel: { agent: 7, selfService: 0 } });
    expect(a.outcomes).toEqual([{ stepId: 'refund', kind: 'refund', text: 'Refund the device.', runs: 2 }]);
    expect(a.abandonedAt).toEqual([
      { stepId: 'restart', text: 'Unplug the router for 30 seconds, then plug it in again.', runs: 2 },
      { stepId: 'lights', text: 'Are the router lights on?', runs: 1 },
      { stepId: 'works', text: 'Open a web page.', runs: 1 },
    ]);
    const v1 = expectStatus(await t.api('GET', `/api/v1/flows/${flow.id}/analytics?version=1`, { token: supervisor.token }), 200).body;
    expect(v1.runs).toBe(7);
  });
});
