import { forgetAuthentications } from './auth-cache.ts';
import type { z } from 'zod';
import type { CreateUserBody, User } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { createInvitation } from './invitations.ts';
import { hashPassword } from './passwords.ts';
import { assertAdmin } from './policy.ts';
import { getUser } from './queries.ts';

export type CreateUserInput = z.output<typeof CreateUserBody>;

/**
 * Creates a user (staff or a customer's login) and puts them in teams. Without a password the user
 * gets a one-time invitation link (`inviteUrl`) to choose one.
 */
export async function createUser(app: AppContext, actor: Actor, tx: Tx, input: CreateUserInput): Promise<User & { inviteUrl: string | null }> {
  assertAdmin(actor);
  if (input.role === 'customer' && input.teamIds.length > 0) {
    throw new AppError('validation_failed', 'customers are not members of teams', [{ field: 'body.teamIds', message: 'must be empty for customers' }]);
  }
  const existing = await tx.query('select 1 from users where lower(email) = lower($1)', [input.email]);
  if (existing.rowCount > 0) {
    throw new AppError('conflict', `A user with the email ${input.email} exists already`, [{ field: 'body.email', message: 'is taken' }]);
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const { rows } = await tx.query<{ id: string }>(
    `insert into users (email, name, role, password_hash, language, time_zone) values ($1, $2, $3, $4, $5, $6) returning id`,
    [input.email, input.name, input.role, passwordHash, input.language, input.timeZone],
  );
  const id = rows[0]!.id;
  await setTeams(tx, id, input.teamIds);
  const invitation = passwordHash ? null : await createInvitation(app, actor, tx, id);
  forgetAuthentications(app, tx);
  await app.events.emit(tx, { type: 'user.changed', actorId: authorId(actor), audience: { teamIds: [], userIds: [], staff: true }, payload: { userId: id } });
  return { ...(await getUser(tx, id)), inviteUrl: invitation?.inviteUrl ?? null };
}

/** Replaces a user's team memberships; every team must exist. */
export async function setTeams(tx: Tx, userId: string, teamIds: readonly string[]): Promise<void> {
  const unique = [...new Set(teamIds)];
  if (unique.length > 0) {
    const { rows } = await tx.query<{ id: string }>('select id from teams where id = any($1::uuid[])', [unique]);
    const found = new Set(rows.map((r) => r.id));
    const missing = unique.findIndex((t) => !found.has(t));
    if (missing >= 0) throw new AppError('validation_failed', 'No such team', [{ field: `body.teamIds.${missing}`, message: 'no such team' }]);
  }
  await tx.query('delete from team_members where user_id = $1', [userId]);
  if (unique.length > 0) {
    await tx.query('insert into team_members (team_id, user_id) select unnest($1::uuid[]), $2', [unique, userId]);
  }
}
