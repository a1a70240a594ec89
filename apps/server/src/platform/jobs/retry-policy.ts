const MAX_BACKOFF_MS = 3_600_000;

/** Exponential backoff with ±20 % jitter, so retries of many failed jobs do not arrive together. */
export function backoffDelay(baseMs: number, attempt: number, random = Math.random()): number {
  const raw = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
  return Math.round(raw * (0.8 + 0.4 * random));
}

/** What the dead-letter list shows of a failure. */
export const errorText = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 4000);
