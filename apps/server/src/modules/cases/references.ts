import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { teamForm } from '../fields/index.ts';
import { mayAssign } from './policy.ts';

const bad = (field: string, message: string) => new AppError('validation_failed', `${field}: ${message}`, [{ field, message }]);

export async function checkTeam(tx: Tx, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const { rowCount } = await tx.query('select 1 from teams where id = $1', [teamId]);
  if (rowCount === 0) throw bad('body.teamId', 'no such team');
}

/** The assignee must be active staff the actor may assign to (see policy.mayAssign). */
export async function checkAssignee(tx: Tx, actor: Actor, assigneeId: string | null | undefined, caseTeamId: string | null): Promise<void> {
  if (!assigneeId) return;
  const { rows } = await tx.query<{ team_ids: string[] }>(
    `select coalesce((select array_agg(team_id) from team_members where user_id = u.id), '{}') as team_ids
     from users u where u.id = $1 and u.active and u.role <> 'customer'`,
    [assigneeId],
  );
  if (!rows[0]) throw bad('body.assigneeId', 'no such active agent');
  if (!mayAssign(actor, assigneeId, rows[0].team_ids, caseTeamId)) {
    throw new AppError('forbidden', 'Agents may assign cases to themselves or to members of the case’s team', [{ field: 'body.assigneeId', message: 'not in the case’s team' }]);
  }
}

export async function checkOrganization(tx: Tx, organizationId: string | null | undefined): Promise<void> {
  if (!organizationId) return;
  const { rowCount } = await tx.query('select 1 from organizations where id = $1', [organizationId]);
  if (rowCount === 0) throw bad('body.organizationId', 'no such organization');
}

/** A custom status sets the built-in status it maps onto. */
export async function resolveCustomStatus(tx: Tx, id: string): Promise<'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed'> {
  const { rows } = await tx.query<{ category: 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed' }>(
    'select category from custom_statuses where id = $1 and active',
    [id],
  );
  if (!rows[0]) throw bad('body.customStatusId', 'no such active status');
  return rows[0].category;
}

/** The requester as stored: a merged customer forwards to the one it was merged into. */
export async function resolveRequester(tx: Tx, requesterId: string): Promise<{ id: string; organizationIds: string[] }> {
  const { rows } = await tx.query<{ id: string; org_ids: string[] }>(
    `select c2.id, coalesce((select array_agg(organization_id) from customer_organizations where customer_id = c2.id), '{}') as org_ids
     from customers c join customers c2 on c2.id = coalesce(c.merged_into_id, c.id) where c.id = $1`,
    [requesterId],
    { prepare: true },
  );
  if (!rows[0]) throw bad('body.requesterId', 'no such customer');
  return { id: rows[0].id, organizationIds: rows[0].org_ids };
}

/** Checks the team exists and returns the keys its form requires, in one round trip. */
export async function teamRequirements(tx: Tx, teamId: string | null): Promise<string[]> {
  if (!teamId) return [];
  const { rows } = await tx.query<{ found: boolean; required: string[] }>(
    `select exists (select 1 from teams where id = $1) as found,
       coalesce((select array_agg(f.key order by tf.position) from team_form_fields tf join custom_field_definitions f on f.id = tf.field_id
                 where tf.team_id = $1 and tf.required and f.active), '{}') as required`,
    [teamId],
    { prepare: true },
  );
  if (!rows[0]?.found) throw bad('body.teamId', 'no such team');
  return rows[0].required;
}

/** Keys the team's form requires. */
export async function requiredKeys(tx: Tx, teamId: string | null): Promise<string[]> {
  if (!teamId) return [];
  return (await teamForm(tx, teamId)).filter((f) => f.required).map((f) => f.key);
}
