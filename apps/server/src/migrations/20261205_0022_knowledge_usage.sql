-- How articles are used: each time an agent puts one into a reply on a case, and each
-- "was this helpful?" answer from the help center or the portal.
create table knowledge_article_uses (
  id bigserial primary key,
  article_id uuid not null references knowledge_articles (id) on delete cascade,
  language text not null,
  case_id uuid not null references cases (id),
  entry_id bigint references case_entries (id),
  mode text not null check (mode in ('text', 'link')),
  user_id uuid references users (id) on delete set null,
  created_at timestamptz(3) not null default now()
);
create index knowledge_article_uses_article_idx on knowledge_article_uses (article_id);
create index knowledge_article_uses_case_idx on knowledge_article_uses (case_id, created_at);

create table knowledge_feedback (
  id bigserial primary key,
  article_id uuid not null references knowledge_articles (id) on delete cascade,
  language text not null,
  helpful boolean not null,
  source text not null check (source in ('help_center', 'portal', 'agent')),
  created_at timestamptz(3) not null default now()
);
create index knowledge_feedback_article_idx on knowledge_feedback (article_id, helpful);

-- Images and files of articles. Not the cases' attachments: those are private to a case's
-- viewers, these are public with a public article. An upload belongs to no article until an
-- article that refers to it (or names it) is saved.
create table knowledge_files (
  id uuid primary key default gen_random_uuid(),
  article_id uuid references knowledge_articles (id) on delete cascade,
  file_name text not null,
  content_type text not null,
  size integer not null check (size > 0),
  sha256 text not null,
  content bytea not null,
  uploaded_by uuid references users (id) on delete set null,
  created_at timestamptz(3) not null default now()
);
create index knowledge_files_article_idx on knowledge_files (article_id) where article_id is not null;
