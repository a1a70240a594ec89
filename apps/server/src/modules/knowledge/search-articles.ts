/**
 * Full-text search over article translations: each language with its own text search
 * configuration, ranked (ts_rank_cd plus title similarity), highlighted (ts_headline) and tolerant
 * of typos (titles by trigram similarity; misspelt words corrected against the articles' words).
 * It stays fast at size by ranking a capped set of candidates, never every match: see `caps`.
 */
import type { ArticleSearchHit, KnowledgeVisibility, KnowledgeLanguage, SearchArticlesResult } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { helpLanguages } from './help-strings.ts';
import { statsColumns, toSummary, type SummaryRow } from './queries.ts';
import { headlineOptions, highlightParts, queryWords, tsConfigs, tsQueryText } from './text-search.ts';

export interface SearchInput {
  q: string;
  visibilities: readonly KnowledgeVisibility[];
  /** Prefer and restrict to this language (articles without it are searched in their others). */
  language?: KnowledgeLanguage | undefined;
  categoryId?: string | undefined;
  limit: number;
  /** all: every word must match (a search box); any: rank by how many match (a case's text). */
  mode?: 'all' | 'any';
  /** Match titles by trigram similarity too (off for long texts such as a case's messages). */
  titleSimilarity?: boolean;
  /** The words to search for, when not those of `q` (a case's text picks its own). */
  words?: readonly string[];
}

interface HitRow extends SummaryRow {
  rank: number;
  text_match: boolean;
  headline: string;
}

/** Turkish capital İ lower-cases to i + combining dot, which the parser splits: fold it first. */
const fold = (word: string) => word.replace(/İ/g, 'i');

/** Each language with its text search configuration's name. */
const languages = helpLanguages.map((code) => [code, tsConfigs[code]] as const);

/**
 * How many matches each candidate source hands on to ranking. A common word matches most
 * articles; ranking (and reading) every one of them is what made search slow at size, so the
 * matches are capped first — those with the words in the title before the rest — and only the
 * candidates are ranked.
 */
const caps = { title: 100, text: 400, trigram: 50, perWord: 60 } as const;
/** At most this many of a case's words search on their own (the subject's come first)… */
const maxOwnWords = 8;
/** …and only those in at most this share of all translations. */
const commonShare = 0.05;

/** Collects positional query parameters: p(value) returns "$n". */
function parameters() {
  const values: unknown[] = [];
  return { values, p: (value: unknown) => (values.push(value), `$${values.length}`) };
}

async function runSearch(db: Queryable, input: SearchInput, words: readonly string[], mode: 'all' | 'any'): Promise<ArticleSearchHit[]> {
  const folded = words.map(fold);
  const { values, p } = parameters();
  const title = input.titleSimilarity !== false;
  const wanted = input.language ?? null;
  const q = title ? p(input.q) : '';
  // per language: the whole query, the index key of the translations that answer this reader
  const lang = languages.map(([code, config]) => ({
    code,
    config,
    tsq: `to_tsquery('${config}', ${p(tsQueryText(code, folded, mode))})`,
    key: p(`${wanted ?? code}:${code}`),
    words: mode === 'any' ? p(folded.map((w) => tsQueryText(code, [w], 'all'))) : '',
  }));
  const visibilities = p(input.visibilities);
  const category = p(input.categoryId ?? null);
  const preferred = p(wanted);
  const limit = p(input.limit);
  /** Rows of `t` whose vector `v` matches the query of their own language, for this reader. */
  const matches = (v: string, tsq: (l: (typeof lang)[number]) => string) =>
    lang.map((l) => `(${v} @@ ${tsq(l)} and t.search_keys @> array[${l.key}::text])`).join(' or ');
  const source = (where: string, cap: number) =>
    `(select t.article_id, t.language from knowledge_translations t join knowledge_articles a on a.id = t.article_id
      where (${where}) and a.visibility = any(${visibilities}::text[]) and (${category}::uuid is null or a.category_id = ${category}::uuid)
      limit ${cap})`;
  // The first sources always run; the others only when the first found fewer than a page.
  const first = [source(matches('t.title_vector', (l) => l.tsq), caps.title)];
  const more: string[] = [];
  const text = source(matches('t.search_vector', (l) => l.tsq), caps.text);
  if (mode === 'all') first.push(text);
  else {
    // Each word that is not in most texts searches on its own, so its articles are all
    // candidates however common the other words are. How common a word is comes from the
    // planner's statistics of the column (the lexemes in the most rows, with their share).
    const cols = lang.map((l) => l.code).join(', ');
    const config = `knowledge_ts_config(coalesce(${preferred}::text, 'en'))`;
    first.push(`(select c.* from (
        select w.* from unnest(${p(folded)}::text[], ${lang.map((l) => `${l.words}::text[]`).join(', ')}) with ordinality as w(word, ${cols}, i)
        where numnode(plainto_tsquery(${config}, w.word)) > 0
          and not exists (
            select 1 from pg_stats s cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e(lexeme, share)
            where s.schemaname = current_schema() and s.tablename = 'knowledge_translations' and s.attname = 'search_vector'
              and e.share > ${commonShare} and e.lexeme = any(tsvector_to_array(to_tsvector(${config}, w.word))))
        order by w.i limit ${maxOwnWords}) w
      cross join lateral ${source(matches('t.search_vector', (l) => `to_tsquery('${l.config}', w.${l.code})`), caps.perWord)} c)`);
    // only common words (or none in a title): any text with any of them
    more.push(text);
  }
  if (title) more.push(source(`${q}::text <% t.title and t.search_keys && array[${lang.map((l) => `${l.key}::text`).join(', ')}]`, caps.trigram));
  const candidates = `first as (${first.join(' union all ')}),
     candidates as (
       select distinct article_id, language from (
         select * from first
         ${more.map((m) => `union all select * from ${m} m where (select count(*) from first) < ${limit}`).join(' ')}) s)`;
  const { rows } = await db.query<HitRow>(
    `with ${candidates},
     m as (
       select t.article_id, t.language, t.title, t.summary, t.body_text, t.search_vector,
         case t.language ${lang.map((l) => `when '${l.code}' then ${l.tsq}`).join(' ')} end as tsq
       from candidates c join knowledge_translations t using (article_id, language)
     ), ranked as (
       select distinct on (m.article_id) m.*, m.search_vector @@ m.tsq as text_match,
         ts_rank_cd(m.search_vector, m.tsq, 1) + ${title ? `word_similarity(${q}::text, m.title)` : '0'} as rank
       from m
       order by m.article_id, (m.language = coalesce(${preferred}::text, m.language)) desc, rank desc
     ), top as (select * from ranked order by rank desc, article_id limit ${limit})
     select a.id, a.slug, a.category_id, a.visibility, a.is_policy, top.language, top.title, top.summary, a.updated_at, top.rank, top.text_match,
       array(select x.language from knowledge_translations x where x.article_id = a.id order by x.language) as languages,
       ts_headline(knowledge_ts_config(top.language), left(top.body_text, 20000), top.tsq, '${headlineOptions}') as headline,
       ${statsColumns}
     from top join knowledge_articles a on a.id = top.article_id
     order by top.rank desc, a.id`,
    values,
  );
  return rows.map((r) => ({
    ...toSummary(r, input.language),
    rank: Math.round(r.rank * 10_000) / 10_000,
    highlight: highlightParts(r.headline),
    matchedBy: r.text_match ? 'text' : 'title',
  }));
}

