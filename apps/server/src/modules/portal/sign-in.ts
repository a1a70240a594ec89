/**
 * Sign-in by a one-time link sent by email: no password to forget or leak. Asking for a link
 * answers the same for every address (no account enumeration); only a customer's address — any
 * of their addresses — gets a mail, or any address when the admin allows self-registration.
 */
import type { FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { systemActor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { findOrCreateCustomer } from '../customers/index.ts';
import { getBranding } from './branding.ts';
import { asMailLanguage, publicBase, signInMail } from './mail-text.ts';
import { sha256, startPortalSession, type NewPortalSession } from './sessions.ts';

/** A link works once, for this long. */
export const LINK_MINUTES = 15;
/** Rate limits over the last LIMIT_WINDOW_MINUTES: links per address, and requests per IP. */
export const LIMIT_PER_EMAIL = 5;
export const LIMIT_PER_IP = 30;
export const LIMIT_WINDOW_MINUTES = 15;

export interface LinkRequest {
  email: string;
  language?: string | undefined;
  returnTo?: string | undefined;
}

/** The customer an address belongs to (following merges), or null. */
async function customerByEmail(tx: Tx, email: string): Promise<{ id: string; language: string | null } | null> {
  const { rows } = await tx.query<{ id: string; language: string | null }>(
    `select coalesce(m.id, c.id) as id, coalesce(m.preferred_language, c.preferred_language) as language
     from customer_emails e join customers c on c.id = e.customer_id left join customers m on m.id = c.merged_into_id
     where lower(e.email) = lower($1)`,
    [email],
  );
  return rows[0] ?? null;
}

/**
 * Records the request, checks the limits (per address and per IP, counted over known and unknown
 * addresses alike, so a refusal reveals nothing), and queues the mail with a fresh link when the
 * address may sign in. Throws 429 when a limit is reached.
 */
export async function requestSignInLink(app: AppContext, tx: Tx, ip: string, input: LinkRequest): Promise<{ sent: true; expiresInMinutes: number }> {
  const email = input.email.trim().toLowerCase();
  // Serializes requests for one address, so two at once cannot both slip under the limit.
  await tx.query(`select pg_advisory_xact_lock(hashtext('portal-link:' || $1))`, [email]);
  const { rows } = await tx.query<{ by_email: number; by_ip: number }>(
    `select (select count(*)::int from portal_link_requests where lower(email) = $1 and at > now() - make_interval(mins => $3)) as by_email,
            (select count(*)::int from portal_link_requests where ip = $2 and at > now() - make_interval(mins => $3)) as by_ip`,
    [email, ip, LIMIT_WINDOW_MINUTES],
  );
  const counts = rows[0]!;
  if (counts.by_email >= LIMIT_PER_EMAIL || counts.by_ip >= LIMIT_PER_IP) {
    const seconds = LIMIT_WINDOW_MINUTES * 60;
    throw new AppError('rate_limited', `Too many sign-in links were asked for. Try again in ${LIMIT_WINDOW_MINUTES} minutes.`, [], { retryAfterSeconds: seconds }, { 'retry-after': String(seconds) });
  }
  await tx.query('insert into portal_link_requests (email, ip) values ($1, $2)', [email, ip]);

  const branding = await getBranding(tx);
  const customer = await customerByEmail(tx, email);
  if (customer || branding.selfRegistration) {
    const secret = randomBytes(32).toString('base64url');
    const language = asMailLanguage(input.language ?? customer?.language);
    await tx.query(
      `insert into portal_sign_in_links (token_hash, customer_id, email, language, return_to, expires_at)
       values ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
      [sha256(secret), customer?.id ?? null, email, language, input.returnTo ?? null, LINK_MINUTES],
    );
    // In the fragment, not the query: the token never reaches a server log or a Referer header.
    const link = `${publicBase(app)}/portal/sign-in#token=${secret}`;
    const mail = signInMail(language, branding.companyName, branding.primaryColor, link, LINK_MINUTES);
    await queueMail(app, tx, { to: [email], subject: mail.subject, text: mail.text, html: mail.html, headers: { 'Auto-Submitted': 'auto-generated' }, ref: { kind: 'portal.sign-in', id: email } });
  }
  return { sent: true, expiresInMinutes: LINK_MINUTES };
}

/** A readable name for a self-registered customer: "anna.maria-schulz@…" becomes "Anna Maria Schulz". */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  const words = local.split(/[._+-]+/).filter((w) => /\p{L}/u.test(w));
  return words.length ? words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') : email;
}

/**
 * Uses a sign-in link: once, before it expires. Starts a customer session; a link of a
 * self-registration creates the customer now that they proved the address is theirs. Every other
 * unused link of the address stops working too.
 */
export async function redeemSignInLink(app: AppContext, tx: Tx, req: FastifyRequest, token: string): Promise<NewPortalSession & { customerId: string; returnTo: string | null }> {
  const { rows } = await tx.query<{ customer_id: string | null; email: string; return_to: string | null; used: boolean; expired: boolean }>(
    `select customer_id, email, return_to, used_at is not null as used, expires_at <= now() as expired
     from portal_sign_in_links where token_hash = $1 for update`,
    [sha256(token)],
  );
  const link = rows[0];
  if (!link || link.used || link.expired) {
    const reason = !link ? 'unknown' : link.used ? 'used' : 'expired';
    throw new AppError('unauthenticated', 'This sign-in link does not work any more: it was used already or has expired. Ask for a new one.', [], { reason });
  }
  let customerId = link.customer_id;
  if (!customerId) {
    const branding = await getBranding(tx);
    if (!branding.selfRegistration) throw new AppError('unauthenticated', 'Self-registration was turned off since the link was sent.', [], { reason: 'registration_closed' });
    customerId = await findOrCreateCustomer(app, systemActor, tx, { name: nameFromEmail(link.email), email: link.email });
  }
  // A customer merged into another since the mail was sent signs in as the one they were merged into.
  const { rows: live } = await tx.query<{ id: string }>('select coalesce(merged_into_id, id) as id from customers where id = $1', [customerId]);
  if (!live[0]) throw new AppError('unauthenticated', 'This sign-in link does not work any more. Ask for a new one.', [], { reason: 'unknown' });
  await tx.query(`update portal_sign_in_links set used_at = now() where lower(email) = lower($1) and used_at is null`, [link.email]);
  await tx.query(`delete from portal_sessions where expires_at < now() - interval '1 day'`);
  const session = await startPortalSession(tx, req, live[0].id, link.email);
  return { ...session, customerId: live[0].id, returnTo: link.return_to };
}
