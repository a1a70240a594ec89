import { describe, expect, it } from 'vitest';
import { addStep, localize, removeStep, renameStep, sameDraft, setText } from './draft-ops.ts';
import type { FlowDefinition } from './types.ts';

const def: FlowDefinition = {
  title: { en: 'T' },
  description: {},
  start: 'q',
  steps: [
    { id: 'q', type: 'question', text: { en: 'Q?' }, answers: [{ id: 'a', label: { en: 'A' }, next: 'done' }] },
    { id: 'done', type: 'outcome', text: { en: 'Done' }, outcome: { kind: 'resolved', tags: [] } },
  ],
};

describe('draft edits', () => {
  it('adds steps with free ids and makes the first step of an empty flow its start', () => {
    const one = addStep(def, 'check');
    expect(one.id).toBe('check');
    expect(addStep(one.def, 'check').id).toBe('check-2');
    expect(addStep({ ...def, start: null, steps: [] }, 'question').def.start).toBe('question');
  });

  it('disconnects branches to a removed step and renames every reference', () => {
    const removed = removeStep(def, 'done');
    expect(removed.steps[0]).toMatchObject({ answers: [{ next: null }] });
    const renamed = renameStep(def, 'q', 'start');
    expect(renamed.start).toBe('start');
    expect(renameStep(def, 'done', 'fixed').steps[0]).toMatchObject({ answers: [{ next: 'fixed' }] });
    expect(renameStep(def, 'done', 'q')).toBe(def);
  });

  it('falls back to English and drops emptied languages', () => {
    expect(localize({ en: 'Hi', de: 'Hallo' }, 'tr')).toBe('Hi');
    expect(setText({ en: 'Hi', de: 'Hallo' }, 'de', '')).toEqual({ en: 'Hi' });
  });

  it('compares drafts by content, whatever the order of their keys', () => {
    const reordered = JSON.parse(JSON.stringify({ steps: def.steps.map((s) => Object.fromEntries(Object.entries(s).reverse())), start: def.start, description: {}, title: def.title }));
    expect(sameDraft(def, reordered)).toBe(true);
    expect(sameDraft(def, { ...def, start: 'done' })).toBe(false);
    expect(sameDraft(def, { ...def, steps: [...def.steps].reverse() })).toBe(false);
  });
});
