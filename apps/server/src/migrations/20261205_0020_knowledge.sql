-- Knowledge base: a tree of categories and articles, each in up to four languages (de, en, et, tr).
-- Visibility is per article: public (help center and customers), internal (staff), draft (editors).
create table knowledge_categories (
  id uuid primary key default gen_random_uuid(),
  parent_id uuid references knowledge_categories (id) on delete restrict,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
  position integer not null default 0,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1
);
create index knowledge_categories_parent_idx on knowledge_categories (parent_id, position);

create table knowledge_category_translations (
  category_id uuid not null references knowledge_categories (id) on delete cascade,
  language text not null check (language in ('en', 'de', 'et', 'tr')),
  name text not null check (length(name) between 1 and 200),
  description text not null default '',
  primary key (category_id, language)
);

-- Policies (is_policy) are pinned to teams and to case tags: the case screen shows an agent the
-- policies whose team is the case's team or whose tags meet the case's tags.
create table knowledge_articles (
  id uuid primary key default gen_random_uuid(),
  category_id uuid references knowledge_categories (id) on delete set null,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
  visibility text not null default 'draft' check (visibility in ('public', 'internal', 'draft')),
  source_language text not null check (source_language in ('en', 'de', 'et', 'tr')),
  is_policy boolean not null default false,
  policy_team_ids uuid[] not null default '{}',
  policy_tags text[] not null default '{}',
  created_by uuid references users (id) on delete set null,
  updated_by uuid references users (id) on delete set null,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  version integer not null default 1
);
create index knowledge_articles_category_idx on knowledge_articles (category_id, visibility, updated_at);
create index knowledge_articles_updated_idx on knowledge_articles (updated_at desc, id);
create index knowledge_articles_policy_teams_idx on knowledge_articles using gin (policy_team_ids) where is_policy;
create index knowledge_articles_policy_tags_idx on knowledge_articles using gin (policy_tags) where is_policy;

-- Every saved version of a translation, oldest first; a restore writes a new revision.
create table knowledge_revisions (
  id bigserial primary key,
  article_id uuid not null references knowledge_articles (id) on delete cascade,
  language text not null check (language in ('en', 'de', 'et', 'tr')),
  number integer not null,
  title text not null,
  summary text not null default '',
  body_html text not null,
  author_id uuid references users (id) on delete set null,
  restored_from bigint references knowledge_revisions (id) on delete set null,
  created_at timestamptz(3) not null default now(),
  unique (article_id, language, number)
);
