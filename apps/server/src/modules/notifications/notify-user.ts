import type { Notification, NotificationKind } from '@switchboard/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { toNotification, type NotificationRow } from './queries.ts';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  case: { id: string; number: number; subject: string };
  /** The timeline entry it is about (the customer's message), if any. */
  entryId?: number | null;
  /** Who caused it: the assigning user, the customer who wrote; null for the system. */
  actor: { id: string; name: string } | null;
  /** Text to quote (the message); shortened to about 140 characters. */
  text?: string;
}

const EXCERPT_LENGTH = 140;

/** The start of a text on one line, cut at a word boundary with an ellipsis when longer. */
export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_LENGTH * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Writes a notification in the caller's transaction — the change and its notification commit
 * together, once, whichever instance made the change — and emits `notification.created` to that
 * user only (a personal audience: not even admins receive someone else's).
 */
export async function notifyUser(app: AppContext, tx: Tx, n: NewNotification): Promise<Notification> {
  const { rows } = await tx.query<Omit<NotificationRow, 'case_number' | 'case_subject'>>(
    `insert into notifications (user_id, kind, case_id, entry_id, actor_id, actor_name, excerpt)
     values ($1, $2, $3, $4, $5, $6, $7)
     returning id::text, kind, case_id, actor_id, actor_name, excerpt, read_at, created_at`,
    [n.userId, n.kind, n.case.id, n.entryId ?? null, n.actor?.id ?? null, n.actor?.name ?? null, n.text ? excerptOf(n.text) : ''],
  );
  const notification = toNotification({ ...rows[0]!, case_number: n.case.number, case_subject: n.case.subject });
  await app.events.emit(tx, {
    type: 'notification.created',
    actorId: n.kind === 'assigned' ? (n.actor?.id ?? null) : null,
    audience: { userIds: [n.userId], teamIds: [], staff: false, personal: true },
    payload: notification,
  });
  return notification;
}
