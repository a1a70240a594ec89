/**
 * Customer sessions of the portal. They are deliberately not staff sessions: their own table,
 * their own cookie (`sb_portal`, httpOnly, SameSite=Lax, sent only to /api/v1/portal), and their
 * own principal type. The staff authenticator never reads this cookie and a `CustomerPrincipal` is
 * not an `Actor`, so a customer can never pass `auth: 'user'` or `'staff'` — by construction, not by
 * a role check someone could forget.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';

export const PORTAL_COOKIE = 'sb_portal';
/** The cookie goes only to the portal API (and its WebSocket), never to the rest of the API. */
export const PORTAL_COOKIE_PATH = '/api/v1/portal';
/** Customers sign in rarely and on their own devices: a month, renewed by the next sign-in. */
export const PORTAL_SESSION_DAYS = 30;

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Who a portal request acts as: a customer, identified by their session. */
export interface CustomerPrincipal {
  readonly kind: 'customer';
  readonly customerId: string;
  readonly name: string;
  /** The address they signed in with. */
  readonly email: string;
  readonly language: string | null;
  /** SHA-256 of the session secret (the row id). */
  readonly sessionId: string;
  readonly csrfToken: string;
}

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

interface SessionRow {
  id: string;
  customer_id: string;
  name: string;
  email: string;
  language: string | null;
  csrf_token: string;
}

/** Loads the principal of a session cookie value, or null (unknown, expired, or the customer is gone). */
export async function principalOf(db: Queryable, cookie: string | undefined): Promise<CustomerPrincipal | null> {
  if (!cookie || cookie.length > 200) return null;
  // A customer merged into another since signing in acts as the one they were merged into.
  const { rows } = await db.query<SessionRow>(
    `select s.id, coalesce(m.id, c.id) as customer_id, coalesce(m.name, c.name) as name, s.email,
       coalesce(m.preferred_language, c.preferred_language) as language, s.csrf_token
     from portal_sessions s join customers c on c.id = s.customer_id left join customers m on m.id = c.merged_into_id
     where s.id = $1 and s.expires_at > now()`,
    [sha256(cookie)],
    { prepare: true },
  );
  const r = rows[0];
  if (!r) return null;
  return { kind: 'customer', customerId: r.customer_id, name: r.name, email: r.email, language: r.language, sessionId: r.id, csrfToken: r.csrf_token };
}

/** The browser's Origin (when it sends one) must be this server: a second line behind the CSRF token. */
export function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * The signed-in customer of a request, or 401. Unsafe methods must echo the session's CSRF token in
 * `X-CSRF-Token` (like the agent app): SameSite=Lax alone would still let another site's form
 * post to us in older browsers.
 */
export async function requireCustomer(app: AppContext, req: FastifyRequest): Promise<CustomerPrincipal> {
  const principal = await principalOf(app.db, req.cookies[PORTAL_COOKIE]);
  if (!principal) throw new AppError('unauthenticated', 'Sign in to the portal first');
  if (unsafeMethods.has(req.method) && (req.headers['x-csrf-token'] !== principal.csrfToken || !sameOrigin(req))) {
    throw new AppError('csrf_failed', 'Send the X-CSRF-Token header you got at sign-in');
  }
  return principal;
}

export interface NewPortalSession {
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a session for a customer who just used a sign-in link. */
export async function startPortalSession(db: Queryable, req: FastifyRequest, customerId: string, email: string): Promise<NewPortalSession> {
  const secret = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + PORTAL_SESSION_DAYS * 86_400_000);
  await db.query(
    'insert into portal_sessions (id, customer_id, email, csrf_token, expires_at, user_agent, ip) values ($1, $2, $3, $4, $5, $6, $7)',
    [sha256(secret), customerId, email, csrfToken, expiresAt, String(req.headers['user-agent'] ?? '').slice(0, 300), req.ip],
  );
  return { secret, csrfToken, expiresAt };
}

export function setPortalCookie(app: AppContext, reply: FastifyReply, s: NewPortalSession): void {
  reply.setCookie(PORTAL_COOKIE, s.secret, { path: PORTAL_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: app.config.COOKIE_SECURE, expires: s.expiresAt });
}

export function clearPortalCookie(reply: FastifyReply): void {
  reply.clearCookie(PORTAL_COOKIE, { path: PORTAL_COOKIE_PATH });
}

/** Ends the session of this cookie (sign out). */
export async function endPortalSession(db: Queryable, principal: CustomerPrincipal): Promise<void> {
  await db.query('delete from portal_sessions where id = $1', [principal.sessionId]);
}
