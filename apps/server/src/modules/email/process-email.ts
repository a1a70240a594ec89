import { z } from 'zod';
import type { Case } from '@switchboard/contracts';
import { systemActor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { defineJob, PermanentJobError } from '../../platform/jobs/index.ts';
import { addEntry, attachReceivedFiles, linkCases, openCase, updateCase } from '../cases/index.ts';
import { acknowledgeNewCase } from './acknowledge.ts';
import { bounceDetails, isBounce, noAutoReplyReason } from './classify.ts';
import { entryOfMessageId, looksLikeOurs } from './message-ids.ts';
import { entryEmailOf } from './render-html.ts';
import { bareMessageId, parseEmail, roughHeader, UnreadableEmail, type InboundEmail } from './parse-email.ts';

export interface StoredEmail {
  /** Null while `unwritten`: the id is drawn with the first statement. */
  id: number | null;
  /**
   * Set while the message is being received: its row is not written yet and is inserted, with the
   * outcome, as the transaction's last statement — one write instead of an insert and an update.
   */
  unwritten?: { source: string; size: number; sha256: string };
  /** A Buffer from node-postgres, a Uint8Array from PGlite. */
  raw: Uint8Array;
  state: string;
  mailbox_id: string | null;
  envelope_from: string | null;
  envelope_to: string[];
}

interface ThreadCase {
  id: string;
  number: number;
  status: Case['status'];
}

/**
 * The live case a Message-ID belongs to (following merges). One that claims to be ours must carry
 * a valid signature, or it is ignored: a forged In-Reply-To cannot put mail into someone's case.
 */
async function caseByMessageIds(tx: Tx, given: readonly string[]): Promise<ThreadCase | null> {
  const ids: string[] = [];
  for (const id of given) if (!looksLikeOurs(id) || (await entryOfMessageId(tx, id)) !== null) ids.push(id);
  if (ids.length === 0) return null;
  const { rows } = await tx.query<ThreadCase & { pos: number }>(
    `select coalesce(m.id, c.id) as id, coalesce(m.number, c.number) as number, coalesce(m.status, c.status) as status, array_position($1::text[], t.message_id) as pos
     from email_message_ids t join cases c on c.id = t.case_id left join cases m on m.id = c.merged_into_id
     where t.message_id = any($1::text[]) order by pos desc limit 1`,
    [ids],
  );
  return rows[0] ?? null;
}

/** `[#1234]` in the subject names a case — trusted only when the sender is that case's requester or one of its CCs. */
async function caseBySubjectTag(tx: Tx, email: InboundEmail): Promise<ThreadCase | null> {
  const m = /\[#(\d{1,12})\]/.exec(email.subject);
  if (!m) return null;
  const { rows } = await tx.query<ThreadCase>(
    `select c.id, c.number, c.status from cases c
     where c.number = $1 and c.merged_into_id is null
       and (exists (select 1 from customer_emails e where e.customer_id = c.requester_id and lower(e.email) = $2)
         or exists (select 1 from case_participants p where p.case_id = c.id and p.email = $2))`,
    [Number(m[1]), email.from.address],
  );
  return rows[0] ?? null;
}

/**
 * Keeps everyone else on the conversation as the case's participants: the other To and Cc
 * addresses, and the sender when it is not the requester — never our own mailboxes.
 */
async function recordParticipants(tx: Tx, caseId: string, email: InboundEmail, own: ReadonlySet<string>): Promise<void> {
  const people = new Map<string, string>();
  for (const a of [email.from, ...email.to, ...email.cc]) if (!own.has(a.address) && !people.has(a.address)) people.set(a.address, a.name);
  if (people.size === 0) return;
  await tx.query(
    `insert into case_participants (case_id, email, name)
     select $1, p.email, nullif(p.name, '') from unnest($2::text[], $3::text[]) as p(email, name)
     where not exists (select 1 from customer_emails e join cases c on c.requester_id = e.customer_id where c.id = $1 and lower(e.email) = p.email)
     on conflict (case_id, email) do nothing`,
    [caseId, [...people.keys()].slice(0, 50), [...people.values()].slice(0, 50)],
    { prepare: true },
  );
}

interface MailboxRow {
  id: string;
  team_id: string | null;
  address: string;
  active: boolean;
}

/** The mailbox the message was sent to: the one it came in through, else by the envelope, else by To/Cc. */
function mailboxOf(mailboxes: readonly MailboxRow[], stored: StoredEmail, email: InboundEmail): MailboxRow | null {
  const active = mailboxes.filter((m) => m.active);
  const through = active.find((m) => m.id === stored.mailbox_id);
  if (through) return through;
  const addresses = [...stored.envelope_to, ...email.to.map((a) => a.address), ...email.cc.map((a) => a.address)].map((a) => a.toLowerCase());
  for (const address of addresses) {
    const m = active.find((x) => x.address === address);
    if (m) return m;
  }
  return null;
}

const messageBody = (email: InboundEmail): string => email.text.trim() || '(no text)';

/** Threads the message onto its case, or opens a new one; returns where it went. */
async function deliver(app: AppContext, tx: Tx, mailbox: { team_id: string | null } | null, email: InboundEmail): Promise<{ caseId: string; entryId: number | null; created?: Case }> {
  const thread = (await caseByMessageIds(tx, [...email.references, ...email.inReplyTo])) ?? (await caseBySubjectTag(tx, email));
  let relatedClosed: ThreadCase | null = null;
  if (thread && thread.status === 'closed') {
    if (app.config.EMAIL_CLOSED_CASE === 'reopen') {
      await updateCase(app, systemActor, tx, thread.id, 'current', { status: 'open' });
    } else relatedClosed = thread;
  }
  const body = messageBody(email);
  const details = entryEmailOf(email, body);
  if (thread && !relatedClosed) {
    const entry = await addEntry(app, systemActor, tx, thread.id, { kind: 'message', direction: 'inbound', channel: 'email', body, email: details });
    return { caseId: thread.id, entryId: Number(entry.id) };
  }
  const { case: created, messageEntryId } = await openCase(app, systemActor, tx, {
    subject: email.subject.slice(0, 500) || '(no subject)',
    requester: { name: (email.from.name || email.from.address.split('@')[0]!).slice(0, 200), email: email.from.address },
    channel: 'email',
    priority: 'normal',
    teamId: mailbox?.team_id ?? null,
    tags: [],
    customFields: {},
    message: { body, direction: 'inbound' },
    messageEmail: details,
  });
  if (relatedClosed) await linkCases(app, systemActor, tx, created.id, relatedClosed.id, true);
  if (email.language) {
    await tx.query(`update customers set preferred_language = $2 where id = $1 and preferred_language is null`, [created.requester.id, email.language]);
  }
  return { caseId: created.id, entryId: messageEntryId, created };
}

/**
 * A bounce of a message we sent: a note on that case with the reason, and the address flagged so
 * agents see it before writing again. Null when the bounce is for nothing we sent.
 */
async function recordBounce(app: AppContext, tx: Tx, raw: string): Promise<{ caseId: string; entryId: number } | null> {
  for (const m of raw.matchAll(/Message-ID:\s*<(sb\.\d+\.[0-9a-f]{20}@[^>\s]+)>/gi)) {
    const entryId = await entryOfMessageId(tx, m[1]!);
    if (entryId === null) continue;
    const { rows } = await tx.query<{ case_id: string }>(`select case_id from case_entries where id = $1`, [entryId]);
    if (!rows[0]) continue;
    const { recipient, reason } = bounceDetails(raw);
    if (recipient) {
      await tx.query(`update customer_emails set bounced_at = now(), bounce_reason = $2 where lower(email) = $1`, [recipient, reason.slice(0, 500)]);
    }
    const note = await addEntry(app, systemActor, tx, rows[0].case_id, { kind: 'note', body: `⚠ Our email${recipient ? ` to ${recipient}` : ''} bounced: ${reason}` });
    return { caseId: rows[0].case_id, entryId: note.id };
  }
  return null;
}

/** Our own addresses (every mailbox's and the sender address): mail from them is never answered automatically. */
function ownAddresses(app: AppContext, mailboxes: readonly MailboxRow[]): Set<string> {
  const from = /<?([^<>\s]+@[^<>\s]+)>?\s*$/.exec(app.config.MAIL_FROM)?.[1]?.toLowerCase();
  return new Set([...mailboxes.map((m) => m.address), ...(from ? [from] : [])]);
}

/**
 * Turns a received message into a timeline entry, exactly once (returns the message's id): the Message-ID is recorded with
 * it, so a re-delivered copy becomes a `duplicate` pointing at the same case. Runs in the
 * transaction that stores the message (on receipt) or in the retrying job's.
 */
export async function processParsed(app: AppContext, tx: Tx, stored: StoredEmail, email: InboundEmail): Promise<number> {
  /** The stored message's outcome, with what parsing found (one statement; `extra` is a CTE over its parameters). */
  const finish = (state: 'processed' | 'duplicate', at: { caseId: string; entryId: number | null }, more: { noAutoReply?: string | null; mailboxId?: string | null; extra?: string } = {}) => {
    const outcome = [id, state, at.caseId, at.entryId, more.noAutoReply ?? null, more.mailboxId ?? null, email.messageId, email.subject.slice(0, 500), email.from.address];
    const { unwritten } = stored;
    if (unwritten) {
      return tx.query(
        `${more.extra ?? ''} insert into inbound_emails (id, state, case_id, entry_id, no_auto_reply, mailbox_id, message_id, subject, from_address, processed_at,
           source, envelope_from, envelope_to, raw, size, sha256)
         values ($1, $2, $3, $4, $5, coalesce($6::uuid, $10::uuid), $7, $8, $9, now(), $11, $12, $13, $14, $15, $16)`,
        [...outcome, stored.mailbox_id, unwritten.source, stored.envelope_from, stored.envelope_to, stored.raw, unwritten.size, unwritten.sha256],
        { prepare: true },
      );
    }
    return tx.query(
      `${more.extra ?? ''} update inbound_emails set state = $2, case_id = $3, entry_id = $4, error = null, no_auto_reply = $5, mailbox_id = coalesce($6, mailbox_id),
         message_id = $7, subject = $8, from_address = $9, processed_at = now() where id = $1`,
      outcome,
      { prepare: true },
    );
  };
  // Whether this Message-ID was seen, the mailboxes, and (on receipt) the message's id: one round trip.
  const { rows: first } = await tx.query<{ known: { case_id: string; entry_id: number | null } | null; mailboxes: MailboxRow[]; id: number | null }>(
    `select (select json_build_object('case_id', case_id, 'entry_id', entry_id) from email_message_ids where message_id = $1) as known,
       (select coalesce(json_agg(json_build_object('id', id, 'team_id', team_id, 'address', lower(address), 'active', active)), '[]') from mailboxes) as mailboxes,
       coalesce($2::int8, nextval(pg_get_serial_sequence('inbound_emails', 'id'))) as id`,
    [email.messageId, stored.id],
    { prepare: true },
  );
  const { known, mailboxes } = first[0]!;
  const id = first[0]!.id!;
  if (known) {
    await finish('duplicate', { caseId: known.case_id, entryId: known.entry_id });
    return id;
  }
  if (isBounce(email)) {
    const bounced = await recordBounce(app, tx, Buffer.from(stored.raw).toString('utf8'));
    if (!bounced) throw new PermanentJobError('a delivery report (bounce) for a message we did not send');
    await finish('processed', bounced);
    return id;
  }
  const mailbox = mailboxOf(mailboxes, stored, email);
  const where = await deliver(app, tx, mailbox, email);
  if (where.entryId !== null && email.attachments.length > 0) {
    const files = await attachReceivedFiles(tx, where.caseId, where.entryId, email.attachments, app.config.ATTACHMENT_MAX_BYTES);
    if (files.tooLarge.length > 0) {
      await addEntry(app, systemActor, tx, where.caseId, {
        kind: 'note',
        body: `Not attached, larger than the upload limit: ${files.tooLarge.join(', ')}. The original message (GET /api/v1/email/inbound/${id}/raw) still has them.`,
      });
    }
  }
  const own = ownAddresses(app, mailboxes);
  // The envelope's recipients are ours too (an alias that forwards to a mailbox), never participants;
  // nor is the sender of a message that just opened its case: the requester.
  const notParticipants = [...own, ...stored.envelope_to.map((a) => a.toLowerCase()), ...(where.created ? [email.from.address] : [])];
  await recordParticipants(tx, where.caseId, email, new Set(notParticipants));
  let noAutoReply: string | null = null;
  if (where.created) {
    noAutoReply = app.config.SMTP_URL ? noAutoReplyReason(email, stored.envelope_from, own) : 'no SMTP relay is configured';
    if (!noAutoReply) {
      const sent = await acknowledgeNewCase(app, tx, where.created, { address: email.from.address, name: email.from.name }, email.language ?? 'en', email.messageId, mailbox?.id ?? null);
      if (!sent) noAutoReply = 'acknowledgement limit for this sender reached';
    }
  }
  await finish('processed', where, {
    noAutoReply,
    mailboxId: mailbox?.id ?? null,
    extra: 'with m as (insert into email_message_ids (message_id, case_id, entry_id, inbound_email_id) values ($7, $3, $4, $1))',
  });
  return id;
}

/** Processes a stored message that could not be processed on receipt (retried, then quarantined). */
export const processEmailJob = defineJob({
  name: 'email.process',
  payload: z.object({ inboundId: z.number().int() }),
  maxAttempts: 5,
  backoffMs: 5_000,
  runInTransaction: async (tx, { inboundId }, run) => {
    const { rows } = await tx.query<StoredEmail>(`select id, raw, state, mailbox_id, envelope_from, envelope_to from inbound_emails where id = $1 for update`, [inboundId]);
    const stored = rows[0];
    if (!stored || stored.state !== 'received') return; // processed meanwhile, or deleted
    let email: InboundEmail;
    try {
      email = await parseEmail(Buffer.from(stored.raw));
    } catch (err) {
      if (err instanceof UnreadableEmail) throw new PermanentJobError(err.message);
      throw err;
    }
    await processParsed(run.ctx, tx, stored, email);
  },
  onDead: async (tx, { inboundId }, error) => {
    const { rows } = await tx.query<{ raw: Uint8Array }>(`select raw from inbound_emails where id = $1`, [inboundId]);
    const raw = rows[0] ? Buffer.from(rows[0].raw) : Buffer.alloc(0);
    const messageId = roughHeader(raw, 'message-id');
    await tx.query(
      `update inbound_emails set state = 'quarantined', error = $2, subject = coalesce(subject, $3), message_id = coalesce(message_id, $4), from_address = coalesce(from_address, $5) where id = $1`,
      [inboundId, error.slice(0, 2000), roughHeader(raw, 'subject'), messageId ? bareMessageId(messageId) : null, roughHeader(raw, 'from')],
    );
  },
});
