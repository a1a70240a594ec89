-- Routing: agents' skills, capacity per channel and presence; per-team rules; transfers, escalations.
create table agent_skills (
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (kind in ('product', 'language', 'certification')),
  name text not null check (name = lower(name) and length(name) between 1 and 60),
  primary key (user_id, kind, name)
);
create index agent_skills_name_idx on agent_skills (kind, name);

-- Missing rows mean the default capacity of the channel (see modules/routing/capacity.ts).
create table agent_capacity (
  user_id uuid not null references users (id) on delete cascade,
  channel text not null check (channel in ('email', 'chat', 'phone', 'portal', 'walk_in', 'api')),
  max_open integer not null check (max_open between 0 and 500),
  primary key (user_id, channel)
);

-- The chosen status lives here so every instance and the router see it; liveness is last_seen_at,
-- refreshed by the web app's heartbeat: "online" counts only while seen within the grace period.
create table agent_presence (
  user_id uuid primary key references users (id) on delete cascade,
  status text not null default 'offline' check (status in ('online', 'away', 'offline')),
  reason text check (reason in ('break', 'lunch', 'meeting', 'training', 'inactive', 'other')),
  automatic boolean not null default false,
  last_seen_at timestamptz,
  changed_at timestamptz not null default now()
);

create table routing_rules (
  team_id uuid primary key references teams (id) on delete cascade,
  enabled boolean not null default false,
  strategy text not null default 'least_busy' check (strategy in ('least_busy', 'round_robin')),
  prefer_account_owner boolean not null default true,
  match_language boolean not null default true,
  tag_skills boolean not null default true,
  skill_field text check (skill_field ~ '^[a-z][a-z0-9_]{0,62}$'),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

-- Round robin: the member routed to longest ago goes next.
create table routing_rotation (
  team_id uuid not null references teams (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  last_routed_at timestamptz not null,
  primary key (team_id, user_id)
);

create table case_transfers (
  id bigserial primary key,
  case_id uuid not null references cases (id),
  from_team_id uuid references teams (id) on delete set null,
  to_team_id uuid not null references teams (id) on delete cascade,
  note text not null check (length(note) between 1 and 5000),
  by_user_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  acknowledged_by_id uuid references users (id) on delete set null,
  acknowledged_at timestamptz
);
create index case_transfers_case_idx on case_transfers (case_id, id);

create table case_escalations (
  id bigserial primary key,
  case_id uuid not null references cases (id),
  team_id uuid references teams (id) on delete set null,
  reason text not null check (length(reason) between 1 and 5000),
  by_user_id uuid references users (id) on delete set null,
  notified_ids uuid[] not null default '{}',
  created_at timestamptz not null default now()
);
create index case_escalations_case_idx on case_escalations (case_id, id);

-- Escalations notify the team's supervisors.
alter table notifications drop constraint if exists notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in ('assigned', 'customer_replied', 'escalated', 'sla_warning', 'sla_breached'));
