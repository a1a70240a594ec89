-- Customer sign-in by a one-time link: links and sessions are stored only as SHA-256 of their
-- secret, like staff sessions. Every link request is recorded (known address or not) so the rate
-- limits per address and per IP cannot tell which addresses belong to a customer.
create table portal_link_requests (
  id bigserial primary key,
  email text not null,
  ip text not null,
  at timestamptz not null default now()
);
create index portal_link_requests_email_idx on portal_link_requests (lower(email), at);
create index portal_link_requests_ip_idx on portal_link_requests (ip, at);

create table portal_sign_in_links (
  token_hash text primary key,
  -- Null for an address nobody has yet, when self-registration is on: the customer is created
  -- only when the link is used, i.e. once they proved the address is theirs.
  customer_id uuid references customers (id) on delete cascade,
  email text not null,
  language text not null default 'en' check (language in ('en', 'de', 'et', 'tr')),
  -- Where to go after signing in (a path inside /portal).
  return_to text,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index portal_sign_in_links_expiry_idx on portal_sign_in_links (expires_at);

create table portal_sessions (
  id text primary key,
  customer_id uuid not null references customers (id) on delete cascade,
  -- The address the customer signed in with (they may have several).
  email text not null,
  csrf_token text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  user_agent text not null default '',
  ip text not null default ''
);
create index portal_sessions_customer_idx on portal_sessions (customer_id);
create index portal_sessions_expiry_idx on portal_sessions (expires_at);
