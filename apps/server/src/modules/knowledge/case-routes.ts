import { z } from 'zod';
import { ArticleFeedbackBody, ArticleSearchHit, CaseArticleSuggestions, CasePolicies, IdParams, KnowledgeArticle, SearchArticlesResult, SendArticleBody, SentArticle } from '@switchboard/contracts';
import type { FastifyRequest } from 'fastify';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { recordFeedback } from './article-usage.ts';
import { policiesForCase, suggestArticlesForCase } from './case-knowledge.ts';
import { readableVisibilities } from './policy.ts';
import { getArticle } from './queries.ts';
import { searchArticles } from './search-articles.ts';
import { sendArticle } from './send-article.ts';

const tag = 'Knowledge';

/** The address customers reach this server at: PUBLIC_URL, else the one this request came to. */
export function publicBaseUrl(publicUrl: string | undefined, req: FastifyRequest): string {
  return (publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
}

/** The knowledge base on the case screen, and the public read API the portal and widget use. */
export const caseKnowledgeRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/cases/:id/knowledge/suggestions',
    summary: 'Articles that fit the case (its subject and latest messages), in the customer’s language',
    tag,
    auth: 'staff',
    params: IdParams,
    response: CaseArticleSuggestions,
    handler: ({ app, actor, params }) => suggestArticlesForCase(app.db, actor, params.id),
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/:id/knowledge/policies',
    summary: 'Company policies pinned to the case’s team or tags, in your language',
    tag,
    auth: 'staff',
    params: IdParams,
    response: CasePolicies,
    handler: ({ app, actor, params }) => policiesForCase(app.db, actor, params.id),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/:id/knowledge/send',
    summary: 'The text or link of a public article for a reply, in the customer’s language; recorded on the case',
    tag,
    auth: 'staff',
    params: IdParams,
    body: SendArticleBody,
    response: SentArticle,
    idempotent: true,
    handler: ({ app, actor, params, body, req, transaction }) => transaction((tx) => sendArticle(app, actor, tx, params.id, body, publicBaseUrl(app.config.PUBLIC_URL, req))),
  }),
  route({
    method: 'GET',
    path: '/api/v1/knowledge/public/search',
    summary: 'Search public articles (anyone: the portal, the chat widget, other sites)',
    tag,
    auth: 'public',
    query: z.object({ q: z.string().trim().min(1).max(300), language: z.enum(['en', 'de', 'et', 'tr']).optional(), limit: z.coerce.number().int().min(1).max(20).default(10) }).strict(),
    response: SearchArticlesResult.extend({ items: z.array(ArticleSearchHit) }),
    handler: ({ app, query }) => searchArticles(app.db, { q: query.q, language: query.language, visibilities: ['public'], limit: query.limit }),
  }),
  route({
    method: 'GET',
    path: '/api/v1/knowledge/public/articles/:id',
    summary: 'A public article with its translations (anyone)',
    tag,
    auth: 'public',
    params: IdParams,
    response: KnowledgeArticle.omit({ stats: true, policy: true }),
    handler: async ({ app, params }) => {
      const { stats: _stats, policy: _policy, ...article } = await getArticle(app.db, ['public'], params.id);
      return article;
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/knowledge/articles/:id/feedback',
    summary: 'Answer "was this article helpful?" (signed-in customers in the portal, or staff)',
    tag,
    auth: 'user',
    params: IdParams,
    body: ArticleFeedbackBody,
    handler: async ({ app, actor, params, body }) => {
      await recordFeedback(app.db, readableVisibilities(actor), params.id, { ...body, source: actor.role === 'customer' ? 'portal' : 'agent' });
    },
  }),
];
