-- Customers and organizations: the one customer database agents work from.
create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  domains text[] not null default '{}',
  tier text not null default 'standard',
  notes text not null default '',
  tags text[] not null default '{}',
  custom_fields jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index organizations_name_trgm on organizations using gin (name gin_trgm_ops);

create table customers (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  preferred_language text check (preferred_language in ('en', 'de', 'et', 'tr')),
  time_zone text,
  tags text[] not null default '{}',
  custom_fields jsonb not null default '{}',
  notes text not null default '',
  account_owner_id uuid references users (id) on delete set null,
  user_id uuid unique references users (id) on delete set null,
  merged_into_id uuid references customers (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index customers_name_trgm on customers using gin (name gin_trgm_ops);
create index customers_owner_idx on customers (account_owner_id);
create index customers_name_idx on customers (lower(name), id);

create table customer_emails (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references customers (id) on delete cascade,
  email text not null,
  is_primary boolean not null default false,
  created_at timestamptz not null default now()
);
create unique index customer_emails_email_key on customer_emails (lower(email));
create index customer_emails_customer_idx on customer_emails (customer_id);
create index customer_emails_trgm on customer_emails using gin (lower(email) gin_trgm_ops);

create table customer_phones (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references customers (id) on delete cascade,
  phone text not null,
  normalized text not null,
  label text not null default '',
  is_primary boolean not null default false,
  created_at timestamptz not null default now()
);
create index customer_phones_customer_idx on customer_phones (customer_id);
create index customer_phones_trgm on customer_phones using gin (normalized gin_trgm_ops);

create table customer_organizations (
  customer_id uuid not null references customers (id) on delete cascade,
  organization_id uuid not null references organizations (id) on delete cascade,
  primary key (customer_id, organization_id)
);
create index customer_organizations_org_idx on customer_organizations (organization_id);
