import type { channels, Presence } from '@switchboard/contracts';

/** Routing's fixed settings and the presence rule, shared by the router and the presence use-cases. */

export type Channel = (typeof channels)[number];

/** Open cases per channel an agent takes unless an admin sets otherwise: one call, a few chats, many emails. */
export const defaultCapacity: Readonly<Record<Channel, number>> = { phone: 1, chat: 3, email: 20, portal: 20, walk_in: 1, api: 20 };

/** "Online" for routing means: chose online and the app was heard from within this long. */
export const PRESENCE_GRACE_SECONDS = 120;

export interface PresenceRow {
  status: Presence['status'];
  reason: Presence['reason'];
  automatic: boolean;
  last_seen_at: Date | null;
  live: boolean;
}

/** SQL for a presence row's liveness, for `p` = agent_presence. */
export const liveSql = `coalesce(p.last_seen_at > now() - make_interval(secs => ${PRESENCE_GRACE_SECONDS}), false)`;

export function toPresence(r: PresenceRow | undefined): Presence {
  if (!r) return { status: 'offline', reason: null, automatic: false, lastSeenAt: null, effective: 'offline' };
  return { status: r.status, reason: r.reason, automatic: r.automatic, lastSeenAt: r.last_seen_at?.toISOString() ?? null, effective: r.live ? r.status : 'offline' };
}

