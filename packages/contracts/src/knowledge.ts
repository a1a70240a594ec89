import { z } from 'zod';
import { Id, Language, Tags, Timestamp } from './common.ts';

/** public: the help center and customers; internal: staff only; draft: editors only. */
export const knowledgeVisibilities = ['public', 'internal', 'draft'] as const;
export const KnowledgeVisibility = z.enum(knowledgeVisibilities);
export type KnowledgeVisibility = z.infer<typeof KnowledgeVisibility>;

export const KnowledgeSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens (rueckgabe-und-erstattung)');

const UserRefOrNull = z.object({ id: Id, name: z.string() }).nullable();

export const KnowledgeCategoryTranslation = z.object({ name: z.string().trim().min(1).max(200), description: z.string().trim().max(2000).default('') }).strict();
export type KnowledgeCategoryTranslation = z.infer<typeof KnowledgeCategoryTranslation>;
/** Translations by language; at least one. */
const KnowledgeCategoryTranslations = z
  .partialRecord(Language, KnowledgeCategoryTranslation)
  .refine((r) => Object.keys(r).length > 0, 'give the name in at least one language');

export const KnowledgeCategory = z.object({
  id: Id,
  parentId: Id.nullable(),
  slug: z.string(),
  position: z.number().int(),
  translations: z.partialRecord(Language, z.object({ name: z.string(), description: z.string() })),
  /** Articles directly in this category the reader may see. */
  articleCount: z.number().int(),
  version: z.number().int(),
});
export type KnowledgeCategory = z.infer<typeof KnowledgeCategory>;

export const CreateKnowledgeCategoryBody = z
  .object({ slug: KnowledgeSlug, parentId: Id.nullable().default(null), position: z.number().int().min(0).max(10_000).default(0), translations: KnowledgeCategoryTranslations })
  .strict();
export const UpdateKnowledgeCategoryBody = z
  .object({
    slug: KnowledgeSlug.optional(),
    parentId: Id.nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    translations: KnowledgeCategoryTranslations.optional(),
    version: z.number().int().optional(),
  })
  .strict();

/** One language version of an article as saved: HTML is sanitized on the server. */
export const ArticleTranslationInput = z
  .object({
    title: z.string().trim().min(1).max(300),
    summary: z.string().trim().max(500).default(''),
    bodyHtml: z.string().max(200_000),
  })
  .strict();
export type ArticleTranslationInput = z.infer<typeof ArticleTranslationInput>;

export const ArticleTranslation = z.object({
  language: Language,
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  revision: z.number().int(),
  updatedBy: UserRefOrNull,
  updatedAt: Timestamp,
});
export type ArticleTranslation = z.infer<typeof ArticleTranslation>;

/** Where a policy applies: cases of these teams, and cases carrying any of these tags. */
export const PolicyPinning = z.object({ isPolicy: z.boolean(), teamIds: z.array(Id).max(50), tags: Tags });
export type PolicyPinning = z.infer<typeof PolicyPinning>;

export const ArticleStats = z.object({
  /** Times agents put the article into a reply. */
  uses: z.number().int(),
  helpful: z.number().int(),
  notHelpful: z.number().int(),
});
export type ArticleStats = z.infer<typeof ArticleStats>;

export const KnowledgeFile = z.object({ id: Id, fileName: z.string(), contentType: z.string(), size: z.number().int(), url: z.string(), createdAt: Timestamp });
export type KnowledgeFile = z.infer<typeof KnowledgeFile>;

