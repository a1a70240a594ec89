import type { z } from 'zod';
import type { AgentRouting, Presence, SetPresenceBody, UpdateAgentRoutingBody } from '@switchboard/contracts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { assertAdmin } from '../identity/index.ts';
import { routingSweepJob } from './jobs.ts';
import { defaultCapacity, liveSql, toPresence, type Channel, type PresenceRow } from './settings.ts';

/** Presence of many users at once (missing: offline). */
export async function presenceOf(db: Queryable, userIds: readonly string[]): Promise<Map<string, Presence>> {
  const { rows } = await db.query<PresenceRow & { user_id: string }>(
    `select p.user_id, p.status, p.reason, p.automatic, p.last_seen_at, ${liveSql} as live from agent_presence p where p.user_id = any($1::uuid[])`,
    [userIds],
  );
  return new Map(rows.map((r) => [r.user_id, toPresence(r)]));
}

/** Capacity per channel of many users, defaults filled in. */
export async function capacityOf(db: Queryable, userIds: readonly string[]): Promise<Map<string, Record<Channel, number>>> {
  const { rows } = await db.query<{ user_id: string; channel: Channel; max_open: number }>('select user_id, channel, max_open from agent_capacity where user_id = any($1::uuid[])', [userIds]);
  const out = new Map<string, Record<Channel, number>>(userIds.map((id) => [id, { ...defaultCapacity }]));
  for (const r of rows) out.get(r.user_id)![r.channel] = r.max_open;
  return out;
}

/** Every active staff member's skills, capacity and presence (admin screen). */
export async function listAgentRouting(db: Queryable, actor: Actor): Promise<AgentRouting[]> {
  assertAdmin(actor);
  const { rows } = await db.query<{ id: string; name: string; role: AgentRouting['role']; skills: Array<{ kind: 'product' | 'language' | 'certification'; name: string }> | null }>(
    `select u.id, u.name, u.role,
       (select json_agg(json_build_object('kind', s.kind, 'name', s.name) order by s.kind, s.name) from agent_skills s where s.user_id = u.id) as skills
     from users u where u.active and u.role <> 'customer' order by lower(u.name), u.id`,
  );
  const ids = rows.map((r) => r.id);
  const [presence, capacity] = await Promise.all([presenceOf(db, ids), capacityOf(db, ids)]);
  return rows.map((r) => ({
    user: { id: r.id, name: r.name },
    role: r.role,
    skills: r.skills ?? [],
    capacity: capacity.get(r.id)!,
    presence: presence.get(r.id) ?? toPresence(undefined),
  }));
}

/** Replaces an agent's skills and/or sets capacities (admins). */
export async function updateAgentRouting(db: Queryable, actor: Actor, tx: Tx, userId: string, input: z.output<typeof UpdateAgentRoutingBody>): Promise<AgentRouting> {
  assertAdmin(actor);
  const { rows } = await tx.query('select 1 from users where id = $1 and active and role <> $2', [userId, 'customer']);
  if (rows.length === 0) throw notFound('Agent');
  if (input.skills) {
    await tx.query('delete from agent_skills where user_id = $1', [userId]);
    const unique = [...new Map(input.skills.map((s) => [`${s.kind}:${s.name}`, s])).values()];
    if (unique.length > 0) {
      await tx.query('insert into agent_skills (user_id, kind, name) select $1, k, n from unnest($2::text[], $3::text[]) as s(k, n)', [userId, unique.map((s) => s.kind), unique.map((s) => s.name)]);
    }
  }
  for (const [channel, max] of Object.entries(input.capacity ?? {})) {
    await tx.query('insert into agent_capacity (user_id, channel, max_open) values ($1, $2, $3) on conflict (user_id, channel) do update set max_open = excluded.max_open', [userId, channel, max]);
  }
  const all = await listAgentRouting(tx, actor);
  return all.find((a) => a.user.id === userId)!;
}

/** The signed-in agent's own presence. */
export async function myPresence(db: Queryable, actor: Actor): Promise<Presence> {
  return (await presenceOf(db, [actor.id])).get(actor.id) ?? toPresence(undefined);
}

/**
 * Tells the agent's teams (supervisors' overviews) and offers waiting cases when the agent became
 * available to routing: coming online, or the app being heard from again after the grace period.
 */
async function announce(app: AppContext, tx: Tx, actor: Actor, presence: Presence, becameAvailable: boolean): Promise<void> {
  await app.events.emit(tx, {
    type: 'agent.presence_changed',
    actorId: actor.id,
    audience: { teamIds: [...actor.teamIds], userIds: [actor.id] },
    payload: { userId: actor.id, presence },
  });
  if (!becameAvailable) return;
  for (const teamId of actor.teamIds) await app.jobs.enqueue(tx, routingSweepJob, { teamId }, { key: `team:${teamId}` });
}

/**
 * Sets the agent's chosen status. An automatic away (the app saw no input for a while) only
 * replaces "online": it never overrides a break or an "offline" the agent chose.
 */
export async function setPresence(app: AppContext, actor: Actor, tx: Tx, input: z.output<typeof SetPresenceBody>): Promise<Presence> {
  if (actor.role === 'customer') throw new AppError('forbidden', 'Only staff have a presence');
  const before = await myPresence(tx, actor);
  const automatic = input.automatic === true;
  if (automatic && (input.status !== 'away' || before.status !== 'online')) return before;
  const reason = input.status === 'online' ? null : (input.reason ?? (automatic ? 'inactive' : null));
  await tx.query(
    `insert into agent_presence (user_id, status, reason, automatic, last_seen_at, changed_at) values ($1, $2, $3, $4, now(), now())
     on conflict (user_id) do update set status = excluded.status, reason = excluded.reason, automatic = excluded.automatic,
       last_seen_at = case when excluded.status = 'offline' then agent_presence.last_seen_at else now() end, changed_at = now()`,
    [actor.id, input.status, reason, automatic],
  );
  const after = await myPresence(tx, actor);
  if (after.status !== before.status || after.reason !== before.reason || after.effective !== before.effective) {
    await announce(app, tx, actor, after, after.effective === 'online' && before.effective !== 'online');
  }
  return after;
}

/** The app is open: keeps "online" alive across instances without a socket registry. */
export async function heartbeat(app: AppContext, actor: Actor, tx: Tx): Promise<Presence> {
  if (actor.role === 'customer') throw new AppError('forbidden', 'Only staff have a presence');
  const before = await myPresence(tx, actor);
  // The first time an agent opens the app they are online; afterwards their own choice stands.
  await tx.query(
    `insert into agent_presence (user_id, status, last_seen_at) values ($1, 'online', now())
     on conflict (user_id) do update set last_seen_at = now()`,
    [actor.id],
  );
  const after = await myPresence(tx, actor);
  if (after.effective !== before.effective) await announce(app, tx, actor, after, after.effective === 'online');
  return after;
}
