import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { ArticleRevision, ArticleRevisionDiff, ArticleSummary, ArticleUse, KnowledgeArticle, KnowledgeCategory, KnowledgeLanguage, KnowledgeVisibility, SearchArticlesResult } from './types.ts';

export interface ArticleFilter {
  q?: string;
  language?: KnowledgeLanguage;
  categoryId?: string;
  visibility?: KnowledgeVisibility;
}

/** The category tree (flat, with parent ids). */
export const useKnowledgeCategories = () =>
  useQuery({ queryKey: ['knowledge', 'categories'], queryFn: () => get<{ items: KnowledgeCategory[] }>('/knowledge/categories').then((r) => r.items), staleTime: 60_000 });

/** Articles of a category (or all), or search results when `q` is set; the last list stays while the next loads. */
export const useArticleList = (filter: ArticleFilter) =>
  useQuery({
    queryKey: ['knowledge', 'articles', filter],
    queryFn: async (): Promise<{ items: Array<ArticleSummary & { highlight?: SearchArticlesResult['items'][number]['highlight'] }>; correctedQuery: string | null }> => {
      if (filter.q) return get<SearchArticlesResult>('/knowledge/search', { q: filter.q, language: filter.language, categoryId: filter.categoryId, visibility: filter.visibility, limit: 50 });
      const r = await get<{ items: ArticleSummary[] }>('/knowledge/articles', { language: filter.language, categoryId: filter.categoryId, visibility: filter.visibility, limit: 200 });
      return { items: r.items, correctedQuery: null };
    },
    placeholderData: keepPreviousData,
  });

export const useArticle = (id: string | undefined) =>
  useQuery({ queryKey: ['knowledge', 'article', id], queryFn: () => get<KnowledgeArticle>(`/knowledge/articles/${id}`), enabled: !!id });

export const useRevisions = (id: string, language: KnowledgeLanguage) =>
  useQuery({ queryKey: ['knowledge', 'revisions', id, language], queryFn: () => get<{ items: ArticleRevision[] }>(`/knowledge/articles/${id}/revisions`, { language }).then((r) => r.items) });

export const useRevisionDiff = (id: string, revisionId: number | null) =>
  useQuery({ queryKey: ['knowledge', 'diff', id, revisionId], queryFn: () => get<ArticleRevisionDiff>(`/knowledge/articles/${id}/revisions/${revisionId}/diff`), enabled: revisionId !== null });

export const useArticleUses = (id: string) =>
  useQuery({ queryKey: ['knowledge', 'uses', id], queryFn: () => get<{ items: ArticleUse[] }>(`/knowledge/articles/${id}/uses`).then((r) => r.items) });
