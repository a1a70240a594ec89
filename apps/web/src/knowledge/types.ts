/** Knowledge-base types, inferred from the shared zod schemas (types only: no zod in the bundle). */
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';

export type KnowledgeCategory = z.infer<typeof C.KnowledgeCategory>;
export type KnowledgeArticle = z.infer<typeof C.KnowledgeArticle>;
export type ArticleTranslation = z.infer<typeof C.ArticleTranslation>;
export type ArticleSummary = z.infer<typeof C.ArticleSummary>;
export type ArticleSearchHit = z.infer<typeof C.ArticleSearchHit>;
export type SearchArticlesResult = z.infer<typeof C.SearchArticlesResult>;
export type ArticleRevision = z.infer<typeof C.ArticleRevision>;
export type ArticleRevisionDiff = z.infer<typeof C.ArticleRevisionDiff>;
export type ArticleUse = z.infer<typeof C.ArticleUse>;
export type KnowledgeFile = z.infer<typeof C.KnowledgeFile>;
export type CaseArticleSuggestions = z.infer<typeof C.CaseArticleSuggestions>;
export type CasePolicies = z.infer<typeof C.CasePolicies>;
export type SentArticle = z.infer<typeof C.SentArticle>;
export type ArticleSentActivity = z.infer<typeof C.ArticleSentActivity>;
export type KnowledgeVisibility = C.KnowledgeVisibility;
export type KnowledgeLanguage = C.KnowledgeLanguage;
export type CreateArticleBody = z.input<typeof C.CreateArticleBody>;
export type UpdateArticleBody = z.input<typeof C.UpdateArticleBody>;
export type CreateCategoryBody = z.input<typeof C.CreateKnowledgeCategoryBody>;
export type UpdateCategoryBody = z.input<typeof C.UpdateKnowledgeCategoryBody>;
