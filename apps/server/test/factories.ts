import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Response, TestApp, TestUser } from './harness.ts';

/** Small helpers shared by the integration tests; every call goes through the real HTTP API. */

export const uniq = (): string => randomBytes(4).toString('hex');

/** Asserts the status and shows the body when it differs. */
export function expectStatus<T>(res: Response<T>, status: number): Response<T> {
  expect(res.status, `${res.status}: ${JSON.stringify(res.body)}`).toBe(status);
  return res;
}

/** The field names of a problem's `errors`. */
export const fieldsOf = (res: Response<{ errors?: Array<{ field: string }> }>): string[] => (res.body.errors ?? []).map((e) => e.field);

/** Opens a case as `user`; a fresh inline requester unless the body names one. */
export async function newCase(t: TestApp, user: TestUser, body: Record<string, unknown> = {}) {
  const requester = body.requesterId ? {} : { requester: { name: 'Test Requester', email: `req.${uniq()}@example.com` } };
  const res = await t.api('POST', '/api/v1/cases', { token: user.token, body: { subject: `Case ${uniq()}`, ...requester, ...body } });
  expectStatus(res, 201);
  return res.body;
}

/** Loads the case's current version and PATCHes it with If-Match. */
export async function patchCase(t: TestApp, user: TestUser, ref: string | number, changes: Record<string, unknown>) {
  const cur = await t.api('GET', `/api/v1/cases/${ref}`, { token: user.token });
  const version = cur.status === 200 ? (cur.body.version as number) : 1;
  return t.api('PATCH', `/api/v1/cases/${ref}`, { token: user.token, body: changes, headers: { 'if-match': `"${version}"` } });
}

export async function timelineOf(t: TestApp, user: TestUser, ref: string | number) {
  const res = expectStatus(await t.api('GET', `/api/v1/cases/${ref}/timeline`, { token: user.token }), 200);
  return res.body.items as Array<{ id: number; caseId: string; kind: string; direction: string | null; body: string; author: { type: string; id: string | null }; changes: Array<{ field: string; from: unknown; to: unknown }> | null }>;
}

/** Follows nextCursor until the end; returns every item in order. */
export async function allPages<T = { id: string }>(t: TestApp, user: TestUser, path: string, maxPages = 500): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = expectStatus(await t.api('GET', `${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`, { token: user.token }), 200);
    out.push(...(res.body.items as T[]));
    cursor = res.body.nextCursor as string | null;
    if (!cursor) return out;
  }
  throw new Error(`more than ${maxPages} pages for ${path}`);
}

export async function sqlRows<T>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.app.ctx.db.query<T>(text, params)).rows;
}

export async function countRows(t: TestApp, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const rows = await sqlRows<{ n: number }>(t, `select count(*)::int as n from ${table} where ${where}`, params);
  return rows[0]!.n;
}

/** Defines a custom field as the admin. */
export async function defineField(t: TestApp, admin: TestUser, body: Record<string, unknown>) {
  const res = expectStatus(await t.api('POST', '/api/v1/fields', { token: admin.token, body }), 201);
  return res.body as { id: string; key: string };
}

/** Case counts of the built-in and saved views, by view id. */
export async function viewCounts(t: TestApp, user: TestUser): Promise<Record<string, number>> {
  const res = expectStatus(await t.api('GET', '/api/v1/views', { token: user.token }), 200);
  return Object.fromEntries((res.body.items as Array<{ id: string; count: number }>).map((v) => [v.id, v.count]));
}
