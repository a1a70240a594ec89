-- Mailboxes fetched from an existing IMAP server. One instance at a time holds a mailbox (a lease),
-- keeps a connection open (IDLE) and marks messages seen only after they are stored.
alter table mailboxes add column imap_enabled boolean not null default false;
alter table mailboxes add column imap_host text;
alter table mailboxes add column imap_port integer check (imap_port between 1 and 65535);
alter table mailboxes add column imap_secure boolean not null default true;
alter table mailboxes add column imap_user text;
-- Stored as given: protect database backups accordingly (docs/operations.md).
alter table mailboxes add column imap_password text;
alter table mailboxes add column imap_folder text not null default 'INBOX';
alter table mailboxes add column imap_holder text;
alter table mailboxes add column imap_lease_until timestamptz;
alter table mailboxes add column imap_last_error text;
alter table mailboxes add column imap_checked_at timestamptz;
alter table mailboxes add constraint mailboxes_imap_complete check (not imap_enabled or (imap_host is not null and imap_user is not null and imap_password is not null));
