import type { z } from 'zod';
import type { Case, CreateCaseBody } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findOrCreateCustomer } from '../customers/index.ts';
import { validateCustomFields } from '../fields/index.ts';
import { caseAudience } from './policy.ts';
import { getCase } from './queries.ts';
import { checkAssignee, checkOrganization, checkTeam, requiredKeys, resolveCustomStatus, resolveRequester } from './references.ts';

export type CreateCaseInput = z.output<typeof CreateCaseBody>;

/**
 * Opens a case: resolves (or creates) the requester, checks team, assignee and fields, writes the
 * case, its first timeline entries and the event in one transaction.
 */
export async function createCase(app: AppContext, actor: Actor, tx: Tx, input: CreateCaseInput): Promise<Case> {
  if (actor.role === 'customer') throw new AppError('forbidden', 'Customers open requests through the portal');
  const requesterId = input.requesterId ?? (await findOrCreateCustomer(app, actor, tx, input.requester!));
  const requester = await resolveRequester(tx, requesterId);
  const teamId = input.teamId ?? null;
  const assigneeId = input.assigneeId ?? null;
  await checkTeam(tx, teamId);
  await checkAssignee(tx, actor, assigneeId, teamId);
  await checkOrganization(tx, input.organizationId);
  const organizationId = input.organizationId ?? (requester.organizationIds.length === 1 ? requester.organizationIds[0]! : null);
  let status = input.status ?? (assigneeId ? 'open' : 'new');
  if (input.customStatusId) status = await resolveCustomStatus(tx, input.customStatusId);
  const customFields = await validateCustomFields(tx, 'case', {}, input.customFields, await requiredKeys(tx, teamId));

  const { rows } = await tx.query<{ id: string }>(
    `insert into cases (subject, status, custom_status_id, priority, channel, requester_id, organization_id, assignee_id, team_id,
       tags, custom_fields, created_by_id, solved_at, closed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, case when $2 in ('solved', 'closed') then now() end,
       case when $2 = 'closed' then now() end)
     returning id`,
    [
      input.subject,
      status,
      input.customStatusId ?? null,
      input.priority,
      input.channel,
      requester.id,
      organizationId,
      assigneeId,
      teamId,
      [...new Set(input.tags)],
      JSON.stringify(customFields),
      authorId(actor),
    ],
  );
  const id = rows[0]!.id;
  const author = authorId(actor);
  const initial = [
    { field: 'status', from: null, to: status },
    { field: 'priority', from: null, to: input.priority },
    ...(teamId ? [{ field: 'team', from: null, to: teamId }] : []),
    ...(assigneeId ? [{ field: 'assignee', from: null, to: assigneeId }] : []),
  ];
  // The first message (if any) and the opening change entry, in one statement.
  const inbound = input.message?.direction === 'inbound';
  await tx.query(
    `insert into case_entries (case_id, kind, author_user_id, author_customer_id, channel, direction, body, changes)
     select $1::uuid, 'message', $2::uuid, $3::uuid, $4::text, $5::text, $6::text, null::jsonb where $6::text is not null
     union all select $1::uuid, 'change', $2::uuid, null, null, null, '', $7::jsonb`,
    [id, author, inbound ? requester.id : null, input.channel, input.message?.direction ?? null, input.message?.body ?? null, JSON.stringify(initial)],
  );
  const created = await getCase(tx, { ...actor, role: 'admin' }, id);
  await app.events.emit(tx, {
    type: 'case.created',
    actorId: author,
    audience: caseAudience({ teamId, assigneeId }),
    payload: { caseId: id, number: created.number, case: created },
  });
  return created;
}
