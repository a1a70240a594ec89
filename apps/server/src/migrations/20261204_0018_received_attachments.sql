-- Files customers send (email attachments) have no uploading user: they belong to their message.
alter table attachments alter column uploaded_by drop not null;
alter table attachments add constraint attachments_owner check (uploaded_by is not null or entry_id is not null);
alter table attachments add column content_id text;
