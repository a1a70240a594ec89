/**
 * Edits of a flow's draft in the editor, as pure functions: each returns a new draft, so React
 * state stays immutable and the operations are tested without a browser.
 */
import { flowLanguages, type FlowDefinition, type FlowLanguage, type FlowStep, type FlowText, type StepType } from './types.ts';

/** The text in `lang`, else English (every flow's fallback), else whichever language has one. */
export function localize(text: FlowText | undefined, lang: string): string {
  if (!text) return '';
  const own = (flowLanguages as readonly string[]).includes(lang) ? text[lang as FlowLanguage]?.trim() : undefined;
  if (own) return own;
  if (text.en?.trim()) return text.en.trim();
  for (const l of flowLanguages) if (text[l]?.trim()) return text[l]!.trim();
  return '';
}

/** Where each exit of a step leads: [answer id, target]. */
export function exitsOf(step: FlowStep): Array<{ answer: string; next: string | null }> {
  if (step.type === 'question') return step.answers.map((a) => ({ answer: a.id, next: a.next }));
  if (step.type === 'instruction') return [{ answer: 'done', next: step.next }];
  if (step.type === 'check') return [{ answer: 'pass', next: step.pass }, { answer: 'fail', next: step.fail }];
  return [];
}

/** An id not used yet: `<prefix>-2`, `<prefix>-3`… */
export function freeId(taken: Iterable<string>, prefix: string): string {
  const used = new Set(taken);
  if (!used.has(prefix)) return prefix;
  for (let n = 2; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** A new, empty step of a type. */
export function blankStep(type: StepType, id: string): FlowStep {
  switch (type) {
    case 'question':
      return { id, type, text: {}, answers: [] };
    case 'instruction':
      return { id, type, text: {}, next: null };
    case 'check':
      return { id, type, text: {}, expected: {}, pass: null, fail: null };
    case 'outcome':
      return { id, type, text: {}, outcome: { kind: 'resolved', tags: [] } };
  }
}

/** Adds a step; the first step of an empty flow becomes its start. */
export function addStep(def: FlowDefinition, type: StepType): { def: FlowDefinition; id: string } {
  const id = freeId(
    def.steps.map((s) => s.id),
    type,
  );
  return { def: { ...def, steps: [...def.steps, blankStep(type, id)], start: def.start ?? id }, id };
}

/** Replaces one step (found by its current id). */
export function replaceStep(def: FlowDefinition, id: string, step: FlowStep): FlowDefinition {
  return { ...def, steps: def.steps.map((s) => (s.id === id ? step : s)) };
}

function retarget(step: FlowStep, from: string, to: string | null): FlowStep {
  const map = (t: string | null) => (t === from ? to : t);
  if (step.type === 'question') return { ...step, answers: step.answers.map((a) => ({ ...a, next: map(a.next) })) };
  if (step.type === 'instruction') return { ...step, next: map(step.next) };
  if (step.type === 'check') return { ...step, pass: map(step.pass), fail: map(step.fail) };
  return step;
}

/** Removes a step; branches that led to it lead nowhere until connected again (the validator says so). */
export function removeStep(def: FlowDefinition, id: string): FlowDefinition {
  return { ...def, start: def.start === id ? null : def.start, steps: def.steps.filter((s) => s.id !== id).map((s) => retarget(s, id, null)) };
}

/** Renames a step and every branch that leads to it. */
export function renameStep(def: FlowDefinition, from: string, to: string): FlowDefinition {
  if (from === to || def.steps.some((s) => s.id === to)) return def;
  return { ...def, start: def.start === from ? to : def.start, steps: def.steps.map((s) => retarget(s.id === from ? { ...s, id: to } : s, from, to)) };
}

/** Sets one language of a text, dropping it when emptied. */
export function setText(text: FlowText | undefined, lang: FlowLanguage, value: string): FlowText {
  const next: FlowText = { ...(text ?? {}) };
  if (value) next[lang] = value;
  else delete next[lang];
  return next;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/**
 * Whether two drafts say the same thing. Not a plain JSON comparison: the server keeps drafts as
 * jsonb, which orders object keys its own way, so a saved draft comes back in another key order
 * than the editor built it in.
 */
export function sameDraft(a: FlowDefinition, b: FlowDefinition): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
