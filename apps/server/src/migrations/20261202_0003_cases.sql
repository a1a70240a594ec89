-- Cases, their append-only timeline, links, custom fields and statuses, saved views.
create table custom_field_definitions (
  id uuid primary key default gen_random_uuid(),
  entity text not null check (entity in ('case', 'customer')),
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  label text not null,
  type text not null check (type in ('text', 'number', 'date', 'select', 'checkbox')),
  options text[] not null default '{}',
  important boolean not null default false,
  position integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (entity, key)
);

create table team_form_fields (
  team_id uuid not null references teams (id) on delete cascade,
  field_id uuid not null references custom_field_definitions (id) on delete cascade,
  position integer not null default 0,
  required boolean not null default false,
  primary key (team_id, field_id)
);

create table custom_statuses (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  category text not null check (category in ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
  position integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index custom_statuses_name_key on custom_statuses (lower(name));

create sequence case_number_seq start 1000;

create table cases (
  id uuid primary key default gen_random_uuid(),
  number bigint not null unique default nextval('case_number_seq'),
  subject text not null,
  status text not null default 'new' check (status in ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
  custom_status_id uuid references custom_statuses (id),
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  channel text not null check (channel in ('email', 'chat', 'phone', 'portal', 'walk_in', 'api')),
  requester_id uuid not null references customers (id),
  organization_id uuid references organizations (id) on delete set null,
  assignee_id uuid references users (id) on delete set null,
  team_id uuid references teams (id) on delete set null,
  tags text[] not null default '{}',
  custom_fields jsonb not null default '{}',
  merged_into_id uuid references cases (id),
  created_by_id uuid references users (id) on delete set null,
  -- millisecond precision: keyset cursors round-trip through JavaScript dates exactly
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  solved_at timestamptz,
  closed_at timestamptz,
  version integer not null default 1
);
-- Keyset pagination: every (visibility branch, status) pair has an index in each sort order,
-- so a view page is a handful of short index scans merged, at any table size.
create index cases_team_status_updated on cases (team_id, status, updated_at, id);
create index cases_team_status_created on cases (team_id, status, created_at, id);
create index cases_assignee_status_updated on cases (assignee_id, status, updated_at, id);
create index cases_assignee_status_created on cases (assignee_id, status, created_at, id);
create index cases_status_updated on cases (status, updated_at, id);
create index cases_status_created on cases (status, created_at, id);
create index cases_requester_idx on cases (requester_id, updated_at);
create index cases_organization_idx on cases (organization_id);
create index cases_subject_trgm on cases using gin (subject gin_trgm_ops);

create table case_entries (
  id bigserial primary key,
  case_id uuid not null references cases (id),
  kind text not null check (kind in ('message', 'note', 'change')),
  author_user_id uuid references users (id) on delete set null,
  author_customer_id uuid references customers (id) on delete set null,
  channel text check (channel in ('email', 'chat', 'phone', 'portal', 'walk_in', 'api')),
  direction text check (direction in ('inbound', 'outbound')),
  body text not null default '',
  changes jsonb,
  created_at timestamptz not null default now(),
  check (kind <> 'message' or (channel is not null and direction is not null))
);
create index case_entries_case_idx on case_entries (case_id, id);

-- The timeline is the record of what happened: it is never rewritten.
create function switchboard_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the case timeline is append-only' using errcode = '55000';
end
$$;
create trigger case_entries_append_only before update or delete on case_entries
  for each row execute function switchboard_append_only();

create table case_links (
  case_a uuid not null references cases (id),
  case_b uuid not null references cases (id),
  created_by_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (case_a, case_b),
  check (case_a < case_b)
);
create index case_links_b_idx on case_links (case_b);

create table views (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  owner_id uuid references users (id) on delete cascade,
  filters jsonb not null default '{}',
  sort text not null default 'updated_desc',
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index views_owner_idx on views (owner_id);
