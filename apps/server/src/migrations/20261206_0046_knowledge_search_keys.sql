-- Which searches a translation answers, as "wanted:own" language pairs: 'de:de' for a German
-- translation, plus 'et:de' when its article has no Estonian one (an Estonian reader then finds
-- the German text). Kept in the text indexes next to the vector, so a search in one language,
-- its fallbacks included, is one index condition per language with no lookup of sibling rows.
alter table knowledge_translations add column search_keys text[] not null default '{}';

create function knowledge_search_keys_refresh() returns trigger language plpgsql as $$
begin
  update knowledge_translations t
  set search_keys = array[t.language || ':' || t.language] || array(
    select l || ':' || t.language from unnest(array['de', 'en', 'et', 'tr']) as l
    where not exists (select 1 from knowledge_translations y where y.article_id = t.article_id and y.language = l)
    order by l)
  where t.article_id in (select article_id from changed_rows);
  return null;
end $$;

create trigger knowledge_search_keys_insert after insert on knowledge_translations
  referencing new table as changed_rows for each statement execute function knowledge_search_keys_refresh();
create trigger knowledge_search_keys_delete after delete on knowledge_translations
  referencing old table as changed_rows for each statement execute function knowledge_search_keys_refresh();

update knowledge_translations t
set search_keys = array[t.language || ':' || t.language] || array(
  select l || ':' || t.language from unnest(array['de', 'en', 'et', 'tr']) as l
  where not exists (select 1 from knowledge_translations y where y.article_id = t.article_id and y.language = l)
  order by l);

-- the title's own vector: a title match ranks first, so titles are searched first
alter table knowledge_translations add column title_vector tsvector generated always as (to_tsvector(knowledge_ts_config(language), title)) stored;

-- the whole text, the title alone (a title match ranks first) and title trigrams (typos), each
-- with the keys, so the language condition is answered inside the index
drop index knowledge_translations_search_idx;
drop index knowledge_translations_title_trgm;
create index knowledge_translations_search_idx on knowledge_translations using gin (search_vector, search_keys);
create index knowledge_translations_title_ts on knowledge_translations using gin (title_vector, search_keys);
create index knowledge_translations_title_trgm on knowledge_translations using gin (title gin_trgm_ops, search_keys);
