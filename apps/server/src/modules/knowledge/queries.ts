/** Read side of the knowledge base: categories, articles in a language (with fallback), stats. */
import type { ArticleSummary, KnowledgeArticle, KnowledgeCategory, KnowledgeFile, KnowledgeVisibility } from '@switchboard/contracts';
import type { KnowledgeLanguage } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';

/**
 * The translation to show for a wanted language: that one, else the article's source language,
 * else English, else any. Used as a lateral subquery where `a` is the article.
 */
export const pickTranslation = (wanted: string) => `
  (select t.* from knowledge_translations t where t.article_id = a.id
   order by (t.language = ${wanted}) desc, (t.language = a.source_language) desc, (t.language = 'en') desc, t.language limit 1)`;

/** uses, helpful, not_helpful of article `a`. */
export const statsColumns = `
  (select count(*) from knowledge_article_uses u where u.article_id = a.id)::int as uses,
  (select count(*) from knowledge_feedback f where f.article_id = a.id and f.helpful)::int as helpful,
  (select count(*) from knowledge_feedback f where f.article_id = a.id and not f.helpful)::int as not_helpful`;

export interface SummaryRow {
  id: string;
  slug: string;
  category_id: string | null;
  visibility: KnowledgeVisibility;
  is_policy: boolean;
  language: KnowledgeLanguage;
  languages: KnowledgeLanguage[];
  title: string;
  summary: string;
  uses: number;
  helpful: number;
  not_helpful: number;
  updated_at: Date;
}

/** The columns a SummaryRow needs, given article `a` and the picked translation `t`. */
export const summaryColumns = `a.id, a.slug, a.category_id, a.visibility, a.is_policy, t.language, t.title, t.summary, a.updated_at,
  array(select x.language from knowledge_translations x where x.article_id = a.id order by x.language) as languages, ${statsColumns}`;

export const toSummary = (r: SummaryRow, wanted: KnowledgeLanguage | undefined): ArticleSummary => ({
  id: r.id,
  slug: r.slug,
  categoryId: r.category_id,
  visibility: r.visibility,
  isPolicy: r.is_policy,
  language: r.language,
  fellBack: wanted !== undefined && r.language !== wanted,
  languages: r.languages,
  title: r.title,
  summary: r.summary,
  stats: { uses: r.uses, helpful: r.helpful, notHelpful: r.not_helpful },
  updatedAt: r.updated_at.toISOString(),
});

export interface ListFilter {
  visibilities: readonly KnowledgeVisibility[];
  language?: KnowledgeLanguage | undefined;
  categoryId?: string | undefined;
  policy?: boolean | undefined;
  limit: number;
}

/** Articles the reader may see, newest change first, each in the wanted language or its fallback. */
export async function listArticles(db: Queryable, filter: ListFilter): Promise<ArticleSummary[]> {
  const { rows } = await db.query<SummaryRow>(
    `select ${summaryColumns}
     from knowledge_articles a cross join lateral ${pickTranslation('$2')} t
     where a.visibility = any($1::text[]) and ($3::uuid is null or a.category_id = $3) and ($4::boolean is null or a.is_policy = $4)
     order by a.updated_at desc, a.id limit $5`,
    [filter.visibilities, filter.language ?? 'en', filter.categoryId ?? null, filter.policy ?? null, filter.limit],
  );
  return rows.map((r) => toSummary(r, filter.language));
}

/** Every category with its translations and how many readable articles each holds directly. */
export async function listCategories(db: Queryable, visibilities: readonly KnowledgeVisibility[]): Promise<KnowledgeCategory[]> {
  const { rows } = await db.query<{ id: string; parent_id: string | null; slug: string; position: number; version: number; translations: Record<string, { name: string; description: string }> | null; article_count: number }>(
    `select c.id, c.parent_id, c.slug, c.position, c.version,
       (select jsonb_object_agg(ct.language, jsonb_build_object('name', ct.name, 'description', ct.description)) from knowledge_category_translations ct where ct.category_id = c.id) as translations,
       (select count(*) from knowledge_articles a where a.category_id = c.id and a.visibility = any($1::text[]))::int as article_count
     from knowledge_categories c order by c.position, c.slug`,
    [visibilities],
  );
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, slug: r.slug, position: r.position, translations: r.translations ?? {}, articleCount: r.article_count, version: r.version }));
}

