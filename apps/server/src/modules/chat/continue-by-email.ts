import type { TimelineEntry } from '@switchboard/contracts';
import { z } from 'zod';
import { systemActor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { defineJob, EventJobPayload, type JobRun } from '../../platform/jobs/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { addActivity } from '../cases/index.ts';
import { replyMailText } from './mail-text.ts';

/** How long an agent's reply waits for a visitor who left the page before it goes by email. */
export const AWAY_EMAIL_DELAY_MS = 120_000;

interface Conversation {
  case_id: string;
  mode: 'chat' | 'email';
  visitor_read_id: number;
  email: string | null;
  language: string | null;
  present: boolean;
  number: number;
  subject: string;
  team_id: string | null;
}

async function conversationOf(tx: Tx, caseId: string): Promise<Conversation | null> {
  const { rows } = await tx.query<Conversation>(
    `select v.case_id, v.mode, v.visitor_read_id::int as visitor_read_id, coalesce(vi.email, (select e.email from customer_emails e where e.customer_id = c.requester_id order by e.is_primary desc, e.email limit 1)) as email,
       coalesce(vi.language, r.preferred_language) as language, (vi.sockets > 0 and vi.last_seen_at > now() - interval '90 seconds') as present,
       c.number::int as number, c.subject, c.team_id
     from chat_conversations v join chat_visitors vi on vi.id = v.visitor_id join cases c on c.id = v.case_id join customers r on r.id = c.requester_id
     where v.case_id = $1 for update of v`,
    [caseId],
  );
  return rows[0] ?? null;
}

/**
 * Sends agent replies by email on the chat's own case, in the customer's language: subject with
 * the case tag `[#n]` and from the team's mailbox, so the email module threads the customer's
 * answer onto this same case (the tag is trusted from the requester's address).
 */
async function mailReplies(run: JobRun, tx: Tx, conv: Conversation, replies: ReadonlyArray<{ id: number; author: string; body: string }>): Promise<void> {
  if (!conv.email || replies.length === 0) return;
  const { rows: mailbox } = await tx.query<{ address: string; name: string }>(
    `select address, name from mailboxes where active and ($1::uuid is null or team_id = $1) order by (team_id is null), created_at limit 1`,
    [conv.team_id],
  );
  const domain = /@([^>\s]+)>?\s*$/.exec(mailbox[0]?.address ?? run.ctx.config.MAIL_FROM)?.[1] ?? 'switchboard.invalid';
  const subject = /\[#\d+\]/.test(conv.subject) ? conv.subject : `${conv.subject} [#${conv.number}]`;
  const last = replies[replies.length - 1]!;
  await queueMail(run.ctx, tx, {
    ...(mailbox[0] ? { from: { address: mailbox[0].address, name: mailbox[0].name } } : {}),
    to: [conv.email],
    subject: `Re: ${subject}`,
    text: replyMailText(conv.language, replies),
    messageId: `<sb-chat.${conv.case_id}.${last.id}@${domain}>`,
    headers: {},
    ref: { kind: 'case-entry', id: `${conv.case_id}:${last.id}` },
  });
}

const replyOf = (entry: TimelineEntry | undefined): entry is TimelineEntry =>
  !!entry && entry.kind === 'message' && entry.direction === 'outbound' && entry.channel === 'chat' && entry.author.type === 'user';

/**
 * An agent answered a chat case. In email mode (nobody was online when the visitor wrote) the
 * reply goes by email at once. If the visitor has left the page, it waits a little
 * (`chat.email-unread`) and goes by email only when still unread — the conversation stays one case.
 */
export const continueByEmailJob = defineJob({
  name: 'chat.continue-by-email',
  payload: EventJobPayload,
  events: ['case.entry_added'],
  runInTransaction: async (tx, event, run) => {
    const entry = event.payload.entry as TimelineEntry | undefined;
    if (event.payload.internal !== false || !replyOf(entry)) return;
    const conv = await conversationOf(tx, entry.caseId);
    if (!conv || !conv.email) return;
    if (conv.mode === 'email') return mailReplies(run, tx, conv, [{ id: entry.id, author: entry.author.name, body: entry.body }]);
    if (!conv.present) {
      await run.ctx.jobs.enqueue(tx, emailUnreadJob, { caseId: entry.caseId }, { runAt: new Date(Date.now() + AWAY_EMAIL_DELAY_MS), key: entry.caseId, replace: true });
    }
  },
});

/** The visitor left without reading our replies: they go by email, and from now on the chat continues by email. */
export const emailUnreadJob = defineJob({
  name: 'chat.email-unread',
  payload: z.object({ caseId: z.uuid() }),
  runInTransaction: async (tx, { caseId }, run) => {
    const conv = await conversationOf(tx, caseId);
    if (!conv || !conv.email || conv.mode === 'email' || conv.present) return;
    const { rows } = await tx.query<{ id: number; author: string; body: string }>(
      `select e.id::int as id, coalesce(u.name, '') as author, e.body from case_entries e left join users u on u.id = e.author_user_id
       where e.case_id = $1 and e.kind = 'message' and e.direction = 'outbound' and e.id > $2 and e.author_user_id is not null order by e.id`,
      [caseId, conv.visitor_read_id],
    );
    if (rows.length === 0) return;
    await tx.query(`update chat_conversations set mode = 'email', updated_at = now() where case_id = $1`, [caseId]);
    await addActivity(run.ctx, systemActor, tx, caseId, {
      type: 'chat.email_continuation',
      summary: `The visitor left before reading the answer: replies go by email to ${conv.email}`,
      data: { email: conv.email, reason: 'left' },
    });
    await mailReplies(run, tx, conv, rows);
  },
});
