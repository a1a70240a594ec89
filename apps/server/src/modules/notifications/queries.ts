import { z } from 'zod';
import type { Notification } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';

export interface NotificationRow {
  id: string;
  kind: Notification['kind'];
  case_id: string;
  case_number: number;
  case_subject: string;
  actor_id: string | null;
  actor_name: string | null;
  excerpt: string;
  read_at: Date | null;
  created_at: Date;
}

export const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  case: { id: r.case_id, number: r.case_number, subject: r.case_subject },
  actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
  excerpt: r.excerpt,
  read: r.read_at !== null,
  createdAt: r.created_at.toISOString(),
});

const Cursor = z.object({ at: z.iso.datetime(), id: z.string().regex(/^\d{1,18}$/) });

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

export async function unreadCount(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from notifications where user_id = $1 and read_at is null', [userId]);
  return rows[0]!.n;
}

/** A user's own notifications, newest first (keyset pages over (created_at, id)). */
export async function listNotifications(
  db: Queryable,
  userId: string,
  q: { limit: number; cursor?: string | undefined; unread?: boolean | undefined },
): Promise<NotificationPage> {
  const after = decodeCursor(q.cursor, Cursor);
  const params: unknown[] = [userId, q.limit + 1];
  const where = ['n.user_id = $1'];
  if (q.unread) where.push('n.read_at is null');
  if (after) {
    params.push(after.at, after.id);
    where.push(`(n.created_at, n.id) < ($3::timestamptz, $4::int8)`);
  }
  const { rows } = await db.query<NotificationRow>(
    `select n.id::text, n.kind, n.case_id, c.number as case_number, c.subject as case_subject, n.actor_id, n.actor_name, n.excerpt,
       n.read_at, n.created_at
     from notifications n join cases c on c.id = n.case_id
     where ${where.join(' and ')} order by n.created_at desc, n.id desc limit $2`,
    params,
  );
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toNotification),
    nextCursor: more && last ? encodeCursor({ at: last.created_at.toISOString(), id: last.id }) : null,
    unreadCount: await unreadCount(db, userId),
  };
}
