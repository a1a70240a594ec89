/**
 * The pure core of running a flow: which exits a step has, where an answer leads, and going back.
 * No database, no clock: the caller passes the definition, the run's state and the time.
 */
import type { FlowDefinition, FlowStep, FlowText } from '@switchboard/contracts';
import { AppError } from '../../platform/http/errors.ts';

export const flowLanguages = ['en', 'de', 'et', 'tr'] as const;
export type FlowLanguage = (typeof flowLanguages)[number];

/** Whether a value is one of the languages flows are written in. */
export function isFlowLanguage(value: unknown): value is FlowLanguage {
  return typeof value === 'string' && (flowLanguages as readonly string[]).includes(value);
}

/** The text in `lang`, else English (every flow's fallback), else whichever language has one. */
export function localize(text: FlowText | undefined, lang: string): string {
  if (!text) return '';
  const own = isFlowLanguage(lang) ? text[lang]?.trim() : undefined;
  if (own) return own;
  if (text.en?.trim()) return text.en.trim();
  for (const l of flowLanguages) if (text[l]?.trim()) return text[l]!.trim();
  return '';
}

/** One way out of a step: the answer that takes it and the step it leads to. */
export interface Exit {
  /** A question's answer id; "done" for instructions; "pass" / "fail" for checks. */
  answer: string;
  next: string | null;
  /** The answer's own label (questions); the others use the generic words for done/pass/fail. */
  label?: FlowText;
}

/** The exits of a step, in the order they are offered; outcomes have none. */
export function exitsOf(step: FlowStep): Exit[] {
  switch (step.type) {
    case 'question':
      return step.answers.map((a) => ({ answer: a.id, next: a.next, label: a.label }));
    case 'instruction':
      return [{ answer: 'done', next: step.next }];
    case 'check':
      return [
        { answer: 'pass', next: step.pass },
        { answer: 'fail', next: step.fail },
      ];
    case 'outcome':
      return [];
  }
}

/** The step with this id, or undefined. */
export function stepOf(def: FlowDefinition, id: string): FlowStep | undefined {
  return def.steps.find((s) => s.id === id);
}

/** A step of the definition that must exist (the run points at it). */
export function requireStep(def: FlowDefinition, id: string): FlowStep {
  const step = stepOf(def, id);
  if (!step) throw new AppError('unprocessable', `The flow has no step "${id}"`);
  return step;
}

export interface HistoryItem {
  stepId: string;
  answer: string;
  at: string;
}

/** Where a run stands: the step shown now and the answers that led there. */
export interface RunState {
  current: string;
  history: HistoryItem[];
}

/** A run at the flow's first step. */
export function startState(def: FlowDefinition): RunState {
  if (!def.start || !stepOf(def, def.start)) throw new AppError('unprocessable', 'The flow has no first step');
  return { current: def.start, history: [] };
}

function assertAt(state: RunState, stepId: string): void {
  // The client says which step it answered, so a double click or a second tab cannot answer twice.
  if (state.current !== stepId) {
    throw new AppError('conflict', `The run is at step "${state.current}", not "${stepId}": someone answered meanwhile. Reload it.`, [], { currentStep: state.current });
  }
}

/** Where answering `answer` at `stepId` leads; throws when the step has no such answer. */
export function nextStep(def: FlowDefinition, stepId: string, answer: string): string {
  const step = requireStep(def, stepId);
  if (step.type === 'outcome') throw new AppError('unprocessable', 'An outcome is applied, not answered');
  const exit = exitsOf(step).find((e) => e.answer === answer);
  if (!exit) throw new AppError('validation_failed', `Step "${stepId}" has no answer "${answer}"`, [{ field: 'body.answer', message: 'not an answer of this step' }]);
  if (!exit.next || !stepOf(def, exit.next)) throw new AppError('unprocessable', `The answer "${answer}" of step "${stepId}" leads nowhere`);
  return exit.next;
}

/** The state after answering the current step. */
export function advance(def: FlowDefinition, state: RunState, stepId: string, answer: string, at: string): RunState {
  assertAt(state, stepId);
  const next = nextStep(def, stepId, answer);
  return { current: next, history: [...state.history, { stepId, answer, at }] };
}

/** The state after going back one step: the last answer is taken back and its step shown again. */
export function goBack(state: RunState, stepId: string): { state: RunState; undone: HistoryItem } {
  assertAt(state, stepId);
  const undone = state.history.at(-1);
  if (!undone) throw new AppError('unprocessable', 'This is the first step: there is nothing to go back to');
  return { state: { current: undone.stepId, history: state.history.slice(0, -1) }, undone };
}

/**
 * Follows answers from the start, as the self-service pages do when they rebuild a run;
 * throws at the first answer the definition does not allow.
 */
export function replay(def: FlowDefinition, answers: readonly string[], at: string): RunState {
  let state = startState(def);
  for (const answer of answers) state = advance(def, state, state.current, answer, at);
  return state;
}
