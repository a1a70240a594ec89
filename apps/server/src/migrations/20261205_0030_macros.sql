-- Macros: reply texts per language with placeholders, and actions on the case, applied from the
-- composer. Personal ones belong to one user; shared ones (owner_id null) to everyone, or to one team.
create table macros (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  description text not null default '',
  owner_id uuid references users (id) on delete cascade,
  team_id uuid references teams (id) on delete cascade,
  default_language text not null check (default_language in ('en', 'de', 'et', 'tr')),
  -- {"en": "...", "de": "..."}: the default language always has one (checked by the use-case)
  texts jsonb not null default '{}',
  actions jsonb not null default '[]',
  usage_count integer not null default 0,
  last_used_at timestamptz,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  -- a team limit only makes sense for a shared macro
  check (owner_id is null or team_id is null)
);
create index macros_owner on macros (owner_id, name) where owner_id is not null;
create index macros_shared on macros (name) where owner_id is null;

-- How often each user applied each macro: the picker puts your usual ones first.
create table macro_usage (
  macro_id uuid not null references macros (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  uses integer not null default 0,
  last_used_at timestamptz not null default now(),
  primary key (macro_id, user_id)
);
create index macro_usage_user on macro_usage (user_id, uses desc);