export const KnowledgeArticle = z.object({
  id: Id,
  slug: z.string(),
  categoryId: Id.nullable(),
  visibility: KnowledgeVisibility,
  sourceLanguage: Language,
  policy: PolicyPinning,
  translations: z.array(ArticleTranslation),
  files: z.array(KnowledgeFile),
  stats: ArticleStats,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type KnowledgeArticle = z.infer<typeof KnowledgeArticle>;

/** An article in one language: the one asked for, or a fallback (`fellBack`) when it has none. */
export const ArticleSummary = z.object({
  id: Id,
  slug: z.string(),
  categoryId: Id.nullable(),
  visibility: KnowledgeVisibility,
  isPolicy: z.boolean(),
  language: Language,
  /** The article has no translation in the language asked for; this is another one. */
  fellBack: z.boolean(),
  languages: z.array(Language),
  title: z.string(),
  summary: z.string(),
  stats: ArticleStats,
  updatedAt: Timestamp,
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

/** A piece of a search snippet; `match` pieces are the words that matched (highlight them). */
export const KnowledgeHighlightPart = z.object({ text: z.string(), match: z.boolean() });
export type KnowledgeHighlightPart = z.infer<typeof KnowledgeHighlightPart>;

export const ArticleSearchHit = ArticleSummary.extend({
  rank: z.number(),
  highlight: z.array(KnowledgeHighlightPart),
  /** text: the words matched (stemmed); title: a similar title (a typo, a different inflection). */
  matchedBy: z.enum(['text', 'title']),
});
export type ArticleSearchHit = z.infer<typeof ArticleSearchHit>;

export const SearchArticlesQuery = z
  .object({
    q: z.string().trim().min(1).max(300),
    /** Search this language's translations (and articles without one, in their fallback); all languages when left out. */
    language: Language.optional(),
    categoryId: Id.optional(),
    visibility: KnowledgeVisibility.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type SearchArticlesQuery = z.infer<typeof SearchArticlesQuery>;

export const SearchArticlesResult = z.object({
  items: z.array(ArticleSearchHit),
  /** The query with misspelt words replaced, when nothing matched the words as typed. */
  correctedQuery: z.string().nullable(),
  tookMs: z.number(),
});
export type SearchArticlesResult = z.infer<typeof SearchArticlesResult>;

export const ListArticlesQuery = z
  .object({
    language: Language.optional(),
    categoryId: Id.optional(),
    visibility: KnowledgeVisibility.optional(),
    policy: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .strict();

export const CreateArticleBody = z
  .object({
    slug: KnowledgeSlug.optional(),
    categoryId: Id.nullable().default(null),
    visibility: KnowledgeVisibility.default('draft'),
    sourceLanguage: Language,
    policy: PolicyPinning.default({ isPolicy: false, teamIds: [], tags: [] }),
    translations: z.partialRecord(Language, ArticleTranslationInput).refine((r) => Object.keys(r).length > 0, 'write the article in at least one language'),
    /** Uploaded files to list under the article (images in the body are linked by themselves). */
    fileIds: z.array(Id).max(50).default([]),
  })
  .strict();
export type CreateArticleBody = z.infer<typeof CreateArticleBody>;

export const UpdateArticleBody = z
  .object({
    slug: KnowledgeSlug.optional(),
    categoryId: Id.nullable().optional(),
    visibility: KnowledgeVisibility.optional(),
    sourceLanguage: Language.optional(),
    policy: PolicyPinning.optional(),
    /** Languages given are saved (a new revision each when changed); null removes a translation. */
    translations: z.partialRecord(Language, ArticleTranslationInput.nullable()).optional(),
    fileIds: z.array(Id).max(50).optional(),
    version: z.number().int().optional(),
  })
  .strict();
export type UpdateArticleBody = z.infer<typeof UpdateArticleBody>;

export const ArticleRevision = z.object({
  id: z.number().int(),
  language: Language,
  number: z.number().int(),
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  author: UserRefOrNull,
  restoredFrom: z.number().int().nullable(),
  createdAt: Timestamp,
});
export type ArticleRevision = z.infer<typeof ArticleRevision>;

export const KnowledgeDiffPart = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() });
export type KnowledgeDiffPart = z.infer<typeof KnowledgeDiffPart>;

/** What changed from `base` (the revision before, or none for the first) to `revision`. */
export const ArticleRevisionDiff = z.object({
  revision: ArticleRevision,
  base: ArticleRevision.nullable(),
  title: z.array(KnowledgeDiffPart),
  body: z.array(KnowledgeDiffPart),
});
export type ArticleRevisionDiff = z.infer<typeof ArticleRevisionDiff>;

export const ArticleRevisionParams = z.object({ id: Id, revisionId: z.coerce.number().int().positive() }).strict();
export const KnowledgeLanguageQuery = z.object({ language: Language.optional() }).strict();

/** Articles that fit a case (its subject and latest messages), in the requester's language. */
export const CaseArticleSuggestions = z.object({ language: Language, items: z.array(ArticleSearchHit) });
export const CasePolicies = z.object({
  language: Language,
  items: z.array(ArticleSummary.extend({ pinnedBy: z.object({ team: z.boolean(), tags: z.array(z.string()) }), bodyHtml: z.string() })),
});
export type CasePolicies = z.infer<typeof CasePolicies>;

export const SendArticleBody = z
  .object({
    articleId: Id,
    /** text: the article's text in the reply; link: its title and help-center address. */
    mode: z.enum(['text', 'link']),
    /** Defaults to the requester's preferred language, else the article's own. */
    language: Language.optional(),
  })
  .strict();

export const SentArticle = z.object({
  /** Put this into the reply. */
  text: z.string(),
  language: Language,
  fellBack: z.boolean(),
  /** The help-center page; null for an article that is not public (its text only). */
  url: z.string().nullable(),
  entryId: z.number().int(),
});
export type SentArticle = z.infer<typeof SentArticle>;

/** The `data` of a `knowledge.article_sent` timeline activity. */
export const ArticleSentActivity = z.object({
  articleId: Id,
  title: z.string(),
  language: Language,
  fellBack: z.boolean(),
  mode: z.enum(['text', 'link']),
  url: z.string().nullable(),
});
export type ArticleSentActivity = z.infer<typeof ArticleSentActivity>;

export const ArticleUse = z.object({ caseId: Id, caseNumber: z.number().int(), subject: z.string(), language: Language, mode: z.enum(['text', 'link']), user: UserRefOrNull, createdAt: Timestamp });
export type ArticleUse = z.infer<typeof ArticleUse>;

export const ArticleFeedbackBody = z.object({ helpful: z.boolean(), language: Language }).strict();

/** The languages articles are written in. */
export type KnowledgeLanguage = z.infer<typeof Language>;
