import { describe, expect, it } from 'vitest';
import type { FlowDefinition, FlowStep } from '@switchboard/contracts';
import { isPublishable, validateFlow } from './validate.ts';

const q = (id: string, answers: Array<[string, string | null]>): FlowStep => ({
  id,
  type: 'question',
  text: { en: `Question ${id}?`, de: `Frage ${id}?`, et: `Küsimus ${id}?`, tr: `Soru ${id}?` },
  answers: answers.map(([a, next]) => ({ id: a, label: { en: a, de: a, et: a, tr: a }, next })),
});
const outcome = (id: string, kind: 'resolved' | 'escalate' | 'article' = 'resolved', extra: Record<string, unknown> = {}): FlowStep => ({
  id,
  type: 'outcome',
  text: { en: `Outcome ${id}`, de: 'Ergebnis', et: 'Tulemus', tr: 'Sonuç' },
  outcome: { kind, tags: [], ...extra },
});
const tree = (steps: FlowStep[], start: string | null = steps[0]?.id ?? null): FlowDefinition => ({
  title: { en: 'Device does not start', de: 'Gerät startet nicht', et: 'Seade ei käivitu', tr: 'Cihaz açılmıyor' },
  description: {},
  start,
  steps,
});
const codes = (def: FlowDefinition) => validateFlow(def).map((i) => `${i.severity}:${i.code}:${i.stepId ?? '-'}`);

describe('validateFlow', () => {
  it('accepts a tree where every branch ends in an outcome, in all four languages', () => {
    const def = tree([
      q('power', [
        ['yes', 'check'],
        ['no', 'fixed'],
      ]),
      { id: 'check', type: 'check', text: { en: 'Plug it in', de: 'Einstecken', et: 'Ühenda', tr: 'Tak' }, expected: { en: 'LED on', de: 'LED an', et: 'LED põleb', tr: 'LED yanar' }, pass: 'fixed', fail: 'escalate' },
      outcome('fixed'),
      outcome('escalate', 'escalate', { teamId: '00000000-0000-4000-8000-000000000001' }),
    ]);
    expect(validateFlow(def)).toEqual([]);
    expect(isPublishable(validateFlow(def))).toBe(true);
  });

  it('flags a branch that leads nowhere and a question without answers as dead ends', () => {
    const def = tree([
      q('start', [
        ['a', null],
        ['b', 'empty'],
      ]),
      q('empty', []),
    ]);
    expect(codes(def)).toEqual(['error:dead_end:start', 'error:no_answers:empty']);
    expect(validateFlow(def).find((i) => i.code === 'dead_end')!.params).toEqual({ answer: 'a' });
    expect(isPublishable(validateFlow(def))).toBe(false);
  });

  it('flags an answer pointing at a step that does not exist, and an instruction with no next step', () => {
    const def = tree([q('start', [['a', 'gone']]), { id: 'restart', type: 'instruction', text: { en: 'Restart' }, next: null }], 'start');
    const issues = validateFlow(def);
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.stepId, i.params.answer])).toEqual([
      ['unknown_target', 'start', 'a'],
      ['dead_end', 'restart', 'done'],
    ]);
    expect(issues.some((i) => i.code === 'unreachable' && i.stepId === 'restart')).toBe(true);
  });

  it('finds a loop and names its path once', () => {
    const def = tree([
      q('a', [
        ['next', 'b'],
        ['done', 'end'],
      ]),
      q('b', [['again', 'c']]),
      q('c', [['back', 'a']]),
      outcome('end'),
    ]);
    const cycles = validateFlow(def).filter((i) => i.code === 'cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({ severity: 'error', stepId: 'c', params: { path: 'a → b → c → a', target: 'a' } });
  });

  it('finds a step leading to itself', () => {
    const def = tree([q('a', [['again', 'a'], ['ok', 'end']]), outcome('end')]);
    expect(codes(def)).toContain('error:cycle:a');
  });

  it('warns about unreachable steps without blocking publication', () => {
    const def = tree([q('a', [['ok', 'end']]), outcome('end'), outcome('orphan')]);
    const issues = validateFlow(def);
    expect(issues.map((i) => `${i.severity}:${i.code}:${i.stepId}`)).toEqual(['warning:unreachable:orphan']);
    expect(isPublishable(issues)).toBe(true);
  });

  it('requires a start step, unique ids and English texts (the fallback)', () => {
    const noStart = tree([outcome('end')], null);
    expect(codes(noStart)).toContain('error:no_start:-');
    expect(codes(tree([outcome('end')], 'missing'))).toContain('error:unknown_start:-');
    expect(codes(tree([outcome('end'), outcome('end')]))).toContain('error:duplicate_id:end');
    const noEnglish = tree([{ id: 'a', type: 'instruction', text: { de: 'Neu starten' }, next: 'end' }, outcome('end')]);
    expect(validateFlow(noEnglish).find((i) => i.code === 'missing_text')).toMatchObject({ severity: 'error', stepId: 'a', params: { field: 'text' } });
  });

  it('counts missing translations per language as warnings', () => {
    const def = tree([{ id: 'a', type: 'instruction', text: { en: 'Restart', de: 'Neu starten' }, next: 'end' }, outcome('end')]);
    const warnings = validateFlow(def).filter((i) => i.code === 'missing_translation');
    expect(warnings.map((w) => [w.params.language, w.params.count])).toEqual([
      ['et', 1],
      ['tr', 1],
    ]);
    expect(isPublishable(validateFlow(def))).toBe(true);
  });

  it('requires a team for escalations and an article for article outcomes', () => {
    const def = tree([q('a', [['x', 'esc'], ['y', 'art']]), outcome('esc', 'escalate'), outcome('art', 'article')]);
    expect(codes(def)).toEqual(['error:team_required:esc', 'error:article_required:art']);
  });
});
