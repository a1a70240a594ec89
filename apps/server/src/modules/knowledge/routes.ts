import { z } from 'zod';
import {
  ArticleRevision,
  ArticleRevisionDiff,
  ArticleRevisionParams,
  ArticleSummary,
  ArticleUse,
  CreateArticleBody,
  CreateKnowledgeCategoryBody,
  IdParams,
  KnowledgeArticle,
  KnowledgeCategory,
  KnowledgeFile,
  KnowledgeLanguageQuery,
  ListArticlesQuery,
  SearchArticlesQuery,
  SearchArticlesResult,
  UpdateArticleBody,
  UpdateKnowledgeCategoryBody,
} from '@switchboard/contracts';
import { readUpload } from '../../platform/http/multipart.ts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { listArticleUses } from './article-usage.ts';
import { deleteKnowledgeFile, uploadKnowledgeFile } from './files.ts';
import { createCategory, deleteCategory, updateCategory } from './manage-categories.ts';
import { assertMayEditKnowledge, readableVisibilities } from './policy.ts';
import { getArticle, listArticles, listCategories } from './queries.ts';
import { listRevisions, restoreRevision, revisionDiff } from './revisions.ts';
import { createArticle, deleteArticle, updateArticle } from './save-article.ts';
import { searchArticles } from './search-articles.ts';

const tag = 'Knowledge';

