import { describe, expect, it } from 'vitest';
import { outcomeChanges } from './apply-outcome.ts';
import type { PublishedFlow } from './queries.ts';
import { checkHelpForm } from './self-service/request-help.ts';
import { selfServiceStrings } from './self-service/strings.ts';
import { suggestFlows } from './suggest.ts';

const flow = (slug: string, tags: string[], teamId: string | null): PublishedFlow => ({
  id: slug,
  slug,
  tags,
  teamId,
  teamName: teamId ? `Team ${teamId}` : null,
  public: true,
  version: 1,
  definition: { title: { en: slug }, description: {}, start: null, steps: [] },
});

describe('outcomeChanges', () => {
  const c = { status: 'open' as const, tags: ['vip'], team: { id: 'support', name: 'Support' } };
  it('solves on "resolved", adds the kind’s and the outcome’s tags once, and transfers without an assignee', () => {
    expect(outcomeChanges({ kind: 'resolved', tags: ['fixed'] }, c).changes).toEqual({ status: 'solved', tags: ['vip', 'fixed'] });
    expect(outcomeChanges({ kind: 'refund', tags: ['vip', 'refund-request'], teamId: 'returns' }, c)).toEqual({
      changes: { tags: ['vip', 'refund-request'], teamId: 'returns', assigneeId: null },
      status: null,
      tagsAdded: ['refund-request'],
      teamId: 'returns',
    });
    // Already on the team: no transfer; a named status wins over the kind's.
    expect(outcomeChanges({ kind: 'escalate', tags: [], teamId: 'support', status: 'pending' }, c).changes).toEqual({ status: 'pending' });
    expect(outcomeChanges({ kind: 'resolved', tags: [] }, c, { applyStatus: false }).changes).toEqual({});
  });
});

describe('suggestFlows', () => {
  it('ranks tag matches over the team, and suggests by team alone when no tag matches', () => {
    const flows = [flow('device', ['troubleshooting'], 'tech'), flow('price', ['wrong-price'], 'billing'), flow('billing', ['billing-dispute', 'invoice'], 'billing')];
    const s = suggestFlows(flows, { tags: ['invoice', 'billing-dispute'], teamId: 'billing' });
    expect(s.map((x) => [x.flow.slug, x.score])).toEqual([
      ['billing', 5],
      ['price', 1],
    ]);
    expect(s[0]!.reasons).toEqual([
      { kind: 'tag', tag: 'billing-dispute' },
      { kind: 'tag', tag: 'invoice' },
      { kind: 'team', team: 'Team billing' },
    ]);
    expect(suggestFlows(flows, { tags: [], teamId: null })).toEqual([]);
  });
});

describe('self-service request form', () => {
  it('asks for a name, a valid email and, for appointments, a time that is not past', () => {
    const now = new Date('2026-12-05T12:00:00Z');
    const fields = (form: Partial<Parameters<typeof checkHelpForm>[0]>, time = false) =>
      checkHelpForm({ name: 'Ada', email: 'ada@example.com', message: '', wishedAt: '', ...form }, 'en', time, now).map((e) => e.field);
    expect(fields({})).toEqual([]);
    expect(fields({ name: ' ', email: 'nope' })).toEqual(['name', 'email']);
    expect(fields({}, true)).toEqual(['wishedAt']);
    expect(fields({ wishedAt: '2026-12-01T10:00' }, true)).toEqual(['wishedAt']);
    expect(fields({ wishedAt: '2026-12-06T10:00' }, true)).toEqual([]);
    expect(checkHelpForm({ name: '', email: 'x', message: '', wishedAt: '' }, 'tr', false, now)[0]!.message).toBe('Lütfen adınızı girin.');
  });

  it('has every page string in all four languages', () => {
    const keys = Object.keys(selfServiceStrings.en).sort();
    for (const lang of ['de', 'et', 'tr'] as const) expect(Object.keys(selfServiceStrings[lang]).sort()).toEqual(keys);
  });
});
