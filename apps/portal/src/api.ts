/**
 * The portal's API client: JSON to /api/v1/portal with the portal session cookie (sent by the
 * browser, httpOnly) and the session's CSRF token on every change. Types come from the shared
 * contracts as types only, so zod stays out of the bundle.
 */
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';

export type PortalBranding = z.infer<typeof C.PortalBranding>;
export type PortalSession = z.infer<typeof C.PortalSession>;
export type PortalCustomer = z.infer<typeof C.PortalCustomer>;
export type PortalRequest = z.infer<typeof C.PortalRequest>;
export type PortalRequestSummary = z.infer<typeof C.PortalRequestSummary>;
export type PortalMessage = z.infer<typeof C.PortalMessage>;
export type PortalForm = z.infer<typeof C.PortalForm>;
export type PortalUpload = z.infer<typeof C.PortalUpload>;
export type PortalSocketMessage = z.infer<typeof C.PortalSocketMessage>;
export type Status = C.Status;
export type Page<T> = { items: T[]; nextCursor: string | null };

/** A problem+json answer (RFC 9457) with the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: { field: string; message: string }[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The message for one body field (`subject`, `customFields.model`), if the server named it. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === `body.${field}` || e.field.startsWith(`body.${field}.`))?.message;
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const base = '/api/v1/portal';

/** Calls the portal API; throws ApiError on any non-2xx answer (status 0: no connection). */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; title?: string; errors?: { field: string; message: string }[] } & Record<string, unknown>;
    throw new ApiError(res.status, p.code ?? 'internal', p.detail ?? p.title ?? res.statusText, p.errors ?? [], p);
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body);

/** Uploads one file (it waits, private to the customer, until sent with a message). */
export function uploadFile(file: File): Promise<PortalUpload> {
  const form = new FormData();
  form.set('file', file, file.name);
  return api<PortalUpload>('POST', '/uploads', form);
}

/** Where a file of a message is downloaded. */
export const attachmentUrl = (id: string): string => `${base}/attachments/${id}`;
