-- Customer portal: one row of branding and sign-up settings the admin edits (Admin → Portal &
-- branding). The help center (/help) and the sign-in mail use the same branding.
create table portal_settings (
  id boolean primary key default true check (id),
  company_name text not null default 'Switchboard' check (length(company_name) between 1 and 120),
  primary_color text not null default '#1864ab' check (primary_color ~ '^#[0-9a-fA-F]{6}$'),
  -- Welcome text on the portal home per language: {"en": "…", "de": "…"}.
  welcome jsonb not null default '{}',
  -- Whether an unknown email may sign in and so become a new customer.
  self_registration boolean not null default false,
  -- The logo, served publicly at /api/v1/portal/logo; small (the admin route limits its size).
  logo bytea,
  logo_type text check (logo_type in ('image/png', 'image/jpeg', 'image/webp', 'image/gif')),
  logo_sha256 text,
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((logo is null) = (logo_type is null))
);
insert into portal_settings default values;
