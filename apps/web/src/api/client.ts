/** A problem+json answer from the API (RFC 9457), with the fields at fault. */
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

  /** The message for one field, with the request part (`body.`) left off. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field === `body.${field}` || e.field.startsWith(`body.${field}.`))?.message;
  }
}

let csrfToken: string | null = null;
/** The session's CSRF token: sent on every unsafe request of a cookie session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | readonly string[] | null | undefined>;
  /** The version the change is based on: sent as If-Match so nobody's change is overwritten. */
  version?: number;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Calls the Switchboard API with the session cookie; throws ApiError on any non-2xx answer. */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.version !== undefined) headers['if-match'] = `"${options.version}"`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${queryString(options.query)}`, { method, headers, body, credentials: 'same-origin', signal: options.signal ?? null });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection; nothing was lost.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; title?: string; errors?: { field: string; message: string }[] } & Record<string, unknown>;
    throw new ApiError(res.status, p.code ?? 'internal', p.detail ?? p.title ?? res.statusText, p.errors ?? [], p);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const get = <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) => api<T>('GET', path, { query, ...(signal ? { signal } : {}) });
export const post = <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) => api<T>('POST', path, { ...options, body });
export const patch = <T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}) => api<T>('PATCH', path, { ...options, body });
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, { body });
export const del = <T>(path: string) => api<T>('DELETE', path);

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
