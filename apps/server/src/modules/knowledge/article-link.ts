/** Title and address of an article for other modules (a troubleshooting flow's outcome, a macro). */
import type { KnowledgeVisibility, KnowledgeLanguage } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { articlePath } from './help-pages.ts';
import { chooseTranslation, findArticle } from './queries.ts';

export interface ArticleLinkInfo {
  id: string;
  slug: string;
  title: string;
  /** The language of the title (the wanted one, or the fallback). */
  language: KnowledgeLanguage;
  fellBack: boolean;
  visibility: KnowledgeVisibility;
  /** The public help-center path (/help/<lang>/articles/<slug>); null for an article that is not public. */
  url: string | null;
}

/**
 * Looks an article up by id or slug and returns its title in `language` (or the fallback) and
 * its help-center path. Drafts are not found; internal articles only with `includeInternal`.
 */
export async function findArticleLink(db: Queryable, ref: { id?: string | null; slug?: string | null }, language: KnowledgeLanguage, options: { includeInternal?: boolean } = {}): Promise<ArticleLinkInfo | null> {
  const article = (ref.id ? await findArticle(db, ref.id) : null) ?? (ref.slug ? await findArticle(db, ref.slug) : null);
  if (!article || article.visibility === 'draft' || (article.visibility === 'internal' && !options.includeInternal)) return null;
  const { translation, fellBack } = chooseTranslation(article, language);
  return {
    id: article.id,
    slug: article.slug,
    title: translation.title,
    language: translation.language,
    fellBack,
    visibility: article.visibility,
    url: article.visibility === 'public' ? articlePath(language, article.slug) : null,
  };
}
