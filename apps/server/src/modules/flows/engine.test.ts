import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '@switchboard/contracts';
import { AppError } from '../../platform/http/errors.ts';
import { advance, exitsOf, goBack, localize, nextStep, replay, startState } from './engine.ts';

const def: FlowDefinition = {
  title: { en: 'Phone does not charge' },
  description: {},
  start: 'cable',
  steps: [
    {
      id: 'cable',
      type: 'question',
      text: { en: 'Which cable is used?', de: 'Welches Kabel wird verwendet?' },
      answers: [
        { id: 'original', label: { en: 'The original one', de: 'Das Original' }, next: 'socket' },
        { id: 'other', label: { en: 'Another one' }, next: 'try-original' },
      ],
    },
    { id: 'try-original', type: 'instruction', text: { en: 'Use the original cable' }, next: 'socket' },
    { id: 'socket', type: 'check', text: { en: 'Try another socket' }, expected: { en: 'The battery icon appears' }, pass: 'fixed', fail: 'replace' },
    { id: 'fixed', type: 'outcome', text: { en: 'Solved' }, outcome: { kind: 'resolved', tags: [] } },
    { id: 'replace', type: 'outcome', text: { en: 'Free replacement' }, outcome: { kind: 'replacement', tags: [] } },
  ],
};
const at = '2026-12-05T10:00:00.000Z';

describe('flow engine', () => {
  it('offers each step type its exits: answers, done, pass/fail; outcomes none', () => {
    expect(exitsOf(def.steps[0]!).map((e) => [e.answer, e.next])).toEqual([
      ['original', 'socket'],
      ['other', 'try-original'],
    ]);
    expect(exitsOf(def.steps[1]!).map((e) => e.answer)).toEqual(['done']);
    expect(exitsOf(def.steps[2]!).map((e) => [e.answer, e.next])).toEqual([
      ['pass', 'fixed'],
      ['fail', 'replace'],
    ]);
    expect(exitsOf(def.steps[3]!)).toEqual([]);
  });

  it('follows answers to the next step and records them in order', () => {
    let s = startState(def);
    expect(s).toEqual({ current: 'cable', history: [] });
    s = advance(def, s, 'cable', 'other', at);
    s = advance(def, s, 'try-original', 'done', at);
    s = advance(def, s, 'socket', 'fail', at);
    expect(s.current).toBe('replace');
    expect(s.history.map((h) => `${h.stepId}=${h.answer}`)).toEqual(['cable=other', 'try-original=done', 'socket=fail']);
    expect(nextStep(def, 'socket', 'pass')).toBe('fixed');
  });

  it('goes back one step at a time, taking back the last answer', () => {
    const s = replay(def, ['other', 'done'], at);
    expect(s.current).toBe('socket');
    const back = goBack(s, 'socket');
    expect(back.state.current).toBe('try-original');
    expect(back.undone).toMatchObject({ stepId: 'try-original', answer: 'done' });
    const back2 = goBack(back.state, 'try-original');
    expect(back2.state).toEqual({ current: 'cable', history: [] });
    expect(() => goBack(back2.state, 'cable')).toThrow(/nothing to go back to/);
    // A different answer after going back takes the other branch.
    expect(advance(def, back2.state, 'cable', 'original', at).current).toBe('socket');
  });

  it('refuses answers for a step the run is not at (a double click), unknown answers and answering an outcome', () => {
    const s = startState(def);
    const stale = () => advance(def, s, 'socket', 'pass', at);
    expect(stale).toThrow(AppError);
    expect(() => stale()).toThrow(/not "socket"/);
    expect(() => advance(def, s, 'cable', 'maybe', at)).toThrow(/no answer "maybe"/);
    const atOutcome = replay(def, ['original', 'pass'], at);
    expect(atOutcome.current).toBe('fixed');
    expect(() => advance(def, atOutcome, 'fixed', 'done', at)).toThrow(/applied, not answered/);
  });

  it('falls back to English, then to any language that has the text', () => {
    expect(localize({ en: 'Restart', de: 'Neu starten' }, 'de')).toBe('Neu starten');
    expect(localize({ en: 'Restart', de: 'Neu starten' }, 'tr')).toBe('Restart');
    expect(localize({ et: 'Taaskäivita' }, 'de')).toBe('Taaskäivita');
    expect(localize({ en: 'Restart', de: '  ' }, 'de')).toBe('Restart');
    expect(localize(undefined, 'en')).toBe('');
  });
});
