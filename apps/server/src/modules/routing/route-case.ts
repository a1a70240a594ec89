import type { RoutingExplanation } from '@switchboard/contracts';
import { systemActor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { updateCase } from '../cases/index.ts';
import { chooseAgent, type Candidate, type RoutingNeeds } from './choose-agent.ts';
import { defaultCapacity, liveSql, type Channel } from './settings.ts';

/** Case statuses routing offers to agents: waiting for someone to take them. */
const routable = ['new', 'open'];
/** What counts against capacity: the agent's open work (pending waits for the customer). */
const loadStatuses = ['new', 'open', 'on_hold'];

interface RuleRow {
  strategy: 'least_busy' | 'round_robin';
  prefer_account_owner: boolean;
  match_language: boolean;
  tag_skills: boolean;
  skill_field: string | null;
}

interface CaseRow {
  id: string;
  number: number;
  team_id: string | null;
  assignee_id: string | null;
  status: string;
  channel: Channel;
  tags: string[];
  custom_fields: Record<string, unknown>;
  merged_into_id: string | null;
  account_owner_id: string | null;
  preferred_language: RoutingExplanation['language'];
}

const lockKey = (what: string) => `switchboard.routing.${what}`;

async function loadCase(tx: Tx, caseId: string): Promise<CaseRow | undefined> {
  const { rows } = await tx.query<CaseRow>(
    `select c.id, c.number, c.team_id, c.assignee_id, c.status, c.channel, c.tags, c.custom_fields, c.merged_into_id,
       r.account_owner_id, r.preferred_language
     from cases c join customers r on r.id = c.requester_id where c.id = $1 for update of c`,
    [caseId],
  );
  return rows[0];
}

/** The skills the case asks for under the team's rule. */
async function needsOf(tx: Tx, c: CaseRow, rule: RuleRow): Promise<RoutingNeeds> {
  const wanted = new Set<string>();
  if (rule.skill_field) {
    const v = c.custom_fields[rule.skill_field];
    if (typeof v === 'string' && v.trim()) wanted.add(v.trim().toLowerCase());
  }
  if (rule.tag_skills && c.tags.length > 0) {
    // Only tags that name a skill somebody has count: "vip" or "urgent" are not skills.
    const { rows } = await tx.query<{ name: string }>(`select distinct name from agent_skills where kind in ('product', 'certification') and name = any($1::text[])`, [c.tags]);
    for (const r of rows) wanted.add(r.name);
  }
  return { channel: c.channel, accountOwnerId: c.account_owner_id, language: rule.match_language ? c.preferred_language : null, skills: [...wanted].sort() };
}

async function candidatesOf(tx: Tx, teamId: string, channel: Channel): Promise<Candidate[]> {
  const { rows } = await tx.query<{ id: string; name: string; available: boolean; capacity: number | null; load: number; skills: string[]; last_routed_at: Date | null }>(
    `select u.id, u.name, (p.status = 'online' and ${liveSql}) as available, cap.max_open as capacity,
       (select count(*)::int from cases w where w.assignee_id = u.id and w.channel = $2 and w.status = any($3::text[])) as load,
       coalesce((select array_agg(s.kind || ':' || s.name) from agent_skills s where s.user_id = u.id), '{}') as skills,
       rr.last_routed_at
     from team_members tm
     join users u on u.id = tm.user_id
     left join agent_presence p on p.user_id = u.id
     left join agent_capacity cap on cap.user_id = u.id and cap.channel = $2
     left join routing_rotation rr on rr.team_id = tm.team_id and rr.user_id = u.id
     where tm.team_id = $1 and u.active and u.role = 'agent'`,
    [teamId, channel, loadStatuses],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    available: r.available === true,
    capacity: r.capacity ?? defaultCapacity[channel],
    load: r.load,
    skills: new Set(r.skills),
    lastRoutedAt: r.last_routed_at?.getTime() ?? null,
  }));
}

/** Writes the explanation as a `routing` change on the timeline (rendered localized by the app). */
async function explain(app: AppContext, tx: Tx, c: CaseRow, explanation: RoutingExplanation, announce: boolean): Promise<void> {
  const changes = [{ field: 'routing', from: null, to: explanation }];
  const { rows } = await tx.query<{ id: number; created_at: Date }>(
    `insert into case_entries (case_id, kind, author_user_id, changes) values ($1, 'change', null, $2::jsonb) returning id::int, created_at`,
    [c.id, JSON.stringify(changes)],
  );
  if (!announce) return;
  // A queued case changed nowhere else: tell open timelines there is something new to show.
  const entry = { id: rows[0]!.id, caseId: c.id, kind: 'change', author: { type: 'system', id: null, name: 'Switchboard' }, recordedBy: null, channel: null, direction: null, body: '', changes, attachments: [], createdAt: rows[0]!.created_at.toISOString() };
  await app.events.emit(tx, {
    type: 'case.entry_added',
    actorId: null,
    audience: { teamIds: c.team_id ? [c.team_id] : [], userIds: [], triage: c.team_id === null },
    payload: { caseId: c.id, number: c.number, internal: true, entry, statusChanged: null },
  });
}

