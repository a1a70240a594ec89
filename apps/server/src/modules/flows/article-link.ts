/**
 * The knowledge-base article an "article" outcome sends. Outcomes store the article by slug (and
 * id when known), so a flow survives an article being rewritten; the title and address come from
 * the knowledge module when the outcome is shown or applied.
 */
import type { FlowOutcome } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { findArticleLink } from '../knowledge/index.ts';
import type { FlowLanguage } from './engine.ts';

export interface ArticleLink {
  slug: string;
  id: string | null;
  title: string | null;
  /** The public help-center path; null for an internal article or one that is missing. */
  url: string | null;
}

/**
 * Title and public address of the article in `lang`. Agents also see internal articles (to read
 * them, not to send a link); customers only public ones. Unknown or draft articles keep the bare reference.
 */
export async function resolveArticle(db: Queryable, ref: NonNullable<FlowOutcome['article']>, lang: FlowLanguage, options: { includeInternal?: boolean } = {}): Promise<ArticleLink> {
  const found = await findArticleLink(db, { id: ref.id ?? null, slug: ref.slug }, lang, options);
  if (!found) return { slug: ref.slug, id: ref.id ?? null, title: null, url: null };
  return { slug: found.slug, id: found.id, title: found.title, url: found.url };
}
