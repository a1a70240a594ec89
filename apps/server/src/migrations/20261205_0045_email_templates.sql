-- Email texts admins write per language: the acknowledgement of a new case and the frame around
-- an agent's reply (greeting, signature, case reference), for all mailboxes or one.
create table email_templates (
  id uuid primary key default gen_random_uuid(),
  mailbox_id uuid references mailboxes (id) on delete cascade,
  kind text not null check (kind in ('acknowledgement', 'reply')),
  language text not null check (language in ('en', 'de', 'et', 'tr')),
  subject text not null default '',
  body text not null,
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz not null default now()
);
create unique index email_templates_key on email_templates (coalesce(mailbox_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, language);
