-- Platform: the transactional outbox and idempotency keys.
create table events (
  id bigserial primary key,
  type text not null,
  actor_id uuid,
  audience jsonb not null,
  payload jsonb not null,
  created_at timestamptz not null default now()
);
create index events_created_idx on events (created_at);

create table idempotency_keys (
  actor_id uuid not null,
  key text not null,
  request_hash text not null,
  status integer not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (actor_id, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
