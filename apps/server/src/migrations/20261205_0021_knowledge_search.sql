-- Article translations with their full-text vector. Each language is indexed with its own text
-- search configuration (stemming: "Rückgaben" finds "Rückgabe"); Estonian has none on
-- PostgreSQL 15, so it uses 'simple' and relies on prefixes and trigrams (the same on PGlite,
-- which has one, so both databases answer alike).
create function knowledge_ts_config(lang text) returns regconfig
  language sql immutable parallel safe
  as $$ select case lang when 'de' then 'german'::regconfig when 'en' then 'english'::regconfig when 'tr' then 'turkish'::regconfig else 'simple'::regconfig end $$;

create table knowledge_translations (
  article_id uuid not null references knowledge_articles (id) on delete cascade,
  language text not null check (language in ('en', 'de', 'et', 'tr')),
  title text not null check (length(title) between 1 and 300),
  summary text not null default '',
  body_html text not null,
  -- the body as plain text (sanitized HTML without tags): what is searched, highlighted, sent as text
  body_text text not null,
  search_vector tsvector generated always as (
    setweight(to_tsvector(knowledge_ts_config(language), title), 'A') ||
    setweight(to_tsvector(knowledge_ts_config(language), summary), 'B') ||
    setweight(to_tsvector(knowledge_ts_config(language), left(body_text, 100000)), 'C')
  ) stored,
  revision integer not null default 1,
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz(3) not null default now(),
  primary key (article_id, language)
);
create index knowledge_translations_search_idx on knowledge_translations using gin (search_vector);
-- typo tolerance on titles: word_similarity (<%) over trigrams
create index knowledge_translations_title_trgm on knowledge_translations using gin (title gin_trgm_ops);

-- The words the articles use, per language, for "did you mean": a query word that is not one
-- of them is replaced by the most similar one (trigram distance) before searching again.
create table knowledge_terms (
  language text not null,
  term text not null,
  primary key (language, term)
);
create index knowledge_terms_trgm on knowledge_terms using gin (term gin_trgm_ops);
