/**
 * Helpers for the portal's integration tests: a customer browser in miniature (cookie + CSRF
 * token, as the portal app holds them) and reading the sign-in link out of a captured mail.
 */
import PostalMime from 'postal-mime';
import { expect } from 'vitest';
import { waitFor, type TestApp, type TestUser } from '../../../test/harness.ts';
import type { Received } from '../../../test/smtp-sink.ts';

export interface PortalClient {
  cookie: string;
  csrf: string;
  // Tests read API answers as loosely typed JSON, like the shared test harness does.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Headers }>;
}

/** The newest captured mail to `address` (after index `after`, matching `match`), once it arrived. */
export async function mailTo(received: Received[], address: string, after = 0, match: (m: { subject: string; text: string }) => boolean = () => true): Promise<{ subject: string; text: string }> {
  return waitFor(
    async () => {
      const candidates = received.slice(after).filter((m) => m.to.includes(address)).reverse();
      for (const c of candidates) {
        const parsed = await PostalMime.parse(c.raw);
        const mail = { subject: parsed.subject ?? '', text: parsed.text ?? '' };
        if (match(mail)) return mail;
      }
      return undefined;
    },
    15_000,
    `a mail to ${address}`,
  );
}

/** The token of the sign-in link in a mail's text. */
export function tokenOf(text: string): string {
  const m = /\/portal\/sign-in#token=([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`no sign-in link in:\n${text}`);
  return m[1]!;
}

export async function portalFetch(t: TestApp, method: string, path: string, options: { body?: unknown; cookie?: string; csrf?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf) headers['x-csrf-token'] = options.csrf;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t.url}/api/v1/portal${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  const body = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
  return { status: res.status, body, headers: res.headers };
}

/** Uses a sign-in token; returns a client that acts as the signed-in customer. */
export async function redeem(t: TestApp, token: string): Promise<PortalClient> {
  const res = await portalFetch(t, 'POST', '/auth/redeem', { body: { token } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = res.body.csrfToken as string;
  return {
    cookie,
    csrf,
    call: (method, path, body, headers) => portalFetch(t, method, path, { body, cookie, csrf, headers }),
  };
}

/** Asks for a link for `email`, reads it from the sink and signs in. */
export async function signInByLink(t: TestApp, received: Received[], email: string): Promise<PortalClient> {
  const before = received.length;
  const res = await portalFetch(t, 'POST', '/auth/link', { body: { email } });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return redeem(t, tokenOf((await mailTo(received, email.toLowerCase(), before)).text));
}

/** A customer with these addresses (the first primary), made by an agent through the API. */
export async function customerWith(t: TestApp, admin: TestUser, name: string, emails: string[], organizationIds: string[] = []): Promise<string> {
  const res = await t.api('POST', '/api/v1/customers', { token: admin.token, body: { name, emails, organizationIds } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
