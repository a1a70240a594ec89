-- Files a customer uploads in the portal before sending them with a request or a reply. They stay
-- here, private to the customer, until sent: then they become attachments of the message (the
-- cases module's table) and the upload row is deleted. Unsent uploads are removed after a day.
create table portal_uploads (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references customers (id) on delete cascade,
  file_name text not null,
  content_type text not null,
  size integer not null check (size > 0),
  content bytea not null,
  created_at timestamptz not null default now()
);
create index portal_uploads_customer_idx on portal_uploads (customer_id, created_at);
