import type { Case, EntryEmail, TimelineEntry } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { notifyUser } from '../notifications/index.ts';
import { linkAttachments } from './attachments.ts';
import { caseAudience } from './policy.ts';
import { entrySelect, loadCase, toEntry, type EntryRow } from './queries.ts';

export type NewEntry =
  | {
      kind: 'message';
      body: string;
      direction: 'inbound' | 'outbound';
      channel?: Case['channel'] | undefined;
      attachmentIds?: string[] | undefined;
      /** Email envelope (received mail), or the Cc of a reply. */
      email?: EntryEmail | undefined;
    }
  | { kind: 'note'; body: string; attachmentIds?: string[] | undefined };

/** What a new message does to the status: a customer writing reopens, our first reply opens. */
function statusAfter(entry: NewEntry, status: Case['status']): Case['status'] {
  if (entry.kind !== 'message') return status;
  if (entry.direction === 'inbound' && (status === 'pending' || status === 'solved' || status === 'on_hold')) return 'open';
  if (entry.direction === 'outbound' && status === 'new') return 'open';
  return status;
}

/**
 * Appends a message (a reply we sent, or a contact we log, e.g. a phone call) or an internal note
 * to the timeline, with the actor's uploads in `attachmentIds`. Notes never reach the customer:
 * their event carries `internal: true`. A customer's message notifies the case's assignee.
 */
export async function addEntry(app: AppContext, actor: Actor, tx: Tx, ref: string | number, entry: NewEntry): Promise<TimelineEntry> {
  const visible = await loadCase(tx, actor, ref);
  // Decide on the status from the locked row, not from what was read before someone else's change.
  const { rows: locked } = await tx.query<{ status: Case['status']; merged_into_id: string | null; assignee_id: string | null; team_id: string | null }>(
    'select status, merged_into_id, assignee_id, team_id from cases where id = $1 for update',
    [visible.id],
  );
  const c = { ...visible, ...locked[0]! };
  if (c.merged_into_id) throw new AppError('unprocessable', `Case #${c.number} was merged into another case; write there`, [], { mergedIntoId: c.merged_into_id });
  if (c.status === 'closed' && entry.kind === 'message') {
    throw new AppError('unprocessable', `Case #${c.number} is closed; open a follow-up case to write to the customer`);
  }
  const author = authorId(actor);
  const isMessage = entry.kind === 'message';
  const inbound = isMessage && entry.direction === 'inbound';
  const { rows } = await tx.query<{ id: number }>(
    `insert into case_entries (case_id, kind, author_user_id, author_customer_id, channel, direction, body, email)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) returning id`,
    [
      c.id,
      entry.kind,
      author,
      inbound ? c.requester_id : null,
      isMessage ? (entry.channel ?? c.channel) : null,
      isMessage ? entry.direction : null,
      entry.body,
      isMessage && entry.email ? JSON.stringify(entry.email) : null,
    ],
  );
  const status = statusAfter(entry, c.status);
  if (status !== c.status) {
    await tx.query(
      `update cases set status = $2, custom_status_id = null, solved_at = null, updated_at = now(), version = version + 1 where id = $1`,
      [c.id, status],
    );
    await tx.query(`insert into case_entries (case_id, kind, author_user_id, changes) values ($1, 'change', $2, $3::jsonb)`, [
      c.id,
      author,
      JSON.stringify([{ field: 'status', from: c.status, to: status }]),
    ]);
  } else {
    await tx.query('update cases set updated_at = now() where id = $1', [c.id]);
  }
  const entryId = rows[0]!.id;
  const attachments = await linkAttachments(tx, actor, c.id, entryId, entry.attachmentIds ?? []);
  const { rows: saved } = await tx.query<EntryRow>(`${entrySelect} where e.id = $1`, [entryId]);
  const created = toEntry(saved[0]!, attachments);
  if (inbound && c.assignee_id && c.assignee_id !== author) {
    await notifyUser(app, tx, {
      userId: c.assignee_id,
      kind: 'customer_replied',
      case: { id: c.id, number: c.number, subject: c.subject },
      entryId,
      actor: { id: c.requester_id, name: c.requester_name },
      text: entry.body,
    });
  }
  await app.events.emit(tx, {
    type: 'case.entry_added',
    actorId: author,
    audience: caseAudience({ teamId: c.team_id, assigneeId: c.assignee_id }),
    payload: { caseId: c.id, number: c.number, internal: entry.kind === 'note', entry: created, statusChanged: status !== c.status ? status : null },
  });
  return created;
}
