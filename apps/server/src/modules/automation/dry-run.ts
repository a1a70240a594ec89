import type { z } from 'zod';
import type { DryRunBody, DryRunResult } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { matchingCases } from './candidates.ts';
import { assertMayManageAutomation } from './policy.ts';
import { getRule } from './queries.ts';

/** Cases listed at most; `count` still counts all matches among those scanned. */
export const DRY_RUN_LIMIT = 100;
/** Cases looked at at most (the newest changed of those the SQL narrowing lets through). */
export const DRY_RUN_SCAN = 5000;

/**
 * Which current cases a rule would act on right now, changing nothing. For a time rule that
 * leaves out cases it already acted on for their current occurrence; for a trigger it answers
 * "if the event happened to each case now" (conditions on what the event changed do not hold).
 */
export async function dryRun(db: Queryable, actor: Actor, input: z.output<typeof DryRunBody>, now = new Date()): Promise<DryRunResult> {
  assertMayManageAutomation(actor);
  const saved = input.ruleId ? await getRule(db, input.ruleId) : undefined;
  const rule = saved ?? input.rule!;
  const { matches, scanned } = await matchingCases(db, rule, { kind: rule.kind, ruleId: rule.kind === 'time' ? saved?.id : undefined, scan: DRY_RUN_SCAN }, now);
  return {
    items: matches.slice(0, DRY_RUN_LIMIT).map(({ snapshot: s }) => ({
      id: s.id,
      number: s.number,
      subject: s.subject,
      status: s.status as DryRunResult['items'][number]['status'],
      priority: s.facts.priority as DryRunResult['items'][number]['priority'],
      updatedAt: s.facts.updatedAt.toISOString(),
    })),
    count: matches.length,
    scanned,
    limit: DRY_RUN_LIMIT,
  };
}
