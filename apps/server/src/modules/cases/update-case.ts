import type { z } from 'zod';
import type { Case, UpdateCaseBody } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, assertVersion } from '../../platform/http/errors.ts';
import { validateCustomFields } from '../fields/index.ts';
import { notifyUser } from '../notifications/index.ts';
import { caseAudience } from './policy.ts';
import { getCase, loadCase, type CaseRow } from './queries.ts';
import { checkAssignee, checkOrganization, checkTeam, requiredKeys, resolveCustomStatus, resolveRequester } from './references.ts';

export type CaseChanges = Omit<z.output<typeof UpdateCaseBody>, 'version'>;

interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

const sameArray = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Changes a case's properties when the client's version is current; writes one change entry
 * listing every field that changed, bumps the version and emits `case.updated` to everyone who
 * could see the case before or after (a transfer leaves the old team's inbox live too).
 */
export async function updateCase(
  app: AppContext,
  actor: Actor,
  tx: Tx,
  ref: string | number,
  expectedVersion: number | 'current',
  input: CaseChanges,
): Promise<Case> {
  const visible = await loadCase(tx, actor, ref);
  const { rows } = await tx.query<CaseRow>('select * from cases where id = $1 for update', [visible.id]);
  const cur = { ...visible, ...rows[0]! };
  if (expectedVersion !== 'current') assertVersion(`Case #${cur.number}`, cur.version, expectedVersion);
  if (cur.merged_into_id) throw new AppError('unprocessable', `Case #${cur.number} was merged into another case; change that one`, [], { mergedIntoId: cur.merged_into_id });

  const next = {
    subject: input.subject ?? cur.subject,
    status: input.status ?? cur.status,
    custom_status_id: input.customStatusId !== undefined ? input.customStatusId : cur.custom_status_id,
    priority: input.priority ?? cur.priority,
    team_id: input.teamId !== undefined ? input.teamId : cur.team_id,
    assignee_id: input.assigneeId !== undefined ? input.assigneeId : cur.assignee_id,
    organization_id: input.organizationId !== undefined ? input.organizationId : cur.organization_id,
    requester_id: cur.requester_id,
    tags: input.tags ? [...new Set(input.tags)] : cur.tags,
    custom_fields: cur.custom_fields,
  };
  if (input.customStatusId) next.status = await resolveCustomStatus(tx, input.customStatusId);
  else if (input.status && input.status !== cur.status && input.customStatusId === undefined) next.custom_status_id = null;
  // Taking a new case means working on it: it opens, unless the change says otherwise.
  if (cur.status === 'new' && next.status === 'new' && next.assignee_id && !cur.assignee_id) next.status = 'open';
  if (input.requesterId) next.requester_id = (await resolveRequester(tx, input.requesterId)).id;

  if (cur.status === 'closed') {
    const touched = Object.keys(input).filter((k) => k !== 'tags');
    if (touched.length > 0) throw new AppError('unprocessable', `Case #${cur.number} is closed; closed cases keep their record. Open a follow-up case instead.`);
  }
  if (next.team_id !== cur.team_id) await checkTeam(tx, next.team_id);
  if (next.assignee_id !== cur.assignee_id || next.team_id !== cur.team_id) await checkAssignee(tx, actor, next.assignee_id !== cur.assignee_id ? next.assignee_id : null, next.team_id);
  if (next.organization_id !== cur.organization_id) await checkOrganization(tx, next.organization_id);
  if (input.customFields || next.team_id !== cur.team_id) {
    next.custom_fields = await validateCustomFields(tx, 'case', cur.custom_fields, input.customFields ?? {}, await requiredKeys(tx, next.team_id));
  }
  if (next.status === 'new' && cur.status !== 'new') {
    throw new AppError('validation_failed', 'A case cannot go back to new', [{ field: 'body.status', message: 'cannot go back to new' }]);
  }

  const changes: Change[] = [];
  const diff = (field: string, from: unknown, to: unknown) => {
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  };
  diff('subject', cur.subject, next.subject);
  diff('status', cur.status, next.status);
  diff('customStatus', cur.custom_status_id, next.custom_status_id);
  diff('priority', cur.priority, next.priority);
  diff('team', cur.team_id, next.team_id);
  diff('assignee', cur.assignee_id, next.assignee_id);
  diff('organization', cur.organization_id, next.organization_id);
  diff('requester', cur.requester_id, next.requester_id);
  if (!sameArray([...cur.tags].sort(), [...next.tags].sort())) changes.push({ field: 'tags', from: cur.tags, to: next.tags });
  for (const key of new Set([...Object.keys(cur.custom_fields), ...Object.keys(next.custom_fields)])) {
    diff(`customFields.${key}`, cur.custom_fields[key] ?? null, next.custom_fields[key] ?? null);
  }
  if (changes.length === 0) return getCase(tx, actor, cur.id);

  await tx.query(
    `update cases set subject = $2, status = $3, custom_status_id = $4, priority = $5, team_id = $6, assignee_id = $7,
       organization_id = $8, requester_id = $9, tags = $10, custom_fields = $11::jsonb, updated_at = now(), version = version + 1,
       solved_at = case when $3 in ('solved', 'closed') then coalesce(solved_at, now()) end,
       closed_at = case when $3 = 'closed' then now() end
     where id = $1`,
    [cur.id, next.subject, next.status, next.custom_status_id, next.priority, next.team_id, next.assignee_id, next.organization_id, next.requester_id, next.tags, JSON.stringify(next.custom_fields)],
  );
  await tx.query(`insert into case_entries (case_id, kind, author_user_id, changes) values ($1, 'change', $2, $3::jsonb)`, [
    cur.id,
    authorId(actor),
    JSON.stringify(changes),
  ]);
  const updated = await getCase(tx, { ...actor, role: 'admin' }, cur.id);
  if (next.assignee_id && next.assignee_id !== cur.assignee_id) await notifyAssignee(app, actor, tx, updated);
  await app.events.emit(tx, {
    type: 'case.updated',
    actorId: authorId(actor),
    audience: caseAudience({ teamId: cur.team_id, assigneeId: cur.assignee_id }, { teamId: next.team_id, assigneeId: next.assignee_id }),
    payload: { caseId: cur.id, number: cur.number, changes, case: updated },
  });
  return updated;
}

/** Tells a case's new assignee it is theirs now, unless they took it themselves. */
export async function notifyAssignee(app: AppContext, actor: Actor, tx: Tx, c: Case): Promise<void> {
  if (!c.assignee || c.assignee.id === authorId(actor)) return;
  await notifyUser(app, tx, {
    userId: c.assignee.id,
    kind: 'assigned',
    case: { id: c.id, number: c.number, subject: c.subject },
    actor: actor.via === 'system' ? null : { id: actor.id, name: actor.name },
  });
}

export interface BulkChanges {
  status?: Case['status'] | undefined;
  priority?: Case['priority'] | undefined;
  teamId?: string | null | undefined;
  assigneeId?: string | null | undefined;
  addTags?: string[] | undefined;
  removeTags?: string[] | undefined;
}

/** Applies one set of changes to many cases at once; all or none. */
export async function bulkUpdateCases(app: AppContext, actor: Actor, tx: Tx, caseIds: readonly string[], changes: BulkChanges): Promise<Case[]> {
  const out: Case[] = [];
  const ids = [...new Set(caseIds)];
  // Lock all rows first, in one order, so concurrent bulk changes neither deadlock nor lose tags.
  await tx.query('select id from cases where id = any($1::uuid[]) order by id for update', [ids]);
  for (const id of ids) {
    const current = await loadCase(tx, actor, id);
    let tags: string[] | undefined;
    if (changes.addTags?.length || changes.removeTags?.length) {
      const remove = new Set(changes.removeTags ?? []);
      tags = [...new Set([...current.tags, ...(changes.addTags ?? [])])].filter((t) => !remove.has(t));
    }
    const input: CaseChanges = {};
    if (changes.status !== undefined) input.status = changes.status;
    if (changes.priority !== undefined) input.priority = changes.priority;
    if (changes.teamId !== undefined) input.teamId = changes.teamId;
    if (changes.assigneeId !== undefined) input.assigneeId = changes.assigneeId;
    if (tags) input.tags = tags;
    out.push(await updateCase(app, actor, tx, id, 'current', input));
  }
  return out;
}
