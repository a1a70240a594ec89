import { channels, unsolvedStatuses, type SupervisorOverview, type Status } from '@switchboard/contracts';
import type { z } from 'zod';
import type { Actor, AppContext } from '../../platform/context.ts';
import { canSeeCase } from '../cases/index.ts';
import { assertSupervisorOrAdmin } from '../identity/index.ts';
import { capacityOf, presenceOf } from '../routing/index.ts';

type Overview = z.output<typeof SupervisorOverview>;
type WaitingStatus = 'new' | 'open' | 'pending' | 'on_hold';

/** Assigned in these statuses counts as "open" work; pending waits for the customer. */
const openWork: readonly Status[] = ['new', 'open', 'on_hold'];

/**
 * Live state of the teams a supervisor leads (an admin: all teams): unsolved cases by status, the
 * unassigned queue, and each member's load, last activity and the cases they have open right now.
 * Every figure is an index range scan: (team_id, status, …) for the team counts, the partial
 * unassigned index for the queue, (assignee_id, status, …) for the loads, and
 * (author_user_id, created_at) for the last activity. `viewing` comes from the presence registry;
 * presence, capacity and the routing switch from the routing module.
 */
export async function supervisorOverview(app: AppContext, actor: Actor): Promise<Overview> {
  assertSupervisorOrAdmin(actor);
  const db = app.db;
  const { rows: teams } = await db.query<{ id: string; name: string }>(
    actor.role === 'admin' ? 'select id, name from teams order by lower(name)' : 'select id, name from teams where id = any($1::uuid[]) order by lower(name)',
    actor.role === 'admin' ? [] : [actor.teamIds],
  );
  if (teams.length === 0) return { teams: [] };
  const teamIds = teams.map((t) => t.id);
  const statuses = [...unsolvedStatuses];

  const [counts, queue, members] = await Promise.all([
    db.query<{ team_id: string; status: WaitingStatus; n: number }>(
      'select team_id, status, count(*)::int as n from cases where team_id = any($1::uuid[]) and status = any($2::text[]) group by team_id, status',
      [teamIds, statuses],
    ),
    // Within the partial index of unassigned cases: no heap rows are read for the count or the oldest.
    db.query<{ team_id: string; n: number; oldest: Date | null }>(
      `select team_id, count(*)::int as n, min(created_at) as oldest from cases
       where assignee_id is null and team_id = any($1::uuid[]) and status = any($2::text[]) group by team_id`,
      [teamIds, statuses],
    ),
    db.query<{ team_id: string; id: string; name: string; role: 'agent' | 'supervisor' | 'admin'; last_activity_at: Date | null }>(
      `select tm.team_id, u.id, u.name, u.role,
         (select e.created_at from case_entries e where e.author_user_id = u.id order by e.created_at desc limit 1) as last_activity_at
       from team_members tm join users u on u.id = tm.user_id
       where tm.team_id = any($1::uuid[]) and u.active and u.role <> 'customer'
       order by lower(u.name), u.id`,
      [teamIds],
    ),
  ]);
  const memberIds = [...new Set(members.rows.map((m) => m.id))];
  const viewing = app.presence.viewing(memberIds);
  const viewedIds = [...new Set([...viewing.values()].flat())];
  const [loads, viewed, channelLoads, presence, capacity, routed] = await Promise.all([
    db.query<{ assignee_id: string; team_id: string; status: WaitingStatus; n: number }>(
      `select assignee_id, team_id, status, count(*)::int as n from cases
       where assignee_id = any($1::uuid[]) and status = any($2::text[]) and team_id = any($3::uuid[]) group by assignee_id, team_id, status`,
      [memberIds, statuses, teamIds],
    ),
    db.query<{ id: string; number: number; subject: string; team_id: string | null; assignee_id: string | null }>(
      'select id, number, subject, team_id, assignee_id from cases where id = any($1::uuid[])',
      [viewedIds],
    ),
    // Capacity is personal: an agent's open work in every team counts against it.
    db.query<{ assignee_id: string; channel: (typeof channels)[number]; n: number }>(
      'select assignee_id, channel, count(*)::int as n from cases where assignee_id = any($1::uuid[]) and status = any($2::text[]) group by assignee_id, channel',
      [memberIds, openWork],
    ),
    presenceOf(db, memberIds),
    capacityOf(db, memberIds),
    db.query<{ team_id: string }>('select team_id from routing_rules where enabled and team_id = any($1::uuid[])', [teamIds]),
  ]);
  const routingOn = new Set(routed.rows.map((r) => r.team_id));
  const loadOf = (userId: string) => {
    const caps = capacity.get(userId)!;
    const out = Object.fromEntries(channels.map((ch) => [ch, { open: 0, capacity: caps[ch] }])) as Overview['teams'][number]['agents'][number]['load'];
    for (const r of channelLoads.rows) if (r.assignee_id === userId) out[r.channel]!.open = r.n;
    return out;
  };
  // Only cases the supervisor may see themselves: the overview must not leak other teams' cases.
  const visibleCases = new Map(
    viewed.rows.filter((c) => canSeeCase(actor, { teamId: c.team_id, assigneeId: c.assignee_id })).map((c) => [c.id, { caseId: c.id, number: c.number, subject: c.subject }]),
  );
  const queues = new Map(queue.rows.map((r) => [r.team_id, r]));

  return {
    teams: teams.map((team) => {
      const waiting = { new: 0, open: 0, pending: 0, on_hold: 0 };
      for (const r of counts.rows) if (r.team_id === team.id) waiting[r.status] = r.n;
      const q = queues.get(team.id);
      const agents = members.rows
        .filter((m) => m.team_id === team.id)
        .map((m) => {
          let openAssigned = 0;
          let pendingAssigned = 0;
          for (const l of loads.rows) {
            if (l.assignee_id !== m.id || l.team_id !== team.id) continue;
            if (openWork.includes(l.status)) openAssigned += l.n;
            else pendingAssigned += l.n;
          }
          return {
            id: m.id,
            name: m.name,
            role: m.role,
            openAssigned,
            pendingAssigned,
            lastActivityAt: m.last_activity_at?.toISOString() ?? null,
            viewing: (viewing.get(m.id) ?? []).flatMap((id) => visibleCases.get(id) ?? []),
            presence: presence.get(m.id) ?? { status: 'offline' as const, reason: null, automatic: false, lastSeenAt: null, effective: 'offline' as const },
            load: loadOf(m.id),
          };
        });
      return { team, waiting, unassigned: q?.n ?? 0, oldestUnassignedAt: q?.oldest?.toISOString() ?? null, routingEnabled: routingOn.has(team.id), agents };
    }),
  };
}
