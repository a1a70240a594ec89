-- "When did this agent last write anything" (supervisor overview): the newest entry per author.
-- Also serves the foreign key when a user is deleted.
create index case_entries_author_created on case_entries (author_user_id, created_at) where author_user_id is not null;
