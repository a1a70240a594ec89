-- One-time links with which a user created without a password sets one. Only the SHA-256 of the
-- token is stored, so a database leak yields no usable link.
create table invitations (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  token_hash text not null unique,
  created_by_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index invitations_user_idx on invitations (user_id);
