import type { ChatCaseState } from '@switchboard/contracts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import { caseAudience, getCase } from '../cases/index.ts';

/** Tells the agents who may see the case about its visitor (came, went, typed, read): a push, not a timeline entry. */
export async function emitVisitorEvent(app: AppContext, tx: Tx, caseId: string, payload: { online?: boolean; typing?: boolean; readUpTo?: number }): Promise<void> {
  const { rows } = await tx.query<{ team_id: string | null; assignee_id: string | null }>('select team_id, assignee_id from cases where id = $1', [caseId]);
  if (!rows[0]) return;
  await app.events.emit(tx, { type: 'chat.visitor', actorId: null, audience: caseAudience({ teamId: rows[0].team_id, assigneeId: rows[0].assignee_id }), payload: { caseId, ...payload } });
}

/** The visitor read our messages up to an entry of their case (only forward; never past the last entry). */
export async function markVisitorRead(app: AppContext, tx: Tx, caseId: string, upTo: number): Promise<void> {
  const { rows } = await tx.query<{ read: number }>(
    `update chat_conversations v set visitor_read_id = least($2, (select max(e.id) from case_entries e where e.case_id = v.case_id))
     where v.case_id = $1 and v.visitor_read_id < $2 and exists (select 1 from case_entries e where e.case_id = v.case_id and e.id > v.visitor_read_id)
     returning visitor_read_id::int as read`,
    [caseId, upTo],
  );
  if (rows[0]) await emitVisitorEvent(app, tx, caseId, { readUpTo: rows[0].read });
}

/** An agent who may see the case read the visitor's messages up to an entry: the widget shows "read". */
export async function markAgentRead(app: AppContext, actor: Actor, tx: Tx, caseRef: string | number, upTo: number): Promise<ChatCaseState> {
  const c = await getCase(tx, actor, caseRef);
  const { rows } = await tx.query<{ read: number }>(
    `update chat_conversations v set agent_read_id = least($2, (select max(e.id) from case_entries e where e.case_id = v.case_id))
     where v.case_id = $1 and v.agent_read_id < least($2, (select max(e.id) from case_entries e where e.case_id = v.case_id))
     returning agent_read_id::int as read`,
    [c.id, upTo],
  );
  if (rows[0]) {
    await app.events.emit(tx, { type: 'chat.agent_read', actorId: actor.id, audience: caseAudience({ teamId: c.team?.id ?? null, assigneeId: c.assignee?.id ?? null }), payload: { caseId: c.id, upTo: rows[0].read } });
  }
  return chatCaseState(tx, actor, c.id);
}

/** The chat side of a case for the agent's case screen; 404 when the case is not a widget chat (or not theirs to see). */
export async function chatCaseState(db: Queryable, actor: Actor, caseRef: string | number): Promise<ChatCaseState> {
  const c = await getCase(db, actor, caseRef);
  const { rows } = await db.query<{
    channel_id: string;
    channel_name: string;
    name: string | null;
    email: string | null;
    external_id: string | null;
    online: boolean;
    mode: 'chat' | 'email';
    visitor_read_id: number;
    agent_read_id: number;
    origin: string | null;
    page: string | null;
  }>(
    `select ch.id as channel_id, ch.name as channel_name, vi.name, vi.email, vi.external_id,
       (vi.sockets > 0 and vi.last_seen_at > now() - interval '90 seconds') as online,
       v.mode, v.visitor_read_id::int as visitor_read_id, v.agent_read_id::int as agent_read_id, v.origin, v.page
     from chat_conversations v join chat_channels ch on ch.id = v.channel_id join chat_visitors vi on vi.id = v.visitor_id
     where v.case_id = $1`,
    [c.id],
  );
  const r = rows[0];
  if (!r) throw notFound('The chat of this case');
  return {
    caseId: c.id,
    channel: { id: r.channel_id, name: r.channel_name },
    visitor: { name: r.name, email: r.email, identified: r.external_id !== null, online: r.online },
    mode: r.mode,
    visitorReadUpTo: r.visitor_read_id,
    agentReadUpTo: r.agent_read_id,
    origin: r.origin,
    page: r.page,
  };
}
