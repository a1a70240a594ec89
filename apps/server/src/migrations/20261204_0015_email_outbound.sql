-- Installation secrets made on first use (e.g. the key our email Message-IDs are signed with).
create table secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);

-- Where an address stopped accepting our mail (a bounce), so agents see it before they write.
alter table customer_emails add column bounced_at timestamptz;
alter table customer_emails add column bounce_reason text;
