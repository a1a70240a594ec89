import type { CaseParticipant } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';

export interface MailboxRow {
  id: string;
  name: string;
  address: string;
  team_id: string | null;
  team_name: string | null;
  active: boolean;
  version: number;
  imap_enabled: boolean;
  imap_host: string | null;
  imap_port: number | null;
  imap_secure: boolean;
  imap_user: string | null;
  imap_folder: string;
  has_password: boolean;
  imap_last_error: string | null;
  imap_checked_at: Date | null;
}

export const toMailbox = (r: MailboxRow) => ({
  id: r.id,
  name: r.name,
  address: r.address,
  team: r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null,
  active: r.active,
  imap: {
    enabled: r.imap_enabled,
    host: r.imap_host,
    port: r.imap_port,
    secure: r.imap_secure,
    user: r.imap_user,
    folder: r.imap_folder,
    hasPassword: r.has_password,
    lastError: r.imap_last_error,
    checkedAt: r.imap_checked_at?.toISOString() ?? null,
  },
  version: r.version,
});

const mailboxSelect = `select m.id, m.name, m.address, m.team_id, t.name as team_name, m.active, m.version, m.imap_enabled, m.imap_host, m.imap_port,
  m.imap_secure, m.imap_user, m.imap_folder, m.imap_password is not null as has_password, m.imap_last_error, m.imap_checked_at
  from mailboxes m left join teams t on t.id = m.team_id`;

export async function listMailboxes(db: Queryable) {
  const { rows } = await db.query<MailboxRow>(`${mailboxSelect} order by lower(m.name)`);
  return rows.map(toMailbox);
}

export async function getMailbox(db: Queryable, id: string) {
  const { rows } = await db.query<MailboxRow>(`${mailboxSelect} where m.id = $1`, [id]);
  return rows[0] ? toMailbox(rows[0]) : null;
}

interface InboundRow {
  id: number;
  source: 'smtp' | 'imap' | 'http';
  state: 'received' | 'processed' | 'duplicate' | 'quarantined';
  from_address: string | null;
  envelope_from: string | null;
  subject: string | null;
  message_id: string | null;
  size: number;
  error: string | null;
  case_id: string | null;
  received_at: Date;
  processed_at: Date | null;
}

/** Received messages in one state, newest first (keyset by id). */
export async function listInbound(db: Queryable, q: { state: InboundRow['state']; before?: number | undefined; limit: number }) {
  const { rows } = await db.query<InboundRow>(
    `select id, source, state, from_address, envelope_from, subject, message_id, size, error, case_id, received_at, processed_at
     from inbound_emails where state = $1 and ($2::int8 is null or id < $2) order by id desc limit $3`,
    [q.state, q.before ?? null, q.limit],
  );
  const items = rows.map((r) => ({
    id: r.id,
    source: r.source,
    state: r.state,
    from: r.from_address ?? r.envelope_from,
    subject: r.subject,
    messageId: r.message_id,
    size: r.size,
    error: r.error,
    caseId: r.case_id,
    receivedAt: r.received_at.toISOString(),
    processedAt: r.processed_at?.toISOString() ?? null,
  }));
  return { items, nextBefore: items.length === q.limit ? items[items.length - 1]!.id : null };
}

/** The mailbox a case's conversation runs through: the one its latest received message came to. */
export async function caseMailbox(db: Queryable, caseId: string): Promise<{ id: string; name: string; address: string } | null> {
  const { rows } = await db.query<{ id: string; name: string; address: string }>(
    `select m.id, m.name, m.address from inbound_emails i join mailboxes m on m.id = i.mailbox_id
     where i.case_id = $1 order by i.id desc limit 1`,
    [caseId],
  );
  return rows[0] ?? null;
}

/** The case's participants (Cc), in the order they joined. */
export async function caseParticipants(db: Queryable, caseId: string): Promise<CaseParticipant[]> {
  const { rows } = await db.query<{ email: string; name: string | null; added_at: Date }>(
    `select email, name, added_at from case_participants where case_id = $1 order by added_at, email`,
    [caseId],
  );
  return rows.map((r) => ({ email: r.email, name: r.name, addedAt: r.added_at.toISOString() }));
}

/** A mailbox's name and address (for the sender of our mail). */
export async function mailboxById(db: Queryable, id: string): Promise<{ id: string; name: string; address: string } | null> {
  const { rows } = await db.query<{ id: string; name: string; address: string }>(`select id, name, address from mailboxes where id = $1`, [id]);
  return rows[0] ?? null;
}
