import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Authentication } from '../../platform/http/server.ts';
import { authCacheOf, forgetAuthentications } from './auth-cache.ts';
import { verifyPassword } from './passwords.ts';
import { newSecret, sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'sb_session';

interface ActorRow {
  id: string;
  role: Actor['role'];
  name: string;
  email: string;
  language: string;
  team_ids: string[];
  csrf_token?: string;
  token_id?: string;
  last_used_at?: Date | null;
}

const actorColumns = `u.id, u.role, u.name, u.email, u.language,
  coalesce((select array_agg(tm.team_id) from team_members tm where tm.user_id = u.id), '{}') as team_ids`;

const toActor = (r: ActorRow, via: Actor['via']): Actor => ({
  id: r.id,
  role: r.role,
  name: r.name,
  email: r.email,
  language: r.language,
  teamIds: r.team_ids,
  via,
});

/** Loads the actor for a user id (CLI, tests, realtime refresh). */
export async function actorFor(db: Queryable, userId: string, via: Actor['via'] = 'system'): Promise<Actor | null> {
  const { rows } = await db.query<ActorRow>(`select ${actorColumns} from users u where u.id = $1 and u.active`, [userId]);
  return rows[0] ? toActor(rows[0], via) : null;
}

/** Resolves a request's actor from `Authorization: Bearer` or the session cookie. */
export function makeAuthenticator(app: AppContext) {
  const touched = new Map<string, number>();
  const cache = authCacheOf(app);
  return async function authenticate(req: FastifyRequest): Promise<Authentication | null> {
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new AppError('unauthenticated', 'Authorization must be "Bearer <token>"');
      const key = `token:${sha256(m[1]!)}`;
      const known = cache.get(key);
      if (known) return known;
      const { rows } = await app.db.query<ActorRow>(
        `select ${actorColumns}, t.id as token_id from api_tokens t join users u on u.id = t.user_id
         where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and u.active`,
        [sha256(m[1]!)],
        { prepare: true },
      );
      const row = rows[0];
      if (!row) throw new AppError('unauthenticated', 'The API token is unknown, revoked or expired');
      const last = touched.get(row.token_id!) ?? 0;
      if (Date.now() - last > 60_000) {
        touched.set(row.token_id!, Date.now());
        await app.db.query('update api_tokens set last_used_at = now() where id = $1', [row.token_id]);
      }
      const auth = { actor: toActor(row, 'token') };
      cache.set(key, auth);
      return auth;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return null;
    const key = `session:${sha256(cookie)}`;
    const known = cache.get(key);
    if (known) return known;
    const { rows } = await app.db.query<ActorRow>(
      `select ${actorColumns}, s.csrf_token from sessions s join users u on u.id = s.user_id
       where s.id = $1 and s.expires_at > now() and u.active`,
      [sha256(cookie)],
      { prepare: true },
    );
    const row = rows[0];
    if (!row) return null;
    const auth = { actor: toActor(row, 'session'), csrfToken: row.csrf_token! };
    cache.set(key, auth);
    return auth;
  };
}

/**
 * Checks a password with rate limiting: too many failures for one email, or from one address,
 * within the window are refused before the password is even looked at.
 */
export async function signIn(
  app: AppContext,
  req: FastifyRequest,
  email: string,
  password: string,
): Promise<NewSession> {
  const { LOGIN_MAX_FAILURES: max, LOGIN_WINDOW_MINUTES: minutes } = app.config;
  const normalized = email.trim().toLowerCase();
  const ip = req.ip;
  const { rows: counts } = await app.db.query<{ by_email: number; by_ip: number }>(
    `select
       (select count(*) from login_attempts a where lower(a.email) = $1 and not a.success and a.at > now() - make_interval(mins => $3)
          and a.at > coalesce((select max(b.at) from login_attempts b where lower(b.email) = $1 and b.success), '-infinity')) as by_email,
       (select count(*) from login_attempts a where a.ip = $2 and not a.success and a.at > now() - make_interval(mins => $3)) as by_ip`,
    [normalized, ip, minutes],
  );
  const c = counts[0]!;
  if (c.by_email >= max || c.by_ip >= max * 4) {
    throw new AppError('rate_limited', `Too many failed sign-ins. Try again in ${minutes} minutes.`, [], { retryAfterSeconds: minutes * 60 }, { 'retry-after': String(minutes * 60) });
  }
  const { rows } = await app.db.query<{ id: string; password_hash: string | null; role: string }>(
    'select id, password_hash, role from users where lower(email) = $1 and active',
    [normalized],
  );
  const user = rows[0];
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  await app.db.query('insert into login_attempts (email, ip, success) values ($1, $2, $3)', [normalized, ip, ok]);
  if (!user || !ok) {
    const left = max - c.by_email - 1;
    throw new AppError('unauthenticated', left > 0 ? 'Wrong email or password' : `Wrong email or password. Sign-in is now locked for ${minutes} minutes.`, [], { attemptsLeft: Math.max(left, 0) });
  }
  return startSession(app, app.db, req, user.id);
}

export interface NewSession {
  userId: string;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a web session for a user whose credentials were checked (sign-in, accepted invitation). */
export async function startSession(app: AppContext, db: Queryable, req: FastifyRequest, userId: string): Promise<NewSession> {
  const { secret, hash } = newSecret('');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + app.config.SESSION_TTL_HOURS * 3_600_000);
  await db.query(
    'insert into sessions (id, user_id, csrf_token, expires_at, user_agent, ip) values ($1, $2, $3, $4, $5, $6)',
    [hash, userId, csrfToken, expiresAt, String(req.headers['user-agent'] ?? '').slice(0, 300), req.ip],
  );
  await db.query(`delete from sessions where expires_at < now() - interval '1 day'`);
  return { userId, sessionToken: secret, csrfToken, expiresAt };
}

/** Sets the session cookie of a new session on the response. */
export function setSessionCookie(app: AppContext, reply: FastifyReply, s: NewSession): void {
  reply.setCookie(SESSION_COOKIE, s.sessionToken, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.COOKIE_SECURE, expires: s.expiresAt });
}

export async function signOut(app: AppContext, cookie: string | undefined): Promise<void> {
  if (cookie) await app.db.query('delete from sessions where id = $1', [sha256(cookie)]);
  forgetAuthentications(app);
}
