-- A conversation is the chat side of one case: which visitor, whether answers go to the widget or
-- by email, and how far each side has read. chat_messages makes a visitor's send idempotent: the
-- widget's own id for a message, kept with the timeline entry it became (a resend finds it).
create table chat_conversations (
  id uuid primary key default gen_random_uuid(),
  channel_id uuid not null references chat_channels (id) on delete cascade,
  visitor_id uuid not null references chat_visitors (id) on delete cascade,
  case_id uuid not null references cases (id),
  mode text not null default 'chat' check (mode in ('chat', 'email')),
  visitor_read_id bigint not null default 0,
  agent_read_id bigint not null default 0,
  origin text,
  page text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index chat_conversations_case_key on chat_conversations (case_id);
create index chat_conversations_visitor_idx on chat_conversations (visitor_id, created_at desc);

create table chat_messages (
  visitor_id uuid not null references chat_visitors (id) on delete cascade,
  client_id text not null,
  entry_id bigint not null references case_entries (id),
  created_at timestamptz not null default now(),
  primary key (visitor_id, client_id)
);
create index chat_messages_entry_idx on chat_messages (entry_id);
