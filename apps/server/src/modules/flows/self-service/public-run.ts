/**
 * Customers running a public flow in the help center. A run is reached by a random token in the
 * page address (stored only as its SHA-256), so no account is needed and nothing personal is
 * kept until the customer asks for help — then a case is opened with the whole path on it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FlowDefinition } from '@switchboard/contracts';
import { systemActor, type AppContext } from '../../../platform/context.ts';
import type { Queryable, Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { getCase } from '../../cases/index.ts';
import { advance, goBack, requireStep, startState, type FlowLanguage } from '../engine.ts';
import { loadRun, stateOf, type RunRow } from '../present-run.ts';
import { getDefinition, type PublishedFlow } from '../queries.ts';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const tokenPattern = /^[A-Za-z0-9_-]{32}$/;

export interface PublicRun {
  row: RunRow;
  slug: string;
  teamId: string | null;
  def: FlowDefinition;
}

/** Starts a run of a public flow; returns the token for its address. */
export async function startPublicRun(tx: Tx, flow: PublishedFlow, lang: FlowLanguage): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  const state = startState(flow.definition);
  await tx.query(`insert into flow_runs (flow_id, version, channel, token_hash, language, current_step) values ($1, $2, 'self_service', $3, $4, $5)`, [
    flow.id,
    flow.version,
    hashToken(token),
    lang,
    state.current,
  ]);
  return token;
}

/**
 * The run behind a token, for the flow in the address. The run keeps its version even if the
 * flow is changed, unpublished or archived meanwhile: a customer halfway through can finish.
 */
export async function loadPublicRun(db: Queryable, slug: string, token: string, forUpdate = false): Promise<PublicRun> {
  if (!tokenPattern.test(token)) throw new AppError('not_found', 'No such troubleshooting session');
  const { rows } = await db.query<{ id: string; slug: string; team_id: string | null }>(
    `select r.id, f.slug, f.team_id from flow_runs r join flows f on f.id = r.flow_id where r.token_hash = $1 and r.channel = 'self_service'`,
    [hashToken(token)],
  );
  const found = rows[0];
  if (!found || found.slug !== slug) throw new AppError('not_found', 'No such troubleshooting session');
  const row = await loadRun(db, found.id, forUpdate);
  return { row, slug: found.slug, teamId: found.team_id, def: await getDefinition(db, row.flow_id, row.version) };
}

function assertActive(run: PublicRun): void {
  if (run.row.status !== 'active') throw new AppError('conflict', 'This troubleshooting session has ended');
}

async function save(tx: Tx, id: string, state: { current: string; history: RunRow['history'] }): Promise<void> {
  await tx.query('update flow_runs set current_step = $2, history = $3::jsonb, updated_at = now() where id = $1', [id, state.current, JSON.stringify(state.history)]);
}

/** Answers the current step. */
export async function answerPublicRun(tx: Tx, slug: string, token: string, stepId: string, answer: string): Promise<void> {
  const run = await loadPublicRun(tx, slug, token, true);
  assertActive(run);
  await save(tx, run.row.id, advance(run.def, stateOf(run.row), stepId, answer, new Date().toISOString()));
}

/** Goes back one step. */
export async function backPublicRun(tx: Tx, slug: string, token: string, stepId: string): Promise<void> {
  const run = await loadPublicRun(tx, slug, token, true);
  assertActive(run);
  await save(tx, run.row.id, goBack(stateOf(run.row), stepId).state);
}

/** The customer says the outcome solved it: the run is complete, no case is needed. */
export async function markSolved(tx: Tx, slug: string, token: string, stepId: string): Promise<void> {
  const run = await loadPublicRun(tx, slug, token, true);
  assertActive(run);
  const step = requireStep(run.def, run.row.current_step);
  if (step.id !== stepId || step.type !== 'outcome') throw new AppError('conflict', 'The session is at another step');
  await completeRun(tx, run.row.id, step.id, step.outcome.kind, null);
}

/** Completes a run at an outcome (with the case it became, if any). */
export async function completeRun(tx: Tx, runId: string, stepId: string, kind: string, caseId: string | null): Promise<void> {
  await tx.query(`update flow_runs set status = 'completed', outcome_step = $2, outcome_kind = $3, case_id = $4, completed_at = now(), updated_at = now() where id = $1`, [
    runId,
    stepId,
    kind,
    caseId,
  ]);
}

/** The case number a finished self-service run became, if any. */
export async function requestNumber(app: AppContext, caseId: string | null): Promise<number | null> {
  if (!caseId) return null;
  return (await getCase(app.db, systemActor, caseId)).number;
}
