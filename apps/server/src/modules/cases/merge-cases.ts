import type { Case } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { caseAudience } from './policy.ts';
import { getCase, loadCase } from './queries.ts';

const bad = (message: string) => new AppError('validation_failed', message, [{ field: 'body.sourceId', message }]);

/**
 * Merges the source case into the target: the source is closed and points to the target, whose
 * timeline now shows both; tags are combined; both timelines record the merge.
 */
export async function mergeCases(app: AppContext, actor: Actor, tx: Tx, targetRef: string | number, sourceId: string): Promise<Case> {
  const target = await loadCase(tx, actor, targetRef);
  if (target.id === sourceId) throw bad('a case cannot be merged into itself');
  const source = await loadCase(tx, actor, sourceId);
  // Decide on the rows as they are once locked: a concurrent merge of the same case may just have committed.
  const { rows: locked } = await tx.query<Pick<typeof target, 'id' | 'merged_into_id' | 'status' | 'tags'>>(
    'select id, merged_into_id, status, tags from cases where id = any($1::uuid[]) order by id for update',
    [[target.id, source.id]],
  );
  for (const row of locked) Object.assign(row.id === target.id ? target : source, row);
  if (target.merged_into_id || source.merged_into_id) throw new AppError('unprocessable', 'One of the cases was already merged');
  if (target.status === 'closed') throw new AppError('unprocessable', `Case #${target.number} is closed; merge into an open case`);
  const author = authorId(actor);
  // Cases merged into the source earlier now belong to the target, so its timeline keeps their entries.
  await tx.query('update cases set merged_into_id = $2 where merged_into_id = $1', [source.id, target.id]);
  await tx.query(
    `update cases set merged_into_id = $2, status = 'closed', custom_status_id = null, closed_at = now(),
       solved_at = coalesce(solved_at, now()), updated_at = now(), version = version + 1 where id = $1`,
    [source.id, target.id],
  );
  const tags = [...new Set([...target.tags, ...source.tags])];
  await tx.query('update cases set tags = $2, updated_at = now(), version = version + 1 where id = $1', [target.id, tags]);
  await tx.query(`insert into case_entries (case_id, kind, author_user_id, changes) values ($1, 'change', $2, $3::jsonb), ($4, 'change', $2, $5::jsonb)`, [
    target.id,
    author,
    JSON.stringify([{ field: 'mergedFrom', from: null, to: source.number }]),
    source.id,
    JSON.stringify([{ field: 'mergedInto', from: null, to: target.number }, { field: 'status', from: source.status, to: 'closed' }]),
  ]);
  await app.events.emit(tx, {
    type: 'case.merged',
    actorId: author,
    audience: caseAudience({ teamId: target.team_id, assigneeId: target.assignee_id }, { teamId: source.team_id, assigneeId: source.assignee_id }),
    payload: { caseId: target.id, number: target.number, sourceId: source.id, sourceNumber: source.number },
  });
  return getCase(tx, actor, target.id);
}

/** Links two related cases (both directions); linking twice changes nothing. */
export async function linkCases(app: AppContext, actor: Actor, tx: Tx, ref: string | number, otherId: string, link: boolean): Promise<void> {
  const a = await loadCase(tx, actor, ref);
  if (a.id === otherId) throw new AppError('validation_failed', 'a case cannot be linked to itself', [{ field: 'body.caseId', message: 'is the same case' }]);
  const b = await loadCase(tx, actor, otherId);
  const [lo, hi] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
  const res = link
    ? await tx.query('insert into case_links (case_a, case_b, created_by_id) values ($1, $2, $3) on conflict do nothing', [lo, hi, authorId(actor)])
    : await tx.query('delete from case_links where case_a = $1 and case_b = $2', [lo, hi]);
  if (res.rowCount === 0) return;
  const field = link ? 'linked' : 'unlinked';
  await tx.query(`insert into case_entries (case_id, kind, author_user_id, changes) values ($1, 'change', $2, $3::jsonb), ($4, 'change', $2, $5::jsonb)`, [
    a.id,
    authorId(actor),
    JSON.stringify([{ field, from: null, to: b.number }]),
    b.id,
    JSON.stringify([{ field, from: null, to: a.number }]),
  ]);
  await app.events.emit(tx, {
    type: 'case.linked',
    actorId: authorId(actor),
    audience: caseAudience({ teamId: a.team_id, assigneeId: a.assignee_id }, { teamId: b.team_id, assigneeId: b.assignee_id }),
    payload: { caseId: a.id, otherId: b.id, linked: link },
  });
}
