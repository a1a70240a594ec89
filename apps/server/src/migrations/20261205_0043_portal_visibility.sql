-- What customers see in the portal:
-- * case fields an admin marked customer-visible appear on the new-request form (for teams whose
--   form has them) and on the request;
-- * the teams a customer may address a new request to ("topics"), in order;
-- * per organization: whether its members see each other's requests.
alter table custom_field_definitions add column customer_visible boolean not null default false;

create table portal_teams (
  team_id uuid primary key references teams (id) on delete cascade,
  position integer not null default 0
);

alter table organizations add column members_see_requests boolean not null default false;
