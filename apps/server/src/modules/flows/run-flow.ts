/**
 * An agent running a flow on a case: start (pinned to the published version of that moment),
 * answer, go back, stop. Every step is written onto the case's timeline in the same transaction.
 */
import type { z } from 'zod';
import type { FlowRun, FlowRunAnswerBody, FlowRunBackBody, StartFlowRunBody } from '@switchboard/contracts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, forbidden } from '../../platform/http/errors.ts';
import { getCase } from '../cases/index.ts';
import { documentAbandon, documentBack, documentStart, documentStep, type RunRef } from './document.ts';
import { advance, goBack, isFlowLanguage, requireStep, startState } from './engine.ts';
import { mayRunFlows } from './policy.ts';
import { loadRun, presentRun, runLanguage, stateOf, type RunRow } from './present-run.ts';
import { getDefinition, publishedFlows } from './queries.ts';

/** The reference every activity of the run carries. */
export async function runRef(tx: Tx, row: RunRow): Promise<RunRef> {
  const { rows } = await tx.query<{ slug: string }>('select slug from flows where id = $1', [row.flow_id]);
  return { runId: row.id, flowId: row.flow_id, flowSlug: rows[0]?.slug ?? '', version: row.version, language: runLanguage(row), channel: row.channel };
}

/**
 * Loads an agent's run for a change: locked, still running, on a case the actor can see (a
 * case they cannot see answers 404 like the case itself).
 */
export async function activeAgentRun(tx: Tx, actor: Actor, runId: string): Promise<RunRow> {
  if (!mayRunFlows(actor)) throw forbidden('Customers use the help center to troubleshoot');
  const row = await loadRun(tx, runId, true);
  if (row.channel !== 'agent' || !row.case_id) throw new AppError('not_found', 'The flow run was not found');
  const c = await getCase(tx, actor, row.case_id);
  if (c.status === 'closed') throw new AppError('unprocessable', `Case #${c.number} is closed`);
  if (row.status !== 'active') throw new AppError('conflict', `This run is ${row.status} already`, [], { status: row.status });
  return row;
}

/** Starts a published flow on a case, at its current version, in the chosen language (else the agent's). */
export async function startRun(app: AppContext, actor: Actor, tx: Tx, caseRef: string | number, input: z.output<typeof StartFlowRunBody>): Promise<FlowRun> {
  if (!mayRunFlows(actor)) throw forbidden('Customers use the help center to troubleshoot');
  const c = await getCase(tx, actor, caseRef);
  if (c.mergedIntoId) throw new AppError('unprocessable', `Case #${c.number} was merged into another case; run the flow there`);
  if (c.status === 'closed') throw new AppError('unprocessable', `Case #${c.number} is closed; open a follow-up case instead`);
  const flow = (await publishedFlows(tx, { id: input.flowId }))[0];
  if (!flow) throw new AppError('unprocessable', 'This flow is not published (or archived)', [{ field: 'body.flowId', message: 'not a published flow' }]);
  const running = await tx.query<{ id: string }>(`select id from flow_runs where case_id = $1 and status = 'active' and channel = 'agent'`, [c.id]);
  if (running.rowCount) throw new AppError('conflict', `A flow is running on case #${c.number} already: finish or stop it first`, [], { runId: running.rows[0]!.id });
  const language = input.language ?? (isFlowLanguage(actor.language) ? actor.language : 'en');
  const state = startState(flow.definition);
  const { rows } = await tx.query<RunRow>(
    `insert into flow_runs (flow_id, version, case_id, channel, language, current_step, started_by_id)
     values ($1, $2, $3, 'agent', $4, $5, $6) returning *`,
    [flow.id, flow.version, c.id, language, state.current, actor.via === 'system' ? null : actor.id],
  );
  const row = rows[0]!;
  await documentStart(app, actor, tx, c.id, await runRef(tx, row), flow.definition);
  return presentRun(tx, row);
}

async function saveState(tx: Tx, id: string, current: string, history: RunRow['history']): Promise<RunRow> {
  const { rows } = await tx.query<RunRow>('update flow_runs set current_step = $2, history = $3::jsonb, updated_at = now() where id = $1 returning *', [id, current, JSON.stringify(history)]);
  return rows[0]!;
}

/** Answers the run's current step; the answer and where it led are documented on the case. */
export async function answerRun(app: AppContext, actor: Actor, tx: Tx, runId: string, input: z.output<typeof FlowRunAnswerBody>): Promise<FlowRun> {
  const row = await activeAgentRun(tx, actor, runId);
  const def = await getDefinition(tx, row.flow_id, row.version);
  const at = new Date().toISOString();
  const next = advance(def, stateOf(row), input.stepId, input.answer, at);
  const saved = await saveState(tx, row.id, next.current, next.history);
  await documentStep(app, actor, tx, row.case_id!, await runRef(tx, row), def, requireStep(def, input.stepId), input.answer, at);
  return presentRun(tx, saved);
}

/** Goes back one step: the last answer is taken back (and that is documented too — the timeline only grows). */
export async function backRun(app: AppContext, actor: Actor, tx: Tx, runId: string, input: z.output<typeof FlowRunBackBody>): Promise<FlowRun> {
  const row = await activeAgentRun(tx, actor, runId);
  const def = await getDefinition(tx, row.flow_id, row.version);
  const { state, undone } = goBack(stateOf(row), input.stepId);
  const saved = await saveState(tx, row.id, state.current, state.history);
  await documentBack(app, actor, tx, row.case_id!, await runRef(tx, row), requireStep(def, undone.stepId), undone.answer);
  return presentRun(tx, saved);
}

/** Stops the run before an outcome; it counts as abandoned at its current step. */
export async function abandonRun(app: AppContext, actor: Actor, tx: Tx, runId: string): Promise<FlowRun> {
  const row = await activeAgentRun(tx, actor, runId);
  const def = await getDefinition(tx, row.flow_id, row.version);
  const { rows } = await tx.query<RunRow>(`update flow_runs set status = 'abandoned', updated_at = now() where id = $1 returning *`, [row.id]);
  await documentAbandon(app, actor, tx, row.case_id!, await runRef(tx, row), def, requireStep(def, row.current_step));
  return presentRun(tx, rows[0]!);
}

/** One run, for a case the actor can see. */
export async function getRun(tx: Tx, actor: Actor, runId: string): Promise<FlowRun> {
  if (!mayRunFlows(actor)) throw forbidden();
  const row = await loadRun(tx, runId);
  if (!row.case_id) throw new AppError('not_found', 'The flow run was not found');
  await getCase(tx, actor, row.case_id);
  return presentRun(tx, row);
}
