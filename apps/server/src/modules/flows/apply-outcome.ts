/**
 * Finishing a run at its outcome: the outcome is documented on the case, then its action is
 * applied through the cases module (status, tags, transfer to a team), in one transaction. All
 * of it is checked first, so a refused outcome leaves no trace on the case.
 */
import type { z } from 'zod';
import type { Case, FlowOutcome, FlowRun, FlowRunFinishBody, Status } from '@switchboard/contracts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { getCase, updateCase, type CaseChanges } from '../cases/index.ts';
import { missingFormFields, validateCustomFields } from '../fields/index.ts';
import { resolveArticle } from './article-link.ts';
import { documentOutcome } from './document.ts';
import { requireStep } from './engine.ts';
import { presentRun, runLanguage, type RunRow } from './present-run.ts';
import { getDefinition } from './queries.ts';
import { activeAgentRun, runRef } from './run-flow.ts';
import { kindTags } from './words.ts';

export interface OutcomeChanges {
  /** For updateCase; empty when the outcome changes nothing. */
  changes: { status?: Status; tags?: string[]; teamId?: string; assigneeId?: null };
  status: Status | null;
  tagsAdded: string[];
  teamId: string | null;
}

/**
 * What an outcome does to a case (pure): "resolved" solves it unless it names another status,
 * each kind adds its tags (refund-request, replacement-request, appointment) besides the
 * outcome's own, and a team hands the case over to that team's queue — without an assignee, so
 * the team (or its routing) picks it up.
 */
export function outcomeChanges(outcome: FlowOutcome, c: Pick<Case, 'status' | 'tags' | 'team'>, options: { applyStatus: boolean } = { applyStatus: true }): OutcomeChanges {
  const changes: OutcomeChanges['changes'] = {};
  const wanted = outcome.status ?? (outcome.kind === 'resolved' ? 'solved' : null);
  const status = options.applyStatus && wanted && wanted !== c.status ? wanted : null;
  if (status) changes.status = status;
  const tagsAdded = [...new Set([...kindTags[outcome.kind], ...outcome.tags])].filter((t) => !c.tags.includes(t));
  if (tagsAdded.length) changes.tags = [...c.tags, ...tagsAdded];
  const teamId = outcome.teamId && outcome.teamId !== c.team?.id ? outcome.teamId : null;
  if (teamId) {
    changes.teamId = teamId;
    changes.assigneeId = null;
  }
  return { changes, status, tagsAdded, teamId };
}

type FieldValues = NonNullable<z.output<typeof FlowRunFinishBody>['customFields']>;

/**
 * Checks the case fields a transfer needs: the team's form may require fields the case lacks
 * (and `values` does not bring). Refused with those fields listed (key, label, type, options), so
 * the runner asks for them and finishes again with them.
 */
async function checkTeamFields(tx: Tx, c: Case, team: { id: string; name: string }, values: FieldValues): Promise<void> {
  const missing = await missingFormFields(tx, team.id, { ...c.customFields, ...values });
  if (missing.length > 0) {
    const names = missing.map((f) => `"${f.label}"`).join(', ');
    throw new AppError(
      'validation_failed',
      `${team.name} needs ${names} on case #${c.number} before it takes the case over: fill ${missing.length === 1 ? 'it' : 'them'} in and apply the outcome again`,
      missing.map((f) => ({ field: `body.customFields.${f.key}`, message: `is required by the ${team.name} form` })),
      { team, missingFields: missing },
    );
  }
}

/** Applies the run's outcome to its case and completes the run. */
export async function finishRun(app: AppContext, actor: Actor, tx: Tx, runId: string, input: z.output<typeof FlowRunFinishBody>): Promise<FlowRun> {
  const row = await activeAgentRun(tx, actor, runId);
  if (row.current_step !== input.stepId) {
    throw new AppError('conflict', `The run is at step "${row.current_step}", not "${input.stepId}": reload it`, [], { currentStep: row.current_step });
  }
  const def = await getDefinition(tx, row.flow_id, row.version);
  const step = requireStep(def, row.current_step);
  if (step.type !== 'outcome') throw new AppError('unprocessable', 'The run has not reached an outcome yet');
  if (step.outcome.kind === 'appointment' && !input.appointment) throw invalid('body.appointment.wishedAt', 'say when the customer would like the appointment');
  const lang = runLanguage(row);
  const c = await getCase(tx, actor, row.case_id!);
  const plan = outcomeChanges(step.outcome, c);
  let team = null;
  if (plan.teamId) {
    const { rows } = await tx.query<{ name: string }>('select name from teams where id = $1', [plan.teamId]);
    if (!rows[0]) throw new AppError('unprocessable', 'The team this outcome transfers to does not exist any more; ask a supervisor to fix the flow');
    team = { id: plan.teamId, name: rows[0].name };
    await checkTeamFields(tx, c, team, input.customFields ?? {});
  }
  const changes: CaseChanges = { ...plan.changes };
  if (input.customFields && Object.keys(input.customFields).length > 0) {
    // Checked against the definitions here too, so a wrong value refuses the outcome before it is documented.
    await validateCustomFields(tx, 'case', c.customFields, input.customFields);
    changes.customFields = input.customFields;
  }
  // Documented first: a transfer can take the case out of the agent's sight.
  await documentOutcome(app, actor, tx, c.id, await runRef(tx, row), def, step, {
    status: plan.status,
    tagsAdded: plan.tagsAdded,
    team,
    article: step.outcome.article ? await resolveArticle(tx, step.outcome.article, lang) : null,
    appointment: input.appointment ? { wishedAt: input.appointment.wishedAt, note: input.appointment.note } : null,
    note: input.note || null,
  });
  if (Object.keys(changes).length) await updateCase(app, actor, tx, c.id, 'current', changes);
  const { rows } = await tx.query<RunRow>(
    `update flow_runs set status = 'completed', outcome_step = $2, outcome_kind = $3, completed_at = now(), updated_at = now() where id = $1 returning *`,
    [row.id, step.id, step.outcome.kind],
  );
  return presentRun(tx, rows[0]!);
}
