-- Email: mailboxes that route to teams, every received message kept raw before it is processed,
-- and the Message-IDs that thread replies to their case.
create table mailboxes (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  address text not null,
  team_id uuid references teams (id) on delete set null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create unique index mailboxes_address_key on mailboxes (lower(address));

-- Written (and committed) before the sender is told "accepted": the message is never only in memory.
create table inbound_emails (
  id bigserial primary key,
  source text not null check (source in ('smtp', 'imap', 'http')),
  mailbox_id uuid references mailboxes (id) on delete set null,
  envelope_from text,
  envelope_to text[] not null default '{}',
  raw bytea not null,
  size integer not null,
  sha256 text not null,
  message_id text,
  subject text,
  from_address text,
  state text not null default 'received' check (state in ('received', 'processed', 'duplicate', 'quarantined')),
  error text,
  case_id uuid references cases (id),
  entry_id bigint references case_entries (id),
  received_at timestamptz(3) not null default now(),
  processed_at timestamptz(3)
);
create index inbound_emails_open_idx on inbound_emails (state, id) where state in ('received', 'quarantined');
create index inbound_emails_case_idx on inbound_emails (case_id) where case_id is not null;

-- Every Message-ID we received or sent on a case: In-Reply-To/References find the case by it.
create table email_message_ids (
  message_id text primary key,
  case_id uuid not null references cases (id),
  entry_id bigint references case_entries (id),
  inbound_email_id bigint references inbound_emails (id),
  created_at timestamptz not null default now()
);
create index email_message_ids_case_idx on email_message_ids (case_id);
