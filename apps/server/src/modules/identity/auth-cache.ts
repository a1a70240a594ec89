import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { Authentication } from '../../platform/http/server.ts';

/** How long a resolved token or session is trusted without asking the database again. */
const TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

/**
 * Who a bearer token or session cookie is, remembered for a second: a client sending requests in
 * a row (an integration, a busy agent) costs one lookup a second instead of one per request.
 * Forgotten at once on this instance when identity changes (a user's role, activity, password or
 * teams; a token revoked; a sign-out) and, through the `user.changed` / `team.changed` events, on
 * every other instance — so a change takes effect within the second everywhere.
 */
class AuthCache {
  private readonly entries = new Map<string, { auth: Authentication; at: number }>();

  get(key: string): Authentication | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (Date.now() - hit.at > TTL_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.auth;
  }

  set(key: string, auth: Authentication): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { auth, at: Date.now() });
  }

  clear(): void {
    this.entries.clear();
  }
}

const caches = new WeakMap<AppContext, AuthCache>();

export function authCacheOf(app: AppContext): AuthCache {
  let cache = caches.get(app);
  if (!cache) {
    const created = new AuthCache();
    app.events.subscribe((e) => {
      if (e.type === 'user.changed' || e.type === 'team.changed') created.clear();
    });
    caches.set(app, created);
    cache = created;
  }
  return cache;
}

/** Drops every remembered authentication: now, or when `tx` commits. */
export function forgetAuthentications(app: AppContext, tx?: Tx): void {
  if (tx) tx.afterCommit(() => authCacheOf(app).clear());
  else authCacheOf(app).clear();
}
