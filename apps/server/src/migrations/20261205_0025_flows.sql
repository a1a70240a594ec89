-- Guided troubleshooting flows: a flow with its working draft, its published versions (immutable),
-- and runs, each pinned to the version it started on.
create table flows (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  -- The team a self-service request lands on; also a (weak) hint for suggesting the flow.
  team_id uuid references teams (id) on delete set null,
  -- A case carrying one of these tags gets the flow suggested.
  tags text[] not null default '{}',
  public boolean not null default false,
  archived boolean not null default false,
  draft jsonb not null,
  published_version integer,
  version integer not null default 1,
  created_by_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index flows_tags on flows using gin (tags) where not archived;

-- A published version never changes: runs in progress keep following theirs.
create table flow_versions (
  flow_id uuid not null references flows (id) on delete cascade,
  version integer not null check (version > 0),
  definition jsonb not null,
  published_by_id uuid references users (id) on delete set null,
  published_at timestamptz not null default now(),
  primary key (flow_id, version)
);

create table flow_runs (
  id uuid primary key default gen_random_uuid(),
  flow_id uuid not null,
  version integer not null,
  case_id uuid references cases (id) on delete set null,
  channel text not null check (channel in ('agent', 'self_service')),
  -- Self-service runs are reached by a random token in the URL, stored only as its SHA-256.
  token_hash text unique,
  language text not null,
  status text not null default 'active' check (status in ('active', 'completed', 'abandoned')),
  current_step text not null,
  -- The answered steps, oldest first: [{ stepId, answer, at }].
  history jsonb not null default '[]',
  outcome_step text,
  outcome_kind text,
  started_by_id uuid references users (id) on delete set null,
  started_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz,
  foreign key (flow_id, version) references flow_versions (flow_id, version) on delete cascade,
  check ((channel = 'self_service') = (token_hash is not null))
);
-- One agent run in progress per case: the side panel shows it, and two agents cannot interleave.
create unique index flow_runs_active_case on flow_runs (case_id) where status = 'active' and channel = 'agent';
create index flow_runs_case on flow_runs (case_id, started_at desc) where case_id is not null;
create index flow_runs_analytics on flow_runs (flow_id, version, status);
