/**
 * Full-text search over article translations: each language with its own text search
 * configuration, ranked (ts_rank_cd plus title similarity), highlighted (ts_headline) and tolerant
 * of typos (titles by trigram similarity; misspelt words corrected against the articles' words).
 */
import type { ArticleSearchHit, KnowledgeVisibility, KnowledgeLanguage, SearchArticlesResult } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { helpLanguages } from './help-strings.ts';
import { statsColumns, toSummary, type SummaryRow } from './queries.ts';
import { headlineOptions, highlightParts, queryWords, tsQueryText } from './text-search.ts';

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

async function runSearch(db: Queryable, input: SearchInput, words: readonly string[], mode: 'all' | 'any'): Promise<ArticleSearchHit[]> {
  const folded = words.map(fold);
  const q = Object.fromEntries(helpLanguages.map((l) => [l, tsQueryText(l, folded, mode)])) as Record<KnowledgeLanguage, string>;
  const title = input.titleSimilarity !== false;
  const { rows } = await db.query<HitRow>(
    `with m as (
       select t.article_id, t.language, t.title, t.summary, t.body_text, t.search_vector,
         case t.language when 'de' then to_tsquery('german', $2) when 'en' then to_tsquery('english', $3)
           when 'tr' then to_tsquery('turkish', $4) else to_tsquery('simple', $5) end as tsq
       from knowledge_translations t
       where ((t.language = 'de' and t.search_vector @@ to_tsquery('german', $2))
           or (t.language = 'en' and t.search_vector @@ to_tsquery('english', $3))
           or (t.language = 'tr' and t.search_vector @@ to_tsquery('turkish', $4))
           or (t.language = 'et' and t.search_vector @@ to_tsquery('simple', $5))
           ${title ? 'or $1::text <% t.title' : 'or $1::text is null'})
         and ($7::text is null or t.language = $7
              or not exists (select 1 from knowledge_translations x where x.article_id = t.article_id and x.language = $7))
     ), ranked as (
       select distinct on (m.article_id) m.*, m.search_vector @@ m.tsq as text_match,
         ts_rank_cd(m.search_vector, m.tsq, 1) + ${title ? 'word_similarity($1::text, m.title)' : '0'} as rank
       from m join knowledge_articles a on a.id = m.article_id
       where a.visibility = any($6::text[]) and ($8::uuid is null or a.category_id = $8)
       order by m.article_id, (m.language = coalesce($7, m.language)) desc, rank desc
     ), top as (select * from ranked order by rank desc, article_id limit $9)
     select a.id, a.slug, a.category_id, a.visibility, a.is_policy, top.language, top.title, top.summary, a.updated_at, top.rank, top.text_match,
       array(select x.language from knowledge_translations x where x.article_id = a.id order by x.language) as languages,
       ts_headline(knowledge_ts_config(top.language), left(top.body_text, 20000), top.tsq, '${headlineOptions}') as headline,
       ${statsColumns}
     from top join knowledge_articles a on a.id = top.article_id
     order by top.rank desc, a.id`,
    [input.q, q.de, q.en, q.tr, q.et, input.visibilities, input.language ?? null, input.categoryId ?? null, input.limit],
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
