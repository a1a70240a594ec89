/** Writing articles: create, change (a revision per changed translation), delete. */
import type { ArticleTranslationInput, CreateArticleBody, KnowledgeArticle, KnowledgeLanguage, UpdateArticleBody } from '@switchboard/contracts';
import { authorId, type Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { assertVersion, invalid, notFound } from '../../platform/http/errors.ts';
import { assertMayEditKnowledge } from './policy.ts';
import { findArticle } from './queries.ts';
import { htmlToText, referencedFileIds, sanitizeArticleHtml } from './sanitize.ts';
import { rememberTerms } from './search-articles.ts';
import { slugify } from './text-search.ts';

/** A slug no other article has: the wanted one, else with -2, -3 … appended. */
async function freeSlug(tx: Tx, wanted: string, exceptId: string | null): Promise<string> {
  const { rows } = await tx.query<{ slug: string }>(`select slug from knowledge_articles where (slug = $1 or slug like $1 || '-%') and id is distinct from $2`, [wanted, exceptId]);
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

async function checkCategoryAndTeams(tx: Tx, categoryId: string | null | undefined, teamIds: readonly string[] | undefined): Promise<void> {
  if (categoryId) {
    const { rowCount } = await tx.query('select 1 from knowledge_categories where id = $1', [categoryId]);
    if (rowCount === 0) throw invalid('body.categoryId', 'no such category');
  }
  if (teamIds?.length) {
    const { rows } = await tx.query<{ id: string }>('select id from teams where id = any($1::uuid[])', [teamIds]);
    const known = new Set(rows.map((r) => r.id));
    const bad = teamIds.findIndex((id) => !known.has(id));
    if (bad >= 0) throw invalid(`body.policy.teamIds.${bad}`, 'no such team');
  }
}

/**
 * Saves one translation as its next revision. The HTML is sanitized first; a save that changes
 * nothing writes no revision. Returns whether anything changed.
 */
export async function saveTranslation(tx: Tx, actor: Actor, articleId: string, language: KnowledgeLanguage, input: ArticleTranslationInput, restoredFrom: number | null = null): Promise<boolean> {
  const bodyHtml = sanitizeArticleHtml(input.bodyHtml);
  const bodyText = htmlToText(bodyHtml);
  const title = input.title.trim();
  const summary = (input.summary ?? '').trim();
  const { rows } = await tx.query<{ title: string; summary: string; body_html: string; revision: number }>(
    'select title, summary, body_html, revision from knowledge_translations where article_id = $1 and language = $2 for update',
    [articleId, language],
  );
  const cur = rows[0];
  if (cur && cur.title === title && cur.summary === summary && cur.body_html === bodyHtml && restoredFrom === null) return false;
  const last = await tx.query<{ n: number | null }>('select max(number) as n from knowledge_revisions where article_id = $1 and language = $2', [articleId, language]);
  const number = (last.rows[0]?.n ?? 0) + 1;
  const author = authorId(actor);
  await tx.query(
    `insert into knowledge_translations (article_id, language, title, summary, body_html, body_text, revision, updated_by, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, now())
     on conflict (article_id, language) do update set title = excluded.title, summary = excluded.summary, body_html = excluded.body_html,
       body_text = excluded.body_text, revision = excluded.revision, updated_by = excluded.updated_by, updated_at = now()`,
    [articleId, language, title, summary, bodyHtml, bodyText, number, author],
  );
  await tx.query(
    `insert into knowledge_revisions (article_id, language, number, title, summary, body_html, author_id, restored_from) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [articleId, language, number, title, summary, bodyHtml, author, restoredFrom],
  );
  await rememberTerms(tx, language, `${title} ${summary} ${bodyText}`);
  await linkFiles(tx, actor, articleId, referencedFileIds(bodyHtml));
  return true;
}

/** Attaches uploads to the article: the actor's own unattached ones, or files already on it. */
async function linkFiles(tx: Tx, actor: Actor, articleId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `update knowledge_files set article_id = $1 where id = any($2::uuid[]) and article_id is null and (uploaded_by = $3 or $3::uuid is null)`,
    [articleId, [...new Set(ids)], authorId(actor)],
  );
}

/** Creates an article with its first translations (revision 1 each). */
export async function createArticle(actor: Actor, tx: Tx, input: CreateArticleBody): Promise<KnowledgeArticle> {
  assertMayEditKnowledge(actor);
  const source = input.translations[input.sourceLanguage];
  if (!source) throw invalid(`body.translations.${input.sourceLanguage}`, 'the source language needs a translation');
  await checkCategoryAndTeams(tx, input.categoryId, input.policy.teamIds);
  const slug = await freeSlug(tx, input.slug ?? slugify(source.title), null);
  const author = authorId(actor);
  const { rows } = await tx.query<{ id: string }>(
    `insert into knowledge_articles (category_id, slug, visibility, source_language, is_policy, policy_team_ids, policy_tags, created_by, updated_by)
     values ($1, $2, $3, $4, $5, $6::uuid[], $7::text[], $8, $8) returning id`,
    [input.categoryId, slug, input.visibility, input.sourceLanguage, input.policy.isPolicy, input.policy.teamIds, input.policy.tags, author],
  );
  const id = rows[0]!.id;
  for (const [language, t] of Object.entries(input.translations) as Array<[KnowledgeLanguage, ArticleTranslationInput]>) await saveTranslation(tx, actor, id, language, t);
  await linkFiles(tx, actor, id, input.fileIds);
  return (await findArticle(tx, id))!;
}

/** Changes an article the caller saw at `expectedVersion`; each changed translation gets a revision. */
export async function updateArticle(actor: Actor, tx: Tx, id: string, expectedVersion: number, input: UpdateArticleBody): Promise<KnowledgeArticle> {
  assertMayEditKnowledge(actor);
  const { rows } = await tx.query<{ version: number; slug: string; source_language: KnowledgeLanguage }>('select version, slug, source_language from knowledge_articles where id = $1 for update', [id]);
  const cur = rows[0];
  if (!cur) throw notFound('The article');
  assertVersion(`The article ${cur.slug}`, cur.version, expectedVersion);
  await checkCategoryAndTeams(tx, input.categoryId, input.policy?.teamIds);
  for (const [language, t] of Object.entries(input.translations ?? {}) as Array<[KnowledgeLanguage, ArticleTranslationInput | null]>) {
    // a removed translation keeps its revisions: restoring one brings it back
    if (t === null) await tx.query('delete from knowledge_translations where article_id = $1 and language = $2', [id, language]);
    else await saveTranslation(tx, actor, id, language, t);
  }
  const sourceLanguage = input.sourceLanguage ?? cur.source_language;
  const { rowCount } = await tx.query('select 1 from knowledge_translations where article_id = $1 and language = $2', [id, sourceLanguage]);
  if (rowCount === 0) throw invalid('body.sourceLanguage', `the article has no ${sourceLanguage} translation; write it or choose another source language`);
  const slug = input.slug && input.slug !== cur.slug ? await freeSlug(tx, input.slug, id) : null;
  await tx.query(
    `update knowledge_articles set
       slug = coalesce($2, slug),
       category_id = case when $3::boolean then $4::uuid else category_id end,
       visibility = coalesce($5, visibility),
       source_language = $6,
       is_policy = coalesce($7, is_policy),
       policy_team_ids = coalesce($8::uuid[], policy_team_ids),
       policy_tags = coalesce($9::text[], policy_tags),
       updated_by = $10, updated_at = now(), version = version + 1
     where id = $1`,
    [id, slug, input.categoryId !== undefined, input.categoryId ?? null, input.visibility ?? null, sourceLanguage, input.policy?.isPolicy ?? null, input.policy?.teamIds ?? null, input.policy?.tags ?? null, authorId(actor)],
  );
  if (input.fileIds) await linkFiles(tx, actor, id, input.fileIds);
  return (await findArticle(tx, id))!;
}

/** Deletes an article with its translations, revisions, files and usage figures. */
export async function deleteArticle(actor: Actor, tx: Tx, id: string): Promise<void> {
  assertMayEditKnowledge(actor);
  const { rowCount } = await tx.query('delete from knowledge_articles where id = $1', [id]);
  if (rowCount === 0) throw notFound('The article');
}