/**
 * Words of the query that none of the articles use, replaced by the most similar word they do
 * use (trigram similarity); null when every word is known or nothing similar exists.
 */
async function correctWords(db: Queryable, words: readonly string[], language: KnowledgeLanguage | undefined): Promise<string[] | null> {
  const { rows } = await db.query<{ word: string; known: boolean; best: string | null }>(
    `select w.word,
       exists (select 1 from knowledge_terms k where k.term = lower(w.word) and ($2::text is null or k.language = $2)) as known,
       (select k.term from knowledge_terms k where k.term % lower(w.word) and ($2::text is null or k.language = $2)
        order by similarity(k.term, lower(w.word)) desc, k.term limit 1) as best
     from unnest($1::text[]) with ordinality as w(word, i) order by w.i`,
    [words.map(fold), language ?? null],
  );
  let changed = false;
  const out = rows.map((r) => {
    if (r.known || !r.best || [...r.word].length < 4) return r.word;
    changed = true;
    return r.best;
  });
  return changed ? out : null;
}

/**
 * Searches the articles the reader may see. Every word must match first; when nothing does,
 * misspelt words are corrected ("did you mean"), and at last any word may match.
 */
export async function searchArticles(db: Queryable, input: SearchInput): Promise<SearchArticlesResult> {
  const started = performance.now();
  const words = input.words ?? queryWords(input.q);
  const done = (items: ArticleSearchHit[], correctedQuery: string | null = null): SearchArticlesResult => ({ items, correctedQuery, tookMs: Math.round((performance.now() - started) * 10) / 10 });
  if (words.length === 0) return done([]);
  const mode = input.mode ?? 'all';
  const first = await runSearch(db, input, words, mode);
  if (first.length > 0 || mode === 'any') return done(first);
  const corrected = await correctWords(db, words, input.language);
  if (corrected) {
    const fixed = await runSearch(db, { ...input, q: corrected.join(' ') }, corrected, 'all');
    if (fixed.length > 0) return done(fixed, corrected.join(' '));
  }
  if (words.length < 2) return done([]);
  return done(await runSearch(db, input, [...new Set([...words, ...(corrected ?? [])])], 'any'));
}

/** Remembers the words of a translation for typo correction (the vocabulary only grows). */
export async function rememberTerms(db: Queryable, language: KnowledgeLanguage, text: string): Promise<void> {
  await db.query(
    `insert into knowledge_terms (language, term)
     select $1, w from unnest(tsvector_to_array(to_tsvector('simple', $2))) as w
     where length(w) between 3 and 40 and w !~ '^[0-9]+$'
     on conflict do nothing`,
    [language, fold(text)],
  );
}
