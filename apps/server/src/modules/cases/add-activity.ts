import type { EntryActivity, TimelineEntry } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { caseAudience } from './policy.ts';
import { entrySelect, loadCase, toEntry, type EntryRow } from './queries.ts';

export interface NewActivity {
  /** "<module>.<what>", e.g. "flows.step"; the web app picks its renderer by it. */
  type: EntryActivity['type'];
  /** One line a person reads where no renderer knows the type (exports, search, notifications). */
  summary: string;
  /** The module's own typed record of what happened. */
  data: EntryActivity['data'];
}

/**
 * Documents on the case what another module did with it — a troubleshooting step answered, an
 * article sent, a macro applied — as an append-only timeline entry. Activities are internal: like
 * notes they never reach the customer. Returns the new entry.
 */
export async function addActivity(app: AppContext, actor: Actor, tx: Tx, ref: string | number, activity: NewActivity): Promise<TimelineEntry> {
  const c = await loadCase(tx, actor, ref);
  if (c.merged_into_id) throw new AppError('unprocessable', `Case #${c.number} was merged into another case; write there`, [], { mergedIntoId: c.merged_into_id });
  const author = authorId(actor);
  const { rows } = await tx.query<EntryRow>(
    `with e as (
       insert into case_entries (case_id, kind, author_user_id, body, activity) values ($1, 'activity', $2, $3, $4::jsonb) returning *
     ), touched as (update cases set updated_at = now() where id = $1)
     ${entrySelect.replace('from case_entries e', 'from e')}`,
    [c.id, author, activity.summary, JSON.stringify({ type: activity.type, data: activity.data })],
  );
  const created = toEntry(rows[0]!);
  await app.events.emit(tx, {
    type: 'case.entry_added',
    actorId: author,
    audience: caseAudience({ teamId: c.team_id, assigneeId: c.assignee_id }),
    payload: { caseId: c.id, number: c.number, internal: true, entry: created, statusChanged: null },
  });
  return created;
}
