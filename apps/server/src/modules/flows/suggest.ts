/**
 * Which flows the case side panel suggests. A case's tags say what the problem is
 * (wrong-price, billing-dispute, troubleshooting), so a tag the flow lists is the strong signal;
 * the case's team is a weaker one (Technical Support has many flows), used to rank and to
 * suggest when no tag matches. Pure, so the ranking is tested without a database.
 */
import type { PublishedFlow } from './queries.ts';

export type Reason = { kind: 'tag'; tag: string } | { kind: 'team'; team: string };

export interface Suggestion {
  flow: PublishedFlow;
  reasons: Reason[];
  score: number;
}

/** Flows matching the case by tag (2 points each) and team (1 point), best first, then by slug. */
export function suggestFlows(flows: readonly PublishedFlow[], c: { tags: readonly string[]; teamId: string | null }, limit = 3): Suggestion[] {
  const out: Suggestion[] = [];
  for (const flow of flows) {
    const reasons: Reason[] = flow.tags.filter((t) => c.tags.includes(t)).map((tag) => ({ kind: 'tag', tag }));
    if (c.teamId && flow.teamId === c.teamId) reasons.push({ kind: 'team', team: flow.teamName ?? '' });
    if (reasons.length === 0) continue;
    out.push({ flow, reasons, score: reasons.reduce((n, r) => n + (r.kind === 'tag' ? 2 : 1), 0) });
  }
  return out.sort((a, b) => b.score - a.score || a.flow.slug.localeCompare(b.flow.slug)).slice(0, limit);
}
