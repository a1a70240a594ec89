/** How articles are used and rated: uses on cases, and "was this helpful?" answers. */
import type { ArticleUse, KnowledgeVisibility, KnowledgeLanguage } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { canSeeCase } from '../cases/index.ts';
import { getArticle } from './queries.ts';

/**
 * Records a reader's answer to "was this article helpful?". Anyone may answer for a public
 * article (the help center has no sign-in); others answer "not found".
 */
export async function recordFeedback(db: Queryable, visibilities: readonly KnowledgeVisibility[], idOrSlug: string, input: { helpful: boolean; language: KnowledgeLanguage; source: 'help_center' | 'portal' | 'agent' }): Promise<void> {
  const article = await getArticle(db, visibilities, idOrSlug);
  await db.query('insert into knowledge_feedback (article_id, language, helpful, source) values ($1, $2, $3, $4)', [article.id, input.language, input.helpful, input.source]);
}

/** The cases an article was put into a reply on, newest first — only cases the actor may see. */
export async function listArticleUses(db: Queryable, actor: Actor, visibilities: readonly KnowledgeVisibility[], articleId: string): Promise<ArticleUse[]> {
  const article = await getArticle(db, visibilities, articleId);
  const { rows } = await db.query<{ case_id: string; number: number; subject: string; team_id: string | null; assignee_id: string | null; language: KnowledgeLanguage; mode: 'text' | 'link'; user_id: string | null; user_name: string | null; created_at: Date }>(
    `select u.case_id, c.number, c.subject, c.team_id, c.assignee_id, u.language, u.mode, u.user_id, us.name as user_name, u.created_at
     from knowledge_article_uses u join cases c on c.id = u.case_id left join users us on us.id = u.user_id
     where u.article_id = $1 order by u.created_at desc, u.id desc limit 200`,
    [article.id],
  );
  return rows
    .filter((r) => canSeeCase(actor, { teamId: r.team_id, assigneeId: r.assignee_id }))
    .map((r) => ({
      caseId: r.case_id,
      caseNumber: r.number,
      subject: r.subject,
      language: r.language,
      mode: r.mode,
      user: r.user_id && r.user_name !== null ? { id: r.user_id, name: r.user_name } : null,
      createdAt: r.created_at.toISOString(),
    }));
}
