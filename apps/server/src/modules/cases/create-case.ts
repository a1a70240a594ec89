import type { z } from 'zod';
import type { Case, CreateCaseBody, EntryEmail } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import { sqlConstraint, sqlState, type Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findOrCreateRequester } from '../customers/index.ts';
import { validateCustomFields } from '../fields/index.ts';
import { caseAudience } from './policy.ts';
import { getCase } from './queries.ts';
import { notifyAssignee } from './update-case.ts';
import { checkAssignee, checkOrganization, resolveCustomStatus, resolveRequester, teamRequirements } from './references.ts';

export type CreateCaseInput = z.output<typeof CreateCaseBody> & {
  /** The first message's email envelope and sanitized HTML (the email channel sets it). */
  messageEmail?: EntryEmail | undefined;
};

/**
 * Opens a case: resolves (or creates) the requester, checks team, assignee and fields, writes the
 * case, its first timeline entries and the event in one transaction.
 */
export async function createCase(app: AppContext, actor: Actor, tx: Tx, input: CreateCaseInput): Promise<Case> {
  return (await openCase(app, actor, tx, input)).case;
}

/** createCase, also telling the id of the first message's timeline entry (null without one). */
export async function openCase(app: AppContext, actor: Actor, tx: Tx, input: CreateCaseInput): Promise<{ case: Case; messageEntryId: number | null }> {
  if (actor.role === 'customer') throw new AppError('forbidden', 'Customers open requests through the portal');
  const found = input.requesterId ? null : await findOrCreateRequester(app, actor, tx, input.requester!);
  const requester =
    found?.organizationIds ? { id: found.id, organizationIds: found.organizationIds } : await resolveRequester(tx, input.requesterId ?? found!.id);
  const teamId = input.teamId ?? null;
  const assigneeId = input.assigneeId ?? null;
  // A team form's required fields are for people opening a case; a message arriving by itself
  // (email, chat) cannot fill them and must never be refused for it — the agent completes them.
  // (Such a message names its team from a stored row: a mailbox's, a channel's.)
  const required = actor.via === 'system' ? [] : await teamRequirements(tx, teamId);
  await checkAssignee(tx, actor, assigneeId, teamId);
  await checkOrganization(tx, input.organizationId);
  const organizationId = input.organizationId ?? (requester.organizationIds.length === 1 ? requester.organizationIds[0]! : null);
  let status = input.status ?? (assigneeId ? 'open' : 'new');
  if (input.customStatusId) status = await resolveCustomStatus(tx, input.customStatusId);
  const customFields = await validateCustomFields(tx, 'case', {}, input.customFields, required);

  const author = authorId(actor);
  const initial = [
    { field: 'status', from: null, to: status },
    { field: 'priority', from: null, to: input.priority },
    ...(teamId ? [{ field: 'team', from: null, to: teamId }] : []),
    ...(assigneeId ? [{ field: 'assignee', from: null, to: assigneeId }] : []),
  ];
  const inbound = input.message?.direction === 'inbound';
  // The case, its first message (if any) and the opening change entry: one statement, one round trip.
  const inserted = tx.query<{ id: string; message_id: string | null }>(
    `with c as (
       insert into cases (subject, status, custom_status_id, priority, channel, requester_id, organization_id, assignee_id, team_id,
         tags, custom_fields, created_by_id, solved_at, closed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, case when $2 in ('solved', 'closed') then now() end,
         case when $2 = 'closed' then now() end)
       returning id
     ), e as (
       insert into case_entries (case_id, kind, author_user_id, author_customer_id, channel, direction, body, changes, email)
       select c.id, 'message', $12::uuid, $13::uuid, $5::text, $14::text, $15::text, null::jsonb, $17::jsonb from c where $15::text is not null
       union all select c.id, 'change', $12::uuid, null, null, null, '', $16::jsonb, null from c
       returning id, kind
     )
     select c.id, (select e.id from e where e.kind = 'message') as message_id from c`,
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
      author,
      inbound ? requester.id : null,
      input.message?.direction ?? null,
      input.message?.body ?? null,
      JSON.stringify(initial),
      input.messageEmail ? JSON.stringify(input.messageEmail) : null,
    ],
    { prepare: true },
  );
  // Teams are never deleted, so a team a system caller names exists; should one vanish, the
  // answer is the same as for a team checked up front.
  const { rows } = await inserted.catch((err: unknown) => {
    throw sqlState(err) === '23503' && sqlConstraint(err) === 'cases_team_id_fkey' ? new AppError('validation_failed', 'body.teamId: no such team', [{ field: 'body.teamId', message: 'no such team' }]) : err;
  });
  const id = rows[0]!.id;
  const created = await getCase(tx, { ...actor, role: 'admin' }, id);
  await notifyAssignee(app, actor, tx, created);
  await app.events.emit(tx, {
    type: 'case.created',
    actorId: author,
    audience: caseAudience({ teamId, assigneeId }),
    payload: { caseId: id, number: created.number, case: created },
  });
  return { case: created, messageEntryId: rows[0]!.message_id === null ? null : Number(rows[0]!.message_id) };
}
