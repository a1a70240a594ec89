import type { Actor, AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { unreadCount } from './queries.ts';

/**
 * Marks some (`ids`) or all of the actor's unread notifications as read. Ids of other users'
 * notifications change nothing (and say nothing). The user's other tabs learn through
 * `notification.read`.
 */
export async function markNotificationsRead(app: AppContext, actor: Actor, tx: Tx, input: { ids?: string[] | undefined; all?: boolean | undefined }): Promise<{ unreadCount: number }> {
  const ids = input.all ? null : [...new Set(input.ids ?? [])];
  const { rowCount } = await tx.query(
    `update notifications set read_at = now() where user_id = $1 and read_at is null and ($2::int8[] is null or id = any($2::int8[]))`,
    [actor.id, ids],
  );
  const left = await unreadCount(tx, actor.id);
  if (rowCount > 0) {
    await app.events.emit(tx, {
      type: 'notification.read',
      actorId: actor.id,
      audience: { userIds: [actor.id], teamIds: [], staff: false, personal: true },
      payload: { ids, unreadCount: left },
    });
  }
  return { unreadCount: left };
}
