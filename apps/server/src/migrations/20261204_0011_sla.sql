-- SLAs: business-hours calendars, policies, each case's clocks and their results for reporting.
create table business_calendars (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100),
  time_zone text not null,
  -- [{ day: 1..7 (ISO, Monday = 1), start: 'HH:MM', end: 'HH:MM' }]
  weekly jsonb not null default '[]',
  -- [{ date: 'YYYY-MM-DD', name, recurring }]
  holidays jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create unique index business_calendars_name_key on business_calendars (lower(name));

-- A team counts its SLAs in at most one calendar; a team without one works 24/7.
create table team_calendars (
  team_id uuid primary key references teams (id) on delete cascade,
  calendar_id uuid not null references business_calendars (id) on delete cascade
);
create index team_calendars_calendar_idx on team_calendars (calendar_id);

create table sla_policies (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100),
  position integer not null default 0,
  enabled boolean not null default true,
  -- { priorities?, tiers?, channels?, teamIds? }: every one given must match
  conditions jsonb not null default '{}',
  first_response_minutes integer check (first_response_minutes > 0),
  next_response_minutes integer check (next_response_minutes > 0),
  resolution_minutes integer check (resolution_minutes > 0),
  warn_percent integer check (warn_percent between 1 and 99),
  -- [{ type: 'notify' } | { type: 'reassign', userId } | { type: 'raise_priority', to? }]
  escalation jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index sla_policies_position_idx on sla_policies (position, created_at);

-- The case's headline clock, as list rows show it.
create table case_sla (
  case_id uuid primary key references cases (id),
  policy_id uuid references sla_policies (id) on delete set null,
  policy_name text not null,
  metric text not null check (metric in ('first_response', 'next_response', 'resolution')),
  due_at timestamptz,
  paused boolean not null default false,
  breached boolean not null default false,
  warning boolean not null default false,
  updated_at timestamptz not null default now()
);

-- One row per case × metric × occurrence (next responses count up): kept for reporting.
create table case_sla_results (
  case_id uuid not null references cases (id),
  metric text not null check (metric in ('first_response', 'next_response', 'resolution')),
  occurrence integer not null default 1,
  policy_id uuid references sla_policies (id) on delete set null,
  policy_name text not null,
  target_minutes integer not null,
  started_at timestamptz not null,
  due_at timestamptz,
  warn_at timestamptz,
  achieved_at timestamptz,
  paused boolean not null default false,
  breached boolean not null default false,
  business_minutes integer not null default 0,
  -- Set once: a warning and a breach are acted on once per occurrence.
  warned_at timestamptz,
  breach_handled_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (case_id, metric, occurrence)
);
create index case_sla_results_policy_idx on case_sla_results (policy_id, metric, started_at);

-- The nearest running due time (null: paused or none), so views sort by it with keyset pages.
-- Cases without one sort last: the sort key is coalesce(sla_due_at, '9999-12-31').
alter table cases add column sla_due_at timestamptz(3);
create index cases_team_status_due on cases (team_id, status, (coalesce(sla_due_at, '9999-12-31T00:00:00Z'::timestamptz)), id);
create index cases_assignee_status_due on cases (assignee_id, status, (coalesce(sla_due_at, '9999-12-31T00:00:00Z'::timestamptz)), id);
create index cases_status_due on cases (status, (coalesce(sla_due_at, '9999-12-31T00:00:00Z'::timestamptz)), id);

-- SLA warnings and breaches notify people.
alter table notifications drop constraint if exists notifications_kind_check;
alter table notifications add constraint notifications_kind_check
  check (kind in ('assigned', 'customer_replied', 'escalated', 'sla_warning', 'sla_breached'));
