/**
 * The documentation a run writes onto its case: one timeline activity when it starts, for every
 * answered step, for going back, and for its outcome. Texts are stored as they were shown (in the
 * run's language and version), so the record stays true after the flow is edited.
 */
import type { FlowDefinition, FlowStep } from '@switchboard/contracts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { addActivity } from '../cases/index.ts';
import type { ArticleLink } from './article-link.ts';
import { localize, type FlowLanguage } from './engine.ts';
import { answerLabel } from './present-run.ts';
import { flowWords } from './words.ts';

/** Which run an activity belongs to. */
export interface RunRef {
  runId: string;
  flowId: string;
  flowSlug: string;
  version: number;
  language: FlowLanguage;
  channel: 'agent' | 'self_service';
}

const line = (s: string, max = 300) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** flows.started: which flow, which version, in which language. */
export async function documentStart(app: AppContext, actor: Actor, tx: Tx, caseId: string, run: RunRef, def: FlowDefinition): Promise<void> {
  const title = localize(def.title, run.language);
  await addActivity(app, actor, tx, caseId, {
    type: 'flows.started',
    summary: line(`${title} (v${run.version})`),
    data: { ...run, title },
  });
}

/** flows.step: the question (or instruction, or check with its expected result) and the answer given. */
export async function documentStep(app: AppContext, actor: Actor, tx: Tx, caseId: string, run: RunRef, def: FlowDefinition, step: FlowStep, answer: string, at: string): Promise<void> {
  const text = localize(step.text, run.language);
  const label = answerLabel(step, answer, run.language);
  await addActivity(app, actor, tx, caseId, {
    type: 'flows.step',
    summary: line(`${text} → ${label}`),
    data: {
      ...run,
      title: localize(def.title, run.language),
      stepId: step.id,
      stepType: step.type,
      text,
      expected: step.type === 'check' ? localize(step.expected, run.language) : null,
      answer,
      answerLabel: label,
      answeredAt: at,
    },
  });
}

/** flows.back: the step shown again and the answer taken back (the record keeps both). */
export async function documentBack(app: AppContext, actor: Actor, tx: Tx, caseId: string, run: RunRef, step: FlowStep, undoneAnswer: string): Promise<void> {
  const text = localize(step.text, run.language);
  const label = answerLabel(step, undoneAnswer, run.language);
  await addActivity(app, actor, tx, caseId, {
    type: 'flows.back',
    summary: line(`↩ ${text} (${label})`),
    data: { ...run, stepId: step.id, text, undoneAnswer, undoneAnswerLabel: label },
  });
}

/** flows.abandoned: the run was stopped before an outcome, at this step. */
export async function documentAbandon(app: AppContext, actor: Actor, tx: Tx, caseId: string, run: RunRef, def: FlowDefinition, step: FlowStep): Promise<void> {
  const title = localize(def.title, run.language);
  const text = localize(step.text, run.language);
  await addActivity(app, actor, tx, caseId, { type: 'flows.abandoned', summary: line(`${title}: ${text}`), data: { ...run, title, stepId: step.id, text } });
}

export interface AppliedOutcome {
  status: string | null;
  tagsAdded: string[];
  team: { id: string; name: string } | null;
  article: ArticleLink | null;
  appointment: { wishedAt: string; note: string } | null;
  note: string | null;
  /** Self-service: why the outcome's team was not used. */
  teamKeptBecause?: string | null;
  contact?: { name: string; email: string } | null;
}

/** flows.outcome: where the run ended and what that did to the case. */
export async function documentOutcome(app: AppContext, actor: Actor, tx: Tx, caseId: string, run: RunRef, def: FlowDefinition, step: FlowStep, applied: AppliedOutcome): Promise<void> {
  if (step.type !== 'outcome') return;
  const kindLabel = flowWords[run.language].outcome[step.outcome.kind];
  const text = localize(step.text, run.language);
  await addActivity(app, actor, tx, caseId, {
    type: 'flows.outcome',
    summary: line(`${kindLabel}: ${text}`),
    data: { ...run, title: localize(def.title, run.language), stepId: step.id, kind: step.outcome.kind, kindLabel, text, ...applied },
  });
}
