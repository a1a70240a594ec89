/** Revision history of article translations: list, what changed (a word diff), restore. */
import { diffWordsWithSpace } from 'diff';
import type { ArticleRevision, ArticleRevisionDiff, KnowledgeArticle, KnowledgeDiffPart, KnowledgeVisibility, KnowledgeLanguage } from '@switchboard/contracts';
import { authorId, type Actor } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { assertVersion, notFound } from '../../platform/http/errors.ts';
import { assertMayEditKnowledge } from './policy.ts';
import { findArticle, getArticle } from './queries.ts';
import { htmlToText } from './sanitize.ts';
import { saveTranslation } from './save-article.ts';

interface RevisionRow {
  id: number;
  language: KnowledgeLanguage;
  number: number;
  title: string;
  summary: string;
  body_html: string;
  author_id: string | null;
  author_name: string | null;
  restored_from: number | null;
  created_at: Date;
}

const toRevision = (r: RevisionRow): ArticleRevision => ({
  id: r.id,
  language: r.language,
  number: r.number,
  title: r.title,
  summary: r.summary,
  bodyHtml: r.body_html,
  author: r.author_id && r.author_name !== null ? { id: r.author_id, name: r.author_name } : null,
  restoredFrom: r.restored_from,
  createdAt: r.created_at.toISOString(),
});

const revisionSelect = `select r.id, r.language, r.number, r.title, r.summary, r.body_html, r.author_id, u.name as author_name, r.restored_from, r.created_at
  from knowledge_revisions r left join users u on u.id = r.author_id`;

/** Revisions of an article the reader may see, newest first, optionally of one language. */
export async function listRevisions(db: Queryable, visibilities: readonly KnowledgeVisibility[], articleId: string, language: KnowledgeLanguage | undefined): Promise<ArticleRevision[]> {
  await getArticle(db, visibilities, articleId);
  const { rows } = await db.query<RevisionRow>(`${revisionSelect} where r.article_id = $1 and ($2::text is null or r.language = $2) order by r.created_at desc, r.id desc limit 500`, [articleId, language ?? null]);
  return rows.map(toRevision);
}

async function loadRevision(db: Queryable, articleId: string, revisionId: number): Promise<RevisionRow> {
  const { rows } = await db.query<RevisionRow>(`${revisionSelect} where r.article_id = $1 and r.id = $2`, [articleId, revisionId]);
  if (!rows[0]) throw notFound('The revision');
  return rows[0];
}

const parts = (before: string, after: string): KnowledgeDiffPart[] => diffWordsWithSpace(before, after).map((c) => ({ value: c.value, added: c.added === true, removed: c.removed === true }));

/**
 * What a revision changed against the one before it in the same language (everything is new in
 * the first). The body is compared as text with each link's address, so a changed link shows.
 */
export async function revisionDiff(db: Queryable, visibilities: readonly KnowledgeVisibility[], articleId: string, revisionId: number): Promise<ArticleRevisionDiff> {
  await getArticle(db, visibilities, articleId);
  const rev = await loadRevision(db, articleId, revisionId);
  const { rows } = await db.query<RevisionRow>(`${revisionSelect} where r.article_id = $1 and r.language = $2 and r.number < $3 order by r.number desc limit 1`, [articleId, rev.language, rev.number]);
  const base = rows[0] ?? null;
  const text = (r: RevisionRow | null) => (r ? htmlToText(r.body_html, { links: true }) : '');
  return {
    revision: toRevision(rev),
    base: base ? toRevision(base) : null,
    title: parts(base?.title ?? '', rev.title),
    body: parts(text(base), text(rev)),
  };
}

/**
 * Makes an old revision the current text of its language again, as a new revision that says
 * where it came from — history is never rewritten.
 */
export async function restoreRevision(actor: Actor, tx: Tx, articleId: string, revisionId: number, expectedVersion: number): Promise<KnowledgeArticle> {
  assertMayEditKnowledge(actor);
  const { rows } = await tx.query<{ version: number; slug: string }>('select version, slug from knowledge_articles where id = $1 for update', [articleId]);
  if (!rows[0]) throw notFound('The article');
  assertVersion(`The article ${rows[0].slug}`, rows[0].version, expectedVersion);
  const rev = await loadRevision(tx, articleId, revisionId);
  await saveTranslation(tx, actor, articleId, rev.language, { title: rev.title, summary: rev.summary, bodyHtml: rev.body_html }, rev.id);
  await tx.query('update knowledge_articles set updated_at = now(), updated_by = $2, version = version + 1 where id = $1', [articleId, authorId(actor)]);
  return (await findArticle(tx, articleId))!;
}