interface ArticleRow {
  id: string;
  slug: string;
  category_id: string | null;
  visibility: KnowledgeVisibility;
  source_language: KnowledgeLanguage;
  is_policy: boolean;
  policy_team_ids: string[];
  policy_tags: string[];
  created_at: Date;
  updated_at: Date;
  version: number;
  uses: number;
  helpful: number;
  not_helpful: number;
}

/** The public address of a knowledge file. */
export const fileUrl = (id: string, fileName: string) => `/help/files/${id}/${encodeURIComponent(fileName)}`;

/** The files listed under an article, upload order. */
export async function articleFiles(db: Queryable, articleId: string): Promise<KnowledgeFile[]> {
  const { rows } = await db.query<{ id: string; file_name: string; content_type: string; size: number; created_at: Date }>(
    `select id, file_name, content_type, size, created_at from knowledge_files where article_id = $1 order by created_at, id`,
    [articleId],
  );
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size, url: fileUrl(r.id, r.file_name), createdAt: r.created_at.toISOString() }));
}

/** An article with all its translations, or null. Visibility is the caller's check. */
export async function findArticle(db: Queryable, idOrSlug: string): Promise<KnowledgeArticle | null> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const { rows } = await db.query<ArticleRow>(
    `select a.id, a.slug, a.category_id, a.visibility, a.source_language, a.is_policy, a.policy_team_ids, a.policy_tags, a.created_at, a.updated_at, a.version, ${statsColumns}
     from knowledge_articles a where ${byId ? 'a.id = $1::uuid' : 'a.slug = $1'}`,
    [idOrSlug],
  );
  const a = rows[0];
  if (!a) return null;
  const translations = await db.query<{ language: KnowledgeLanguage; title: string; summary: string; body_html: string; revision: number; updated_at: Date; updated_by: string | null; updated_by_name: string | null }>(
    `select t.language, t.title, t.summary, t.body_html, t.revision, t.updated_at, t.updated_by, u.name as updated_by_name
     from knowledge_translations t left join users u on u.id = t.updated_by where t.article_id = $1 order by t.language`,
    [a.id],
  );
  return {
    id: a.id,
    slug: a.slug,
    categoryId: a.category_id,
    visibility: a.visibility,
    sourceLanguage: a.source_language,
    policy: { isPolicy: a.is_policy, teamIds: a.policy_team_ids, tags: a.policy_tags },
    translations: translations.rows.map((t) => ({
      language: t.language,
      title: t.title,
      summary: t.summary,
      bodyHtml: t.body_html,
      revision: t.revision,
      updatedBy: t.updated_by && t.updated_by_name !== null ? { id: t.updated_by, name: t.updated_by_name } : null,
      updatedAt: t.updated_at.toISOString(),
    })),
    files: await articleFiles(db, a.id),
    stats: { uses: a.uses, helpful: a.helpful, notHelpful: a.not_helpful },
    createdAt: a.created_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
    version: a.version,
  };
}

/** An article the reader may see; anything else is "not found", so drafts do not leak. */
export async function getArticle(db: Queryable, visibilities: readonly KnowledgeVisibility[], idOrSlug: string): Promise<KnowledgeArticle> {
  const article = await findArticle(db, idOrSlug);
  if (!article || !visibilities.includes(article.visibility)) throw notFound('The article');
  return article;
}

/** The translation to use for `wanted` (see pickTranslation) of a loaded article. */
export function chooseTranslation(article: KnowledgeArticle, wanted: KnowledgeLanguage): { translation: KnowledgeArticle['translations'][number]; fellBack: boolean } {
  const order = (l: string) => (l === wanted ? 0 : l === article.sourceLanguage ? 1 : l === 'en' ? 2 : 3);
  const translation = [...article.translations].sort((x, y) => order(x.language) - order(y.language) || x.language.localeCompare(y.language))[0];
  if (!translation) throw notFound('The article');
  return { translation, fellBack: translation.language !== wanted };
}
