import type { z } from 'zod';
import type { RoutingRule, UpdateRoutingRuleBody } from '@switchboard/contracts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { assertVersion, notFound } from '../../platform/http/errors.ts';
import { assertAdmin, assertSupervisorOrAdmin } from '../identity/index.ts';
import { routingSweepJob } from './jobs.ts';

interface RuleRow {
  team_id: string;
  team_name: string;
  enabled: boolean | null;
  strategy: RoutingRule['strategy'] | null;
  prefer_account_owner: boolean | null;
  match_language: boolean | null;
  tag_skills: boolean | null;
  skill_field: string | null;
  version: number | null;
}

/** A team without a row has the default rule, switched off. */
const toRule = (r: RuleRow): RoutingRule => ({
  team: { id: r.team_id, name: r.team_name },
  enabled: r.enabled ?? false,
  strategy: r.strategy ?? 'least_busy',
  preferAccountOwner: r.prefer_account_owner ?? true,
  matchLanguage: r.match_language ?? true,
  tagSkills: r.tag_skills ?? true,
  skillField: r.skill_field,
  version: r.version ?? 0,
});

const ruleSelect = `select t.id as team_id, t.name as team_name, r.enabled, r.strategy, r.prefer_account_owner, r.match_language, r.tag_skills, r.skill_field, r.version
  from teams t left join routing_rules r on r.team_id = t.id`;

/** Every team's routing rule (supervisors read, admins change). */
export async function listRoutingRules(db: Queryable, actor: Actor): Promise<RoutingRule[]> {
  assertSupervisorOrAdmin(actor);
  const { rows } = await db.query<RuleRow>(`${ruleSelect} order by lower(t.name)`);
  return rows.map(toRule);
}

/**
 * Changes a team's rule (created on first change). Switching routing on offers the team's
 * waiting cases right away.
 */
export async function updateRoutingRule(app: AppContext, actor: Actor, tx: Tx, teamId: string, expectedVersion: number | undefined, input: z.output<typeof UpdateRoutingRuleBody>): Promise<RoutingRule> {
  assertAdmin(actor);
  const { rows } = await tx.query<RuleRow>(`${ruleSelect} where t.id = $1`, [teamId]);
  const cur = rows[0];
  if (!cur) throw notFound('Team');
  const before = toRule(cur);
  if (expectedVersion !== undefined) assertVersion(`The routing rule of ${cur.team_name}`, before.version, expectedVersion);
  const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as RoutingRule;
  await tx.query(
    `insert into routing_rules (team_id, enabled, strategy, prefer_account_owner, match_language, tag_skills, skill_field)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (team_id) do update set enabled = excluded.enabled, strategy = excluded.strategy, prefer_account_owner = excluded.prefer_account_owner,
       match_language = excluded.match_language, tag_skills = excluded.tag_skills, skill_field = excluded.skill_field,
       updated_at = now(), version = routing_rules.version + 1`,
    [teamId, next.enabled, next.strategy, next.preferAccountOwner, next.matchLanguage, next.tagSkills, next.skillField],
  );
  if (next.enabled && !before.enabled) await app.jobs.enqueue(tx, routingSweepJob, { teamId }, { key: `team:${teamId}` });
  const { rows: after } = await tx.query<RuleRow>(`${ruleSelect} where t.id = $1`, [teamId]);
  return toRule(after[0]!);
}
