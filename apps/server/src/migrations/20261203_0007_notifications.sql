-- In-app notifications, written in the transaction of the change that causes them.
create table notifications (
  id bigserial primary key,
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (kind in ('assigned', 'customer_replied')),
  case_id uuid not null references cases (id),
  entry_id bigint references case_entries (id),
  -- assigned: the user who assigned (null: the system); customer_replied: the customer who wrote
  actor_id uuid,
  actor_name text,
  excerpt text not null default '',
  read_at timestamptz,
  -- millisecond precision: keyset cursors round-trip through JavaScript dates exactly
  created_at timestamptz(3) not null default now()
);
create index notifications_user_created on notifications (user_id, created_at desc, id desc);
-- The unread badge and the "unread only" list.
create index notifications_user_unread on notifications (user_id, created_at desc, id desc) where read_at is null;
create index notifications_case_idx on notifications (case_id);
