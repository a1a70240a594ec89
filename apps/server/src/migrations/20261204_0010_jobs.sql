-- Durable jobs and timers: the queue every instance's worker takes from (see platform/jobs).
create table jobs (
  id bigserial primary key,
  name text not null,
  key text,
  payload jsonb not null default '{}',
  state text not null default 'queued' check (state in ('queued', 'running', 'dead')),
  run_at timestamptz(3) not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null check (max_attempts >= 1),
  locked_by text,
  locked_until timestamptz(3),
  last_error text,
  created_at timestamptz(3) not null default now(),
  started_at timestamptz(3),
  finished_at timestamptz(3)
);
-- Workers take due jobs in run_at order; done jobs are deleted, so these stay small.
create index jobs_due_idx on jobs (run_at, id) where state = 'queued';
create index jobs_lease_idx on jobs (locked_until) where state = 'running';
create unique index jobs_key_idx on jobs (name, key) where state = 'queued' and key is not null;
create index jobs_dead_idx on jobs (finished_at desc, id desc) where state = 'dead';

-- Recurring jobs declared in code; next_run_at is claimed by one instance per slot.
create table job_schedules (
  name text primary key,
  cron text not null,
  time_zone text not null default 'UTC',
  next_run_at timestamptz(3) not null,
  last_run_at timestamptz(3)
);

-- Evidence of the probe job (health check and benchmark): one row per completed run.
create table job_probe_runs (
  job_id bigint primary key,
  tag text not null,
  worker text not null,
  created_at timestamptz not null default now()
);
create index job_probe_runs_tag_idx on job_probe_runs (tag);
