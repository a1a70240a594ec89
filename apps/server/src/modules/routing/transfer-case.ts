import type { z } from 'zod';
import type { CaseRouting, EscalateCaseBody, TransferCaseBody } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { canSeeCase, updateCase } from '../cases/index.ts';
import { notifyUser } from '../notifications/index.ts';

export interface CaseHead {
  id: string;
  number: number;
  subject: string;
  team_id: string | null;
  assignee_id: string | null;
}

/** The case by UUID or number when the actor may see it; 404 otherwise (existence does not leak). */
export async function findCase(db: Queryable, actor: Actor, ref: string | number): Promise<CaseHead> {
  const byNumber = typeof ref === 'number';
  const { rows } = await db.query<CaseHead>(`select id, number::int as number, subject, team_id, assignee_id from cases where ${byNumber ? 'number' : 'id'} = $1`, [ref]);
  const c = rows[0];
  if (!c || !canSeeCase(actor, { teamId: c.team_id, assigneeId: c.assignee_id })) throw notFound(`Case ${byNumber ? `#${ref}` : ''}`.trim());
  return c;
}

/** Appends a change entry and tells open timelines about it (internal: customers never see it). */
async function appendChange(app: AppContext, actor: Actor, tx: Tx, c: CaseHead, field: string, from: unknown, to: unknown): Promise<void> {
  const changes = [{ field, from, to }];
  const { rows } = await tx.query<{ id: number; created_at: Date }>(
    `insert into case_entries (case_id, kind, author_user_id, changes) values ($1, 'change', $2, $3::jsonb) returning id::int, created_at`,
    [c.id, authorId(actor), JSON.stringify(changes)],
  );
  const author = actor.via === 'system' ? { type: 'system', id: null, name: 'Switchboard' } : { type: 'user', id: actor.id, name: actor.name };
  await app.events.emit(tx, {
    type: 'case.entry_added',
    actorId: authorId(actor),
    audience: { teamIds: c.team_id ? [c.team_id] : [], userIds: c.assignee_id ? [c.assignee_id] : [], triage: c.team_id === null },
    payload: {
      caseId: c.id,
      number: c.number,
      internal: true,
      entry: { id: rows[0]!.id, caseId: c.id, kind: 'change', author, recordedBy: null, channel: null, direction: null, body: '', changes, attachments: [], createdAt: rows[0]!.created_at.toISOString() },
      statusChanged: null,
    },
  });
}

async function teamRef(db: Queryable, id: string | null): Promise<{ id: string; name: string } | null> {
  if (!id) return null;
  const { rows } = await db.query<{ id: string; name: string }>('select id, name from teams where id = $1', [id]);
  return rows[0] ?? null;
}

/**
 * Hands a case to another team, unassigned, with a context note the receiving agent reads first
 * (a banner until someone other than the sender acknowledges it). The team's routing rule, if any,
 * picks the agent through the `case.updated` the move emits.
 */
export async function transferCase(app: AppContext, actor: Actor, tx: Tx, ref: string | number, input: z.output<typeof TransferCaseBody>): Promise<CaseRouting> {
  const c = await findCase(tx, actor, ref);
  if (c.team_id === input.teamId) throw new AppError('validation_failed', 'The case is already in this team', [{ field: 'body.teamId', message: 'is the current team' }]);
  const to = await teamRef(tx, input.teamId);
  if (!to) throw new AppError('validation_failed', 'No such team', [{ field: 'body.teamId', message: 'is not a team' }]);
  const from = await teamRef(tx, c.team_id);
  await tx.query('insert into case_transfers (case_id, from_team_id, to_team_id, note, by_user_id) values ($1, $2, $3, $4, $5)', [c.id, c.team_id, to.id, input.note, authorId(actor)]);
  await appendChange(app, actor, tx, c, 'transfer', from, { team: to, note: input.note });
  await updateCase(app, actor, tx, c.id, 'current', { teamId: to.id, assigneeId: null });
  return caseRouting(tx, { ...actor, role: 'admin' }, c.id);
}

/** The receiving side has read the transfer note: the banner goes away. */
export async function acknowledgeTransfer(app: AppContext, actor: Actor, tx: Tx, ref: string | number): Promise<CaseRouting> {
  const c = await findCase(tx, actor, ref);
  await tx.query(
    `update case_transfers set acknowledged_by_id = $2, acknowledged_at = now()
     where id = (select max(id) from case_transfers where case_id = $1) and acknowledged_at is null and by_user_id is distinct from $2`,
    [c.id, actor.id],
  );
  return caseRouting(tx, actor, c.id);
}

/**
 * Escalates a case to the supervisors of its team (admins when the team has none): each gets a
 * notification, and the reason stays on the case.
 */
export async function escalateCase(app: AppContext, actor: Actor, tx: Tx, ref: string | number, input: z.output<typeof EscalateCaseBody>): Promise<CaseRouting> {
  const c = await findCase(tx, actor, ref);
  const supervisors = async (sql: string, params: unknown[]) => (await tx.query<{ id: string; name: string }>(sql, params)).rows;
  let notified = c.team_id
    ? await supervisors(
        `select u.id, u.name from team_members tm join users u on u.id = tm.user_id
         where tm.team_id = $1 and u.role = 'supervisor' and u.active and u.id <> $2 order by lower(u.name)`,
        [c.team_id, actor.id],
      )
    : [];
  if (notified.length === 0) notified = await supervisors(`select id, name from users where role = 'admin' and active and id <> $1 order by lower(name)`, [actor.id]);
  await tx.query('insert into case_escalations (case_id, team_id, reason, by_user_id, notified_ids) values ($1, $2, $3, $4, $5::uuid[])', [c.id, c.team_id, input.reason, authorId(actor), notified.map((u) => u.id)]);
  await appendChange(app, actor, tx, c, 'escalation', null, { reason: input.reason, notified });
  for (const u of notified) {
    await notifyUser(app, tx, { userId: u.id, kind: 'escalated', case: { id: c.id, number: c.number, subject: c.subject }, actor: actor.via === 'system' ? null : { id: actor.id, name: actor.name }, text: input.reason });
  }
  return caseRouting(tx, { ...actor, role: 'admin' }, c.id);
}

/** The case's latest transfer and its escalations, oldest first. */
export async function caseRouting(db: Queryable, actor: Actor, ref: string | number): Promise<CaseRouting> {
  const c = await findCase(db, actor, ref);
  const [transfers, escalations] = await Promise.all([
    db.query<{ id: number; from_id: string | null; from_name: string | null; to_id: string; to_name: string; note: string; by_id: string | null; by_name: string | null; created_at: Date; ack_id: string | null; ack_name: string | null; acknowledged_at: Date | null }>(
      `select t.id::int, t.from_team_id as from_id, f.name as from_name, t.to_team_id as to_id, tt.name as to_name, t.note,
         t.by_user_id as by_id, b.name as by_name, t.created_at, t.acknowledged_by_id as ack_id, a.name as ack_name, t.acknowledged_at
       from case_transfers t join teams tt on tt.id = t.to_team_id
       left join teams f on f.id = t.from_team_id left join users b on b.id = t.by_user_id left join users a on a.id = t.acknowledged_by_id
       where t.case_id = $1 order by t.id desc limit 1`,
      [c.id],
    ),
    db.query<{ id: number; reason: string; by_id: string | null; by_name: string | null; notified: Array<{ id: string; name: string }> | null; created_at: Date }>(
      `select e.id::int, e.reason, e.by_user_id as by_id, b.name as by_name, e.created_at,
         (select json_agg(json_build_object('id', u.id, 'name', u.name) order by lower(u.name)) from users u where u.id = any(e.notified_ids)) as notified
       from case_escalations e left join users b on b.id = e.by_user_id where e.case_id = $1 order by e.id`,
      [c.id],
    ),
  ]);
  const ref2 = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);
  const t = transfers.rows[0];
  return {
    transfer: t
      ? {
          id: t.id,
          fromTeam: ref2(t.from_id, t.from_name),
          toTeam: { id: t.to_id, name: t.to_name },
          note: t.note,
          by: ref2(t.by_id, t.by_name),
          createdAt: t.created_at.toISOString(),
          acknowledgedBy: ref2(t.ack_id, t.ack_name),
          acknowledgedAt: t.acknowledged_at?.toISOString() ?? null,
        }
      : null,
    escalations: escalations.rows.map((e) => ({ id: e.id, reason: e.reason, by: ref2(e.by_id, e.by_name), notified: e.notified ?? [], createdAt: e.created_at.toISOString() })),
  };
}
