import type { User, Team } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  language: User['language'];
  time_zone: string;
  active: boolean;
  created_at: Date;
  version: number;
  teams: Array<{ id: string; name: string }>;
}

const userSelect = `
  select u.id, u.email, u.name, u.role, u.language, u.time_zone, u.active, u.created_at, u.version,
    coalesce((select jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name) order by t.name)
      from team_members tm join teams t on t.id = tm.team_id where tm.user_id = u.id), '[]'::jsonb) as teams
  from users u`;

const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  language: r.language,
  timeZone: r.time_zone,
  active: r.active,
  teams: r.teams,
  createdAt: r.created_at.toISOString(),
  version: r.version,
});

export async function getUser(db: Queryable, id: string): Promise<User> {
  const { rows } = await db.query<UserRow>(`${userSelect} where u.id = $1`, [id]);
  if (!rows[0]) throw notFound('The user');
  return toUser(rows[0]);
}

export async function listUsers(
  db: Queryable,
  filter: { role?: User['role'] | undefined; teamId?: string | undefined; q?: string | undefined; includeInactive?: boolean | undefined },
): Promise<User[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!filter.includeInactive) where.push('u.active');
  if (filter.role) {
    params.push(filter.role);
    where.push(`u.role = $${params.length}`);
  } else {
    where.push(`u.role <> 'customer'`);
  }
  if (filter.teamId) {
    params.push(filter.teamId);
    where.push(`exists (select 1 from team_members tm where tm.user_id = u.id and tm.team_id = $${params.length})`);
  }
  if (filter.q) {
    params.push(`%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(lower(u.name) like $${params.length} or lower(u.email) like $${params.length})`);
  }
  const { rows } = await db.query<UserRow>(
    `${userSelect} ${where.length ? `where ${where.join(' and ')}` : ''} order by u.name limit 1000`,
    params,
  );
  return rows.map(toUser);
}

interface TeamRow {
  id: string;
  name: string;
  description: string;
  version: number;
  members: Team['members'];
}

const teamSelect = `
  select t.id, t.name, t.description, t.version,
    coalesce((select jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name, 'role', u.role) order by u.name)
      from team_members tm join users u on u.id = tm.user_id where tm.team_id = t.id and u.active), '[]'::jsonb) as members
  from teams t`;

const toTeam = (r: TeamRow): Team => ({ id: r.id, name: r.name, description: r.description, members: r.members, version: r.version });

export async function listTeams(db: Queryable): Promise<Team[]> {
  const { rows } = await db.query<TeamRow>(`${teamSelect} order by t.name`);
  return rows.map(toTeam);
}

export async function getTeam(db: Queryable, id: string): Promise<Team> {
  const { rows } = await db.query<TeamRow>(`${teamSelect} where t.id = $1`, [id]);
  if (!rows[0]) throw notFound('The team');
  return toTeam(rows[0]);
}
