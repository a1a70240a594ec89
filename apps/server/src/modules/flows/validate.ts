/**
 * Checks a flow's tree before it is published: every branch must lead to a step that exists, no
 * step may be a dead end, the tree must not loop, and every path therefore ends in an outcome.
 * Unreachable steps and missing translations are warnings: they do not stop a customer.
 */
import type { FlowDefinition, FlowIssue, FlowStep, FlowText } from '@switchboard/contracts';
import { exitsOf } from './engine.ts';

type Issue = FlowIssue;

const translated = ['de', 'et', 'tr'] as const;

function issue(severity: Issue['severity'], code: Issue['code'], stepId: string | null, message: string, params: Issue['params'] = {}): Issue {
  return { severity, code, stepId, params, message };
}

/** Every text of a step with a name for messages, to check English and the translations. */
function textsOf(step: FlowStep): { what: string; text: FlowText | undefined; required: boolean }[] {
  const texts: { what: string; text: FlowText | undefined; required: boolean }[] = [{ what: 'text', text: step.text, required: true }];
  if (step.detail && Object.values(step.detail).some((v) => v?.trim())) texts.push({ what: 'detail', text: step.detail, required: false });
  if (step.type === 'check') texts.push({ what: 'expected', text: step.expected, required: true });
  if (step.type === 'question') for (const a of step.answers) texts.push({ what: `answer ${a.id}`, text: a.label, required: true });
  return texts;
}

const has = (t: FlowText | undefined, lang: keyof FlowText) => !!t?.[lang]?.trim();

/** Steps on a loop, each loop reported once (at the step that closes it), with the loop's path. */
function findCycles(def: FlowDefinition, ids: Set<string>): Issue[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const seen = new Set<string>();
  const out: Issue[] = [];
  const byId = new Map(def.steps.map((s) => [s.id, s]));
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const exit of exitsOf(byId.get(id)!)) {
      if (!exit.next || !ids.has(exit.next)) continue;
      const s = state.get(exit.next);
      if (s === 'open') {
        const loop = stack.slice(stack.indexOf(exit.next));
        const key = [...loop].sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          const path = [...loop, exit.next].join(' → ');
          out.push(issue('error', 'cycle', id, `Step "${id}" leads back to "${exit.next}": the flow would loop (${path})`, { target: exit.next, path, answer: exit.answer }));
        }
      } else if (!s) visit(exit.next);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const s of def.steps) if (!state.has(s.id)) visit(s.id);
  return out;
}

/** All problems of a definition; errors first, in step order. An empty list: ready to publish. */
export function validateFlow(def: FlowDefinition): Issue[] {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const ids = new Set<string>();
  for (const s of def.steps) {
    if (ids.has(s.id)) errors.push(issue('error', 'duplicate_id', s.id, `Two steps are called "${s.id}"`));
    ids.add(s.id);
  }
  if (!has(def.title, 'en')) errors.push(issue('error', 'missing_text', null, 'The flow needs an English title (the fallback for every language)', { field: 'title' }));
  if (!def.start) errors.push(issue('error', 'no_start', null, 'Choose the first step'));
  else if (!ids.has(def.start)) errors.push(issue('error', 'unknown_start', null, `The first step "${def.start}" does not exist`, { target: def.start }));
  if (def.steps.length === 0) errors.push(issue('error', 'no_start', null, 'The flow has no steps'));

  for (const step of def.steps) {
    for (const t of textsOf(step)) {
      if (t.required && !has(t.text, 'en')) errors.push(issue('error', 'missing_text', step.id, `Step "${step.id}": the ${t.what} needs an English text`, { field: t.what }));
    }
    if (step.type === 'question') {
      if (step.answers.length === 0) errors.push(issue('error', 'no_answers', step.id, `Question "${step.id}" has no answers: it is a dead end`));
      const answerIds = new Set<string>();
      for (const a of step.answers) {
        if (answerIds.has(a.id)) errors.push(issue('error', 'duplicate_answer', step.id, `Question "${step.id}" has two answers called "${a.id}"`, { answer: a.id }));
        answerIds.add(a.id);
      }
    }
    for (const exit of exitsOf(step)) {
      if (exit.next === null) {
        errors.push(issue('error', 'dead_end', step.id, `Step "${step.id}": "${exit.answer}" leads nowhere; connect it to a step or an outcome`, { answer: exit.answer }));
      } else if (!ids.has(exit.next)) {
        errors.push(issue('error', 'unknown_target', step.id, `Step "${step.id}": "${exit.answer}" leads to "${exit.next}", which does not exist`, { answer: exit.answer, target: exit.next }));
      }
    }
    if (step.type === 'outcome') {
      if (step.outcome.kind === 'escalate' && !step.outcome.teamId) errors.push(issue('error', 'team_required', step.id, `Outcome "${step.id}" escalates: choose the team`));
      if (step.outcome.kind === 'article' && !step.outcome.article?.slug) errors.push(issue('error', 'article_required', step.id, `Outcome "${step.id}" sends an article: choose which`));
    }
  }

  errors.push(...findCycles(def, ids));

  if (def.start && ids.has(def.start)) {
    const reached = new Set<string>([def.start]);
    const queue = [def.start];
    const byId = new Map(def.steps.map((s) => [s.id, s]));
    while (queue.length) {
      for (const exit of exitsOf(byId.get(queue.shift()!)!)) {
        if (exit.next && ids.has(exit.next) && !reached.has(exit.next)) {
          reached.add(exit.next);
          queue.push(exit.next);
        }
      }
    }
    for (const s of def.steps) if (!reached.has(s.id)) warnings.push(issue('warning', 'unreachable', s.id, `No answer leads to step "${s.id}"`));
  }

  for (const lang of translated) {
    let missing = 0;
    if (has(def.title, 'en') && !has(def.title, lang)) missing++;
    for (const step of def.steps) for (const t of textsOf(step)) if (has(t.text, 'en') && !has(t.text, lang)) missing++;
    if (missing > 0) warnings.push(issue('warning', 'missing_translation', null, `${missing} texts have no ${lang} translation; they are shown in English`, { language: lang, count: missing }));
  }
  return [...errors, ...warnings];
}

/** Whether the definition may be published: no errors (warnings are fine). */
export function isPublishable(issues: readonly Issue[]): boolean {
  return !issues.some((i) => i.severity === 'error');
}
