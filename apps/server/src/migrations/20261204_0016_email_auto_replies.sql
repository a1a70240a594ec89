-- Automatic acknowledgements we sent, per address: at most a few a day to one sender (RFC 3834).
create table email_auto_replies (
  id bigserial primary key,
  address text not null,
  case_id uuid references cases (id),
  sent_at timestamptz not null default now()
);
create index email_auto_replies_address_idx on email_auto_replies (address, sent_at);
alter table inbound_emails add column no_auto_reply text;
