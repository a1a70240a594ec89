-- Automation: triggers and time rules, what they did, and outgoing webhooks with their delivery log.
create table automation_rules (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text not null default '',
  kind text not null check (kind in ('trigger', 'time')),
  event text,
  conditions jsonb not null default '{"match":"all","items":[]}',
  actions jsonb not null default '[]',
  time_zone text not null default 'UTC',
  enabled boolean not null default true,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((kind = 'trigger') = (event is not null))
);
create index automation_rules_order on automation_rules (kind, position, created_at) where enabled;

-- Each time a rule acted on a case. A time rule acts once per occurrence (e.g. per solved_at);
-- a trigger once per event, so the key is also the per-case loop cap's count.
create table automation_firings (
  id bigserial primary key,
  rule_id uuid not null references automation_rules (id) on delete cascade,
  case_id uuid not null references cases (id) on delete cascade,
  occurrence text not null,
  -- false: the occurrence was looked at but nothing needed doing (or was taken as handled)
  acted boolean not null default true,
  fired_at timestamptz not null default now(),
  unique (rule_id, case_id, occurrence)
);
create index automation_firings_case on automation_firings (case_id, fired_at);
create index automation_firings_rule on automation_firings (rule_id, fired_at);

-- Events a rule's own actions emitted: that rule does not run on them again (no self ping-pong).
create table automation_caused_events (
  event_id bigint primary key,
  rule_id uuid not null references automation_rules (id) on delete cascade,
  created_at timestamptz not null default now()
);
create index automation_caused_events_created on automation_caused_events (created_at);

create table webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  url text not null,
  events text[] not null default '{}',
  include_internal boolean not null default false,
  enabled boolean not null default true,
  secret text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One delivery per (endpoint, event); its id is the X-Switchboard-Delivery header, stable across retries.
create table webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  endpoint_id uuid not null references webhook_endpoints (id) on delete cascade,
  event_id bigint,
  event_type text not null,
  body text not null,
  state text not null default 'pending' check (state in ('pending', 'succeeded', 'failed')),
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz not null default now()
);
create unique index webhook_deliveries_event on webhook_deliveries (endpoint_id, event_id) where event_id is not null;
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc);
create index webhook_deliveries_created on webhook_deliveries (created_at);

create table webhook_attempts (
  id bigserial primary key,
  delivery_id uuid not null references webhook_deliveries (id) on delete cascade,
  status_code integer,
  duration_ms integer not null,
  response_snippet text not null default '',
  error text,
  created_at timestamptz not null default now()
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, id);
