import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { defineJob } from '../../platform/jobs/index.ts';
import { z } from 'zod';
import { matchingCases } from './candidates.ts';
import { activeRuleSelect, toRule, type RuleRow } from './queries.ts';
import { actSafely } from './run-triggers.ts';

/** Cases one time rule acts on per run; the rest wait for the next minute (keeps each run short). */
export const TIME_RULE_BATCH = 100;

/**
 * Evaluates every enabled time rule against current cases and acts on those it holds for, once
 * per case and occurrence (the firing's unique key): "close 4 days after solved" closes a case
 * once, and again only if it is solved again later.
 */
export async function runTimeRules(app: AppContext, tx: Tx, now = new Date()): Promise<number> {
  const { rows } = await tx.query<RuleRow>(`${activeRuleSelect} where r.enabled and r.kind = 'time' order by r.position, r.created_at`);
  let fired = 0;
  for (const row of rows) {
    const rule = toRule(row);
    const { matches } = await matchingCases(tx, rule, { kind: 'time', ruleId: rule.id, scan: TIME_RULE_BATCH * 5 }, now);
    for (const { snapshot, occurrence } of matches.slice(0, TIME_RULE_BATCH)) {
      // Claim the occurrence first: a second scheduler racing us inserts nothing and moves on.
      const claim = await tx.query<{ id: string }>(
        `insert into automation_firings (rule_id, case_id, occurrence, acted) values ($1, $2, $3, false) on conflict do nothing returning id`,
        [rule.id, snapshot.id, occurrence],
      );
      if (!claim.rows[0]) continue;
      await tx.query('select 1 from cases where id = $1 for update', [snapshot.id]);
      if (!(await actSafely(app, tx, rule, snapshot))) continue;
      await tx.query('update automation_firings set acted = true where id = $1', [claim.rows[0].id]);
      fired += 1;
    }
  }
  // Keep the loop-guard records short-lived: a day is far beyond any event's processing.
  await tx.query(`delete from automation_caused_events where created_at < now() - interval '1 day'`);
  return fired;
}

export const runTimeRulesJob = defineJob({
  name: 'automation.time_rules',
  payload: z.object({}).passthrough(),
  cron: '* * * * *',
  maxAttempts: 3,
  runInTransaction: async (tx, _payload, run) => {
    await runTimeRules(run.ctx, tx);
  },
});
