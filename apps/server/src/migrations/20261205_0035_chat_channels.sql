-- Chat: the website widgets. Each channel belongs to a team (its chats become that team's cases),
-- carries its look, texts and pre-chat form, the website origins it may run on, and the key host
-- sites sign their signed-in customers' ids with (shown to admins, so stored as it is).
create table chat_channels (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  team_id uuid references teams (id) on delete set null,
  primary_color text not null default '#1c7ed6',
  text_color text not null default '#ffffff',
  greeting jsonb not null default '{}',
  languages text[] not null default '{en}',
  pre_chat jsonb not null default '{"name":"required","email":"required","topic":"off","topics":[]}',
  allowed_origins text[] not null default '{}',
  identity_secret text not null,
  max_upload_bytes integer not null default 10485760 check (max_upload_bytes > 0),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