/** Categories, articles, revisions and files of the knowledge base (staff). */
export const knowledgeRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/knowledge/categories',
    summary: 'The category tree (flat, with parent ids) and how many readable articles each holds',
    tag,
    auth: 'staff',
    response: z.object({ items: z.array(KnowledgeCategory) }),
    handler: async ({ app, actor }) => ({ items: await listCategories(app.db, readableVisibilities(actor)) }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/knowledge/categories',
    summary: 'Add a category (supervisor, admin)',
    tag,
    auth: 'staff',
    body: CreateKnowledgeCategoryBody,
    response: KnowledgeCategory,
    status: 201,
    idempotent: true,
    handler: ({ actor, body, transaction }) => transaction((tx) => createCategory(actor, tx, body)),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/knowledge/categories/:id',
    summary: 'Rename, move or reorder a category (supervisor, admin)',
    tag,
    auth: 'staff',
    versioned: true,
    params: IdParams,
    body: UpdateKnowledgeCategoryBody,
    response: KnowledgeCategory,
    handler: ({ actor, params, body, transaction, expectedVersion }) => transaction((tx) => updateCategory(actor, tx, params.id, expectedVersion(body.version), body)),
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/knowledge/categories/:id',
    summary: 'Delete a category without subcategories; its articles become uncategorised (supervisor, admin)',
    tag,
    auth: 'staff',
    params: IdParams,
    handler: ({ actor, params, transaction }) => transaction((tx) => deleteCategory(actor, tx, params.id)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/knowledge/articles',
    summary: 'Articles you may read, last changed first, each in the language asked for or its fallback',
    tag,
    auth: 'staff',
    query: ListArticlesQuery,
    response: z.object({ items: z.array(ArticleSummary) }),
    handler: async ({ app, actor, query }) => {
      const readable = readableVisibilities(actor);
      const visibilities = query.visibility ? readable.filter((v) => v === query.visibility) : readable;
      const policy = query.policy === undefined ? undefined : query.policy === 'true';
      return { items: await listArticles(app.db, { visibilities, language: query.language, categoryId: query.categoryId, policy, limit: query.limit }) };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/knowledge/search',
    summary: 'Full-text search (per-language stemming, typo tolerant, ranked, highlighted) over articles you may read',
    tag,
    auth: 'staff',
    query: SearchArticlesQuery,
    response: SearchArticlesResult,
    handler: async ({ app, actor, query }) => {
      const readable = readableVisibilities(actor);
      const visibilities = query.visibility ? readable.filter((v) => v === query.visibility) : readable;
      return searchArticles(app.db, { q: query.q, visibilities, language: query.language, categoryId: query.categoryId, limit: query.limit });
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/knowledge/articles',
    summary: 'Write an article in one or more languages (supervisor, admin); HTML is sanitized',
    tag,
    auth: 'staff',
    body: CreateArticleBody,
    response: KnowledgeArticle,
    status: 201,
    idempotent: true,
    handler: ({ actor, body, transaction }) => transaction((tx) => createArticle(actor, tx, body)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/knowledge/articles/:id',
    summary: 'An article with all its translations, files and figures',
    tag,
    auth: 'staff',
    params: IdParams,
    response: KnowledgeArticle,
    handler: ({ app, actor, params }) => getArticle(app.db, readableVisibilities(actor), params.id),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/knowledge/articles/:id',
    summary: 'Change an article; each changed translation becomes a new revision (supervisor, admin)',
    tag,
    auth: 'staff',
    versioned: true,
    params: IdParams,
    body: UpdateArticleBody,
    response: KnowledgeArticle,
    handler: ({ actor, params, body, transaction, expectedVersion }) => transaction((tx) => updateArticle(actor, tx, params.id, expectedVersion(body.version), body)),
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/knowledge/articles/:id',
    summary: 'Delete an article with its history and figures (supervisor, admin)',
    tag,
    auth: 'staff',
    params: IdParams,
    handler: ({ actor, params, transaction }) => transaction((tx) => deleteArticle(actor, tx, params.id)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/knowledge/articles/:id/revisions',
    summary: 'Saved versions of the article (one language or all), newest first',
    tag,
    auth: 'staff',
    params: IdParams,
    query: KnowledgeLanguageQuery,
    response: z.object({ items: z.array(ArticleRevision) }),
    handler: async ({ app, actor, params, query }) => ({ items: await listRevisions(app.db, readableVisibilities(actor), params.id, query.language) }),
  }),
  route({
    method: 'GET',
    path: '/api/v1/knowledge/articles/:id/revisions/:revisionId/diff',
    summary: 'What a revision changed against the one before it (word diff of title and text)',
    tag,
    auth: 'staff',
    params: ArticleRevisionParams,
    response: ArticleRevisionDiff,
    handler: ({ app, actor, params }) => revisionDiff(app.db, readableVisibilities(actor), params.id, params.revisionId),
  }),
  route({
    method: 'POST',
    path: '/api/v1/knowledge/articles/:id/revisions/:revisionId/restore',
    summary: 'Make an old revision current again, as a new revision (supervisor, admin)',
    tag,
    auth: 'staff',
    versioned: true,
    params: ArticleRevisionParams,
    body: z.object({ version: z.number().int().optional() }).strict(),
    response: KnowledgeArticle,
    handler: ({ actor, params, body, transaction, expectedVersion }) => transaction((tx) => restoreRevision(actor, tx, params.id, params.revisionId, expectedVersion(body.version))),
  }),
  route({
    method: 'GET',
    path: '/api/v1/knowledge/articles/:id/uses',
    summary: 'Cases the article was put into a reply on (those you may see), newest first',
    tag,
    auth: 'staff',
    params: IdParams,
    response: z.object({ items: z.array(ArticleUse) }),
    handler: async ({ app, actor, params }) => ({ items: await listArticleUses(app.db, actor, readableVisibilities(actor), params.id) }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/knowledge/files',
    summary: 'Upload an image or file for an article (multipart/form-data, field "file"; supervisor, admin)',
    tag,
    auth: 'staff',
    multipart: true,
    response: KnowledgeFile,
    status: 201,
    handler: async ({ app, actor, req, transaction }) => {
      assertMayEditKnowledge(actor);
      const file = await readUpload(req, 'file', app.config.ATTACHMENT_MAX_BYTES);
      return transaction((tx) => uploadKnowledgeFile(actor, tx, file));
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/knowledge/files/:id',
    summary: 'Delete a file of an article (supervisor, admin)',
    tag,
    auth: 'staff',
    params: IdParams,
    handler: ({ actor, params, transaction }) => transaction((tx) => deleteKnowledgeFile(actor, tx, params.id)),
  }),
];
