import type { z } from 'zod';

/** The closed list of error codes, each with its HTTP status and title (RFC 9457 problem types). */
export const errorCodes = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_request: { status: 400, title: 'The request could not be read' },
  unauthenticated: { status: 401, title: 'Sign in first' },
  forbidden: { status: 403, title: 'You may not do this' },
  csrf_failed: { status: 403, title: 'Missing or wrong CSRF token' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflicts with existing data' },
  version_conflict: { status: 412, title: 'Changed by someone else since you loaded it' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  idempotency_key_reused: { status: 422, title: 'Idempotency key reused with a different request' },
  unprocessable: { status: 422, title: 'The request cannot be carried out' },
  precondition_required: { status: 428, title: 'A version (If-Match) is required' },
  rate_limited: { status: 429, title: 'Too many attempts' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldError {
  /** Dotted path of the field at fault, e.g. `emails.1` or `customFields.order_number`. */
  field: string;
  message: string;
}

/** The one error type use-cases throw. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly errors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? errorCodes[code].title);
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

/** A field-level validation error for one field. */
export function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', `${field}: ${message}`, [{ field, message }]);
}

/** Refuses a change based on an old version: someone else changed the record in between. */
export function assertVersion(what: string, current: number, expected: number): void {
  if (current !== expected) {
    throw new AppError('version_conflict', `${what} was changed by someone else (now version ${current}, you sent ${expected}). Reload it and apply your change again.`, [], {
      currentVersion: current,
    });
  }
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} was not found`);
}

export function forbidden(message?: string): AppError {
  return new AppError('forbidden', message);
}

/** Converts a zod error into field errors; `prefix` says which part of the request (body, query…). */
export function fromZod(err: z.ZodError, prefix: string): AppError {
  const errors = err.issues.flatMap((issue): FieldError[] => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ field: [prefix, base, k].filter(Boolean).join('.'), message: 'unknown field' }));
    }
    return [{ field: [prefix, base].filter(Boolean).join('.'), message: issue.message }];
  });
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new AppError('validation_failed', detail, errors);
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

/** The RFC 9457 problem+json body of an AppError. */
export function toProblem(err: AppError, requestId?: string): Problem {
  const problem: Problem = {
    type: `urn:switchboard:problem:${err.code}`,
    title: errorCodes[err.code].title,
    status: err.status,
    detail: err.message,
    code: err.code,
    ...err.extra,
  };
  if (requestId) problem.instance = `urn:switchboard:request:${requestId}`;
  if (err.errors.length > 0) problem.errors = err.errors;
  return problem;
}
