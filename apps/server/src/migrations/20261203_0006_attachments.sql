-- Attachments live in the database, so every instance serves every file and a backup holds them all.
-- An upload is private to its uploader until a message or note links it (case and entry together).
create table attachments (
  id uuid primary key default gen_random_uuid(),
  file_name text not null,
  content_type text not null,
  size integer not null check (size > 0),
  sha256 text not null,
  content bytea not null,
  uploaded_by uuid not null references users (id) on delete cascade,
  case_id uuid references cases (id),
  entry_id bigint references case_entries (id),
  created_at timestamptz(3) not null default now(),
  check ((case_id is null) = (entry_id is null))
);
create index attachments_entry_idx on attachments (entry_id) where entry_id is not null;
create index attachments_case_idx on attachments (case_id) where case_id is not null;
create index attachments_uploader_idx on attachments (uploaded_by, created_at);
