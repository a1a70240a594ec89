/** Putting an article into a reply on a case: the text to insert, recorded on the case and counted. */
import type { z } from 'zod';
import type { ArticleSentActivity, KnowledgeLanguage, SendArticleBody, SentArticle } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { addActivity, getCase } from '../cases/index.ts';
import { customerLanguage } from './case-knowledge.ts';
import { languageNames } from './help-strings.ts';
import { chooseTranslation, findArticle } from './queries.ts';
import { htmlToText } from './sanitize.ts';

/** The help-center address of an article in a language, absolute when the base is known. */
export const articleUrl = (baseUrl: string, language: KnowledgeLanguage, slug: string) => `${baseUrl}/help/${language}/articles/${slug}`;

/**
 * Returns an article's text or link for a reply in the customer's language (their preferred one
 * unless the agent picks another), writes a `knowledge.article_sent` activity on the case and
 * counts the use. Only public articles go to customers: internal ones are for agents' eyes.
 */
export async function sendArticle(app: AppContext, actor: Actor, tx: Tx, caseRef: string, input: z.output<typeof SendArticleBody>, baseUrl: string): Promise<SentArticle> {
  const c = await getCase(tx, actor, caseRef);
  const article = await findArticle(tx, input.articleId);
  if (!article || article.visibility === 'draft' || (article.visibility === 'internal' && actor.role === 'customer')) throw notFound('The article');
  if (article.visibility !== 'public') throw new AppError('unprocessable', 'This article is internal: read it to the customer in your own words, or publish it first');
  const wanted = input.language ?? (await customerLanguage(tx, c));
  const { translation, fellBack } = chooseTranslation(article, wanted);
  const url = articleUrl(baseUrl, translation.language, article.slug);
  const text =
    input.mode === 'link'
      ? `${translation.title}: ${url}`
      : `${translation.title}\n\n${htmlToText(translation.bodyHtml, { links: true, baseUrl })}\n\n${url}`;
  const data: ArticleSentActivity = { articleId: article.id, title: translation.title, language: translation.language, fellBack, mode: input.mode, url };
  const how = input.mode === 'link' ? 'as a link' : 'as text';
  const entry = await addActivity(app, actor, tx, c.id, {
    type: 'knowledge.article_sent',
    summary: `put the article “${translation.title}” (${languageNames[translation.language]}${fellBack ? `, no ${languageNames[wanted]} version` : ''}) into a reply ${how}`,
    data,
  });
  await tx.query(`insert into knowledge_article_uses (article_id, language, case_id, entry_id, mode, user_id) values ($1, $2, $3, $4, $5, $6)`, [
    article.id,
    translation.language,
    c.id,
    entry.id,
    input.mode,
    authorId(actor),
  ]);
  return { text, language: translation.language, fellBack, url, entryId: entry.id };
}
