import { forgetAuthentications } from './auth-cache.ts';
import type { FastifyRequest } from 'fastify';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { hashPassword } from './passwords.ts';
import { assertAdmin } from './policy.ts';
import { startSession, type NewSession } from './sessions.ts';
import { newSecret, sha256 } from './tokens.ts';

const VALID_DAYS = 7;

/** Where users open the link: PUBLIC_URL, else the address the server listens on. */
function inviteUrlOf(app: AppContext, token: string): string {
  const base = (app.config.PUBLIC_URL ?? `http://${app.config.HOST}:${app.config.PORT}`).replace(/\/+$/, '');
  return `${base}/invite/${token}`;
}

/**
 * Writes a new one-time invitation for a user (only its SHA-256 is stored) and voids the user's
 * earlier unused ones. The caller has checked the actor may.
 */
export async function createInvitation(app: AppContext, actor: Actor, tx: Tx, userId: string): Promise<{ inviteUrl: string; expiresAt: string }> {
  const { secret, hash } = newSecret('');
  await tx.query('delete from invitations where user_id = $1 and used_at is null', [userId]);
  const { rows } = await tx.query<{ expires_at: Date }>(
    `insert into invitations (user_id, token_hash, created_by_id, expires_at) values ($1, $2, $3, now() + make_interval(days => $4))
     returning expires_at`,
    [userId, hash, authorId(actor), VALID_DAYS],
  );
  return { inviteUrl: inviteUrlOf(app, secret), expiresAt: rows[0]!.expires_at.toISOString() };
}

/** An admin (re-)issues the invitation link of an active user, e.g. when the first one expired. */
export async function issueInvitation(app: AppContext, actor: Actor, tx: Tx, userId: string): Promise<{ inviteUrl: string; expiresAt: string }> {
  assertAdmin(actor);
  const { rows } = await tx.query<{ active: boolean }>('select active from users where id = $1 for update', [userId]);
  if (!rows[0]) throw notFound('The user');
  if (!rows[0].active) throw new AppError('unprocessable', 'The user is deactivated; activate them before inviting them');
  return createInvitation(app, actor, tx, userId);
}

const openInvitation = `
  select i.id, i.user_id, u.email, u.name from invitations i join users u on u.id = i.user_id
  where i.token_hash = $1 and i.used_at is null and i.expires_at > now() and u.active`;

interface OpenInvitation {
  id: string;
  user_id: string;
  email: string;
  name: string;
}

/** Who an invitation is for; unknown, expired and used links are all "not found". */
export async function findInvitation(db: Queryable, token: string): Promise<{ email: string; name: string }> {
  const { rows } = await db.query<OpenInvitation>(openInvitation, [sha256(token)]);
  if (!rows[0]) throw notFound('The invitation (it may have expired or been used already)');
  return { email: rows[0].email, name: rows[0].name };
}

/**
 * Accepts an invitation: sets the user's password (argon2id), uses the link up, ends any other
 * session of the user and signs them in, as /auth/login would.
 */
export async function acceptInvitation(app: AppContext, tx: Tx, req: FastifyRequest, token: string, password: string): Promise<NewSession> {
  const { rows } = await tx.query<OpenInvitation>(`${openInvitation} for update of i`, [sha256(token)]);
  const invitation = rows[0];
  if (!invitation) throw notFound('The invitation (it may have expired or been used already)');
  const passwordHash = await hashPassword(password);
  await tx.query('update users set password_hash = $2, updated_at = now(), version = version + 1 where id = $1', [invitation.user_id, passwordHash]);
  await tx.query('update invitations set used_at = now() where id = $1', [invitation.id]);
  await tx.query('delete from invitations where user_id = $1 and used_at is null', [invitation.user_id]);
  await tx.query('delete from sessions where user_id = $1', [invitation.user_id]);
  const session = await startSession(app, tx, req, invitation.user_id);
  forgetAuthentications(app, tx);
  await app.events.emit(tx, { type: 'user.changed', actorId: invitation.user_id, audience: { teamIds: [], userIds: [], staff: true }, payload: { userId: invitation.user_id } });
  return session;
}
