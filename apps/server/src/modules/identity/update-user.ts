import { forgetAuthentications } from './auth-cache.ts';
import type { z } from 'zod';
import type { UpdateProfileBody, UpdateUserBody, User } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, assertVersion, notFound } from '../../platform/http/errors.ts';
import { setTeams } from './create-user.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { assertAdmin } from './policy.ts';
import { getUser } from './queries.ts';

/** An admin changes a user's name, role, teams, language, password or deactivates them. */
export async function updateUser(
  app: AppContext,
  actor: Actor,
  tx: Tx,
  id: string,
  expectedVersion: number,
  input: z.output<typeof UpdateUserBody>,
): Promise<User> {
  assertAdmin(actor);
  const current = await tx.query<{ version: number; role: string }>('select version, role from users where id = $1 for update', [id]);
  const row = current.rows[0];
  if (!row) throw notFound('The user');
  assertVersion('The user', row.version, expectedVersion);
  if (id === actor.id && (input.active === false || (input.role && input.role !== 'admin'))) {
    throw new AppError('unprocessable', 'You cannot deactivate yourself or take away your own admin role');
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  await tx.query(
    `update users set name = coalesce($2, name), role = coalesce($3, role), active = coalesce($4, active),
       language = coalesce($5, language), time_zone = coalesce($6, time_zone), password_hash = coalesce($7, password_hash),
       updated_at = now(), version = version + 1 where id = $1`,
    [id, input.name ?? null, input.role ?? null, input.active ?? null, input.language ?? null, input.timeZone ?? null, passwordHash ?? null],
  );
  if (input.teamIds) await setTeams(tx, id, input.teamIds);
  if (input.active === false || input.password) await tx.query('delete from sessions where user_id = $1', [id]);
  forgetAuthentications(app, tx);
  await app.events.emit(tx, { type: 'user.changed', actorId: authorId(actor), audience: { teamIds: [], userIds: [], staff: true }, payload: { userId: id } });
  return getUser(tx, id);
}

/** A user changes their own name, language, time zone or password. */
export async function updateProfile(app: AppContext, actor: Actor, tx: Tx, input: z.output<typeof UpdateProfileBody>): Promise<User> {
  let passwordHash: string | null = null;
  if (input.newPassword) {
    const { rows } = await tx.query<{ password_hash: string | null }>('select password_hash from users where id = $1', [actor.id]);
    if (!(await verifyPassword(rows[0]?.password_hash ?? null, input.currentPassword ?? ''))) {
      throw new AppError('validation_failed', 'The current password is wrong', [{ field: 'body.currentPassword', message: 'is wrong' }]);
    }
    passwordHash = await hashPassword(input.newPassword);
  }
  await tx.query(
    `update users set name = coalesce($2, name), language = coalesce($3, language), time_zone = coalesce($4, time_zone),
       password_hash = coalesce($5, password_hash), updated_at = now(), version = version + 1 where id = $1`,
    [actor.id, input.name ?? null, input.language ?? null, input.timeZone ?? null, passwordHash],
  );
  forgetAuthentications(app, tx);
  await app.events.emit(tx, { type: 'user.changed', actorId: authorId(actor), audience: { teamIds: [], userIds: [], staff: true }, payload: { userId: actor.id } });
  return getUser(tx, actor.id);
}
