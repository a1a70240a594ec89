-- Structured timeline entries: an "activity" is documentation another module writes onto a case
-- (a troubleshooting step answered, an article sent, a macro applied); always internal.
-- Email messages keep their envelope (from, to, cc, subject) and sanitized HTML beside the text.
alter table case_entries drop constraint case_entries_kind_check;
alter table case_entries add constraint case_entries_kind_check check (kind in ('message', 'note', 'change', 'activity'));
alter table case_entries add column activity jsonb;
alter table case_entries add column email jsonb;
alter table case_entries add constraint case_entries_activity_check check ((kind = 'activity') = (activity is not null));

-- Everyone else on an email conversation (Cc, other To addresses): reply-all writes to them too,
-- and a "[#number]" subject tag from one of them threads like one from the requester.
create table case_participants (
  case_id uuid not null references cases (id),
  email text not null,
  name text,
  added_at timestamptz not null default now(),
  primary key (case_id, email)
);