export interface RouteOptions {
  /** Write "waiting in the queue" on the timeline when nobody is available (first attempt only, not on sweeps). */
  explainQueued: boolean;
  /** Not to this agent: they just gave the case back (unassigned themselves or were unassigned). */
  exclude?: string | null;
}

/**
 * Offers one unassigned case of a team with an enabled rule to the best agent, inside the
 * caller's transaction. Decisions of a team are serialized by a transaction-scoped advisory
 * lock, and the chosen agent's load is recounted under a second lock on that agent (agents can be
 * in several teams), so two cases never overfill one agent. Assigns through `updateCase` as the
 * system (change entry, notification to the assignee, `case.updated` for live inboxes) and
 * records why. Returns the decision, or null when the case is not for routing.
 */
export async function routeCase(app: AppContext, tx: Tx, caseId: string, options: RouteOptions): Promise<RoutingExplanation | null> {
  const { rows: peek } = await tx.query<{ team_id: string | null }>('select team_id from cases where id = $1', [caseId]);
  const teamId = peek[0]?.team_id;
  if (!teamId) return null;
  const { rows: rules } = await tx.query<RuleRow>('select strategy, prefer_account_owner, match_language, tag_skills, skill_field from routing_rules where team_id = $1 and enabled', [teamId]);
  const rule = rules[0];
  if (!rule) return null;
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [lockKey(`team:${teamId}`)]);
  const c = await loadCase(tx, caseId);
  if (!c || c.team_id !== teamId || c.assignee_id || c.merged_into_id || !routable.includes(c.status)) return null;

  const needs = await needsOf(tx, c, rule);
  const candidates = (await candidatesOf(tx, teamId, c.channel)).filter((x) => x.id !== options.exclude);
  const policy = { strategy: rule.strategy, preferAccountOwner: rule.prefer_account_owner };
  for (;;) {
    const decision = chooseAgent(candidates, needs, policy);
    if (decision.outcome === 'queued' || !decision.assignee) {
      if (options.explainQueued) await explain(app, tx, c, decision, true);
      return decision;
    }
    const chosen = candidates.find((x) => x.id === decision.assignee!.id)!;
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [lockKey(`agent:${chosen.id}`)]);
    const { rows: recount } = await tx.query<{ n: number }>('select count(*)::int as n from cases where assignee_id = $1 and channel = $2 and status = any($3::text[])', [chosen.id, c.channel, loadStatuses]);
    const load = recount[0]!.n;
    if (load !== chosen.load) {
      // Another team's decision gave them a case meanwhile: decide again with the true load.
      chosen.load = load;
      continue;
    }
    await updateCase(app, systemActor, tx, c.id, 'current', { assigneeId: chosen.id });
    await tx.query(
      `insert into routing_rotation (team_id, user_id, last_routed_at) values ($1, $2, clock_timestamp())
       on conflict (team_id, user_id) do update set last_routed_at = excluded.last_routed_at`,
      [teamId, chosen.id],
    );
    await explain(app, tx, c, decision, false);
    return decision;
  }
}

/** How many waiting cases a sweep offers per team per run: keeps one transaction short. */
export const SWEEP_BATCH = 50;

/**
 * Offers a team's waiting cases, oldest first, after an agent became available or capacity was
 * freed (and every minute, for changes nobody announced, like an agent's heartbeat expiring).
 */
export async function sweepTeam(app: AppContext, tx: Tx, teamId: string): Promise<number> {
  const { rows } = await tx.query<{ id: string }>(
    `select c.id from cases c join routing_rules r on r.team_id = c.team_id and r.enabled
     where c.team_id = $1 and c.assignee_id is null and c.status = any($2::text[]) and c.merged_into_id is null
     order by c.created_at, c.id limit ${SWEEP_BATCH}`,
    [teamId, routable],
  );
  let assigned = 0;
  for (const r of rows) {
    const d = await routeCase(app, tx, r.id, { explainQueued: false });
    if (d?.outcome === 'assigned') assigned += 1;
  }
  return assigned;
}
