-- Chat visitors: one row per browser (anonymous) or per host-site user id (identified visitors),
-- linked to the customer record once we know who they are. Sessions hold the tokens the widget
-- frame keeps in its storage, only as SHA-256, with the website origin they were opened on.
create table chat_visitors (
  id uuid primary key default gen_random_uuid(),
  channel_id uuid not null references chat_channels (id) on delete cascade,
  external_id text,
  customer_id uuid references customers (id) on delete set null,
  name text,
  email text,
  topic text,
  language text,
  -- Open widget sockets on any instance; with last_seen_at (heartbeat) it tells whether the visitor is there.
  sockets integer not null default 0,
  last_seen_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index chat_visitors_external_key on chat_visitors (channel_id, external_id) where external_id is not null;
create index chat_visitors_customer_idx on chat_visitors (customer_id) where customer_id is not null;

create table chat_sessions (
  token_hash text primary key,
  visitor_id uuid not null references chat_visitors (id) on delete cascade,
  origin text not null,
  page text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now()
);
create index chat_sessions_visitor_idx on chat_sessions (visitor_id);
