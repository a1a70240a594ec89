/**
 * A customer whose problem the flow did not solve asks for help: a case is opened on the flow's
 * team with every step they took already documented, so nobody asks the same questions again.
 */
import { CreateCaseBody, Email } from '@switchboard/contracts';
import { systemActor, type AppContext } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { createCase, getCase } from '../../cases/index.ts';
import { teamForm } from '../../fields/index.ts';
import { outcomeChanges } from '../apply-outcome.ts';
import { resolveArticle } from '../article-link.ts';
import { documentOutcome, documentStart, documentStep, type RunRef } from '../document.ts';
import { localize, requireStep, type FlowLanguage } from '../engine.ts';
import { completeRun, loadPublicRun } from './public-run.ts';
import { ssText } from './strings.ts';

export interface HelpForm {
  name: string;
  email: string;
  message: string;
  /** Appointment outcomes: the wished time as the customer's browser gave it (local, YYYY-MM-DDTHH:MM). */
  wishedAt: string;
}

const localTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Field errors of the form, in the page's language; empty when it can be sent. */
export function checkHelpForm(form: HelpForm, lang: FlowLanguage, needsTime: boolean, now = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  if (!form.name.trim()) errors.push({ field: 'name', message: ssText(lang, 'nameRequired') });
  else if (form.name.trim().length > 200) errors.push({ field: 'name', message: ssText(lang, 'tooLong', { max: 200 }) });
  if (!Email.safeParse(form.email).success) errors.push({ field: 'email', message: ssText(lang, 'emailInvalid') });
  if (form.message.length > 5000) errors.push({ field: 'message', message: ssText(lang, 'tooLong', { max: 5000 }) });
  if (needsTime) {
    if (!localTime.test(form.wishedAt) || Number.isNaN(Date.parse(`${form.wishedAt}:00Z`))) errors.push({ field: 'wishedAt', message: ssText(lang, 'wishedAtRequired') });
    // The browser's local time has no zone: a day of slack covers every zone on earth.
    else if (Date.parse(`${form.wishedAt}:00Z`) < now.getTime() - 24 * 3600_000) errors.push({ field: 'wishedAt', message: ssText(lang, 'wishedAtPast') });
  }
  return errors;
}

/** A team whose form requires fields cannot take a case from a customer who cannot fill them. */
async function usableTeam(tx: Tx, teamId: string | null): Promise<boolean> {
  if (!teamId) return false;
  return !(await teamForm(tx, teamId)).some((f) => f.required);
}

/**
 * Opens the case for a run at its outcome and completes the run. The case goes to the outcome's
 * team if it names one, else the flow's team — skipping a team whose form requires fields the
 * customer cannot fill (noted on the case). The outcome's tags are added; its status is not
 * applied, since the customer just said the problem is not solved.
 */
export async function requestHelp(app: AppContext, tx: Tx, slug: string, token: string, lang: FlowLanguage, form: HelpForm): Promise<number> {
  const run = await loadPublicRun(tx, slug, token, true);
  if (run.row.status !== 'active') throw new AppError('conflict', 'This troubleshooting session has ended');
  const step = requireStep(run.def, run.row.current_step);
  if (step.type !== 'outcome') throw new AppError('conflict', 'The session has not reached its end yet');
  const errors = checkHelpForm(form, lang, step.outcome.kind === 'appointment');
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => e.message).join(' '), errors);

  const wanted = step.outcome.teamId ?? run.teamId;
  let teamId: string | null = null;
  let teamKeptBecause: string | null = null;
  if (await usableTeam(tx, wanted)) teamId = wanted;
  else if (wanted) {
    teamKeptBecause = 'required_fields';
    if (wanted !== run.teamId && (await usableTeam(tx, run.teamId))) teamId = run.teamId;
  }
  const plan = outcomeChanges({ ...step.outcome, teamId: null }, { status: 'new', tags: [], team: null }, { applyStatus: false });
  const title = localize(run.def.title, lang);
  const outcomeText = localize(step.text, lang);
  const body = CreateCaseBody.parse({
    subject: `${title}: ${outcomeText}`.slice(0, 500),
    requester: { name: form.name.trim(), email: form.email },
    channel: 'portal',
    teamId,
    tags: ['self-service', ...plan.tagsAdded],
    message: { body: form.message.trim() || `${title} → ${outcomeText}`, direction: 'inbound' },
  });
  const created = await createCase(app, systemActor, tx, body);

  const ref: RunRef = { runId: run.row.id, flowId: run.row.flow_id, flowSlug: run.slug, version: run.row.version, language: lang, channel: 'self_service' };
  await documentStart(app, systemActor, tx, created.id, ref, run.def);
  for (const h of run.row.history) await documentStep(app, systemActor, tx, created.id, ref, run.def, requireStep(run.def, h.stepId), h.answer, h.at);
  let team = null;
  if (teamId) team = { id: teamId, name: (await getCase(tx, systemActor, created.id)).team?.name ?? '' };
  await documentOutcome(app, systemActor, tx, created.id, ref, run.def, step, {
    status: null,
    tagsAdded: plan.tagsAdded,
    team,
    article: step.outcome.article ? await resolveArticle(tx, step.outcome.article, lang) : null,
    appointment: step.outcome.kind === 'appointment' ? { wishedAt: form.wishedAt, note: '' } : null,
    note: null,
    teamKeptBecause,
    contact: { name: form.name.trim(), email: body.requester!.email! },
  });
  await completeRun(tx, run.row.id, step.id, step.outcome.kind, created.id);
  return created.number;
}
