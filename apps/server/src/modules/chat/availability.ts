import type { Queryable } from '../../platform/db/index.ts';
import { presenceOf } from '../routing/index.ts';

/**
 * Is someone there to answer? An active member of the channel's team (any staff member for a
 * channel without a team) whose presence is online for routing: chose "online" and the app was
 * heard from recently — the same rule routing assigns by, so the widget and routing agree.
 */
export async function teamOnline(db: Queryable, teamId: string | null): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    teamId
      ? `select u.id from team_members m join users u on u.id = m.user_id where m.team_id = $1 and u.active and u.role <> 'customer'`
      : `select u.id from users u where u.active and u.role <> 'customer' and $1::uuid is null`,
    [teamId],
  );
  if (rows.length === 0) return false;
  const presence = await presenceOf(db, rows.map((r) => r.id));
  return [...presence.values()].some((p) => p.effective === 'online');
}
