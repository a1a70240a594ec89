import { forgetAuthentications } from './auth-cache.ts';
import type { z } from 'zod';
import type { CreateTeamBody, Team, UpdateTeamBody } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, assertVersion, notFound } from '../../platform/http/errors.ts';
import { assertAdmin } from './policy.ts';
import { getTeam } from './queries.ts';

async function setMembers(tx: Tx, teamId: string, memberIds: readonly string[]): Promise<void> {
  const unique = [...new Set(memberIds)];
  if (unique.length > 0) {
    const { rows } = await tx.query<{ id: string }>(`select id from users where id = any($1::uuid[]) and role <> 'customer'`, [unique]);
    const found = new Set(rows.map((r) => r.id));
    const missing = unique.findIndex((u) => !found.has(u));
    if (missing >= 0) throw new AppError('validation_failed', 'No such staff user', [{ field: `body.memberIds.${missing}`, message: 'no such staff user' }]);
  }
  await tx.query('delete from team_members where team_id = $1', [teamId]);
  if (unique.length > 0) await tx.query('insert into team_members (team_id, user_id) select $1, unnest($2::uuid[])', [teamId, unique]);
}

const teamEvent = (app: AppContext, tx: Tx, actor: Actor, teamId: string) => {
  forgetAuthentications(app, tx); // an actor carries its teams
  return app.events.emit(tx, { type: 'team.changed', actorId: authorId(actor), audience: { teamIds: [], userIds: [], staff: true }, payload: { teamId } });
};

/** Creates a team (department) with its members. */
export async function createTeam(app: AppContext, actor: Actor, tx: Tx, input: z.output<typeof CreateTeamBody>): Promise<Team> {
  assertAdmin(actor);
  const { rows } = await tx.query<{ id: string }>('insert into teams (name, description) values ($1, $2) returning id', [input.name, input.description]);
  const id = rows[0]!.id;
  await setMembers(tx, id, input.memberIds);
  await teamEvent(app, tx, actor, id);
  return getTeam(tx, id);
}

/** Renames a team or replaces its members. */
export async function updateTeam(
  app: AppContext,
  actor: Actor,
  tx: Tx,
  id: string,
  expectedVersion: number,
  input: z.output<typeof UpdateTeamBody>,
): Promise<Team> {
  assertAdmin(actor);
  const { rows } = await tx.query<{ version: number }>('select version from teams where id = $1 for update', [id]);
  if (!rows[0]) throw notFound('The team');
  assertVersion('The team', rows[0].version, expectedVersion);
  await tx.query(
    'update teams set name = coalesce($2, name), description = coalesce($3, description), updated_at = now(), version = version + 1 where id = $1',
    [id, input.name ?? null, input.description ?? null],
  );
  if (input.memberIds) await setMembers(tx, id, input.memberIds);
  await teamEvent(app, tx, actor, id);
  return getTeam(tx, id);
}
