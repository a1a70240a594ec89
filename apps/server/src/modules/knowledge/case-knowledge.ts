/** The knowledge base on a case: articles that fit its text, and the policies pinned to it. */
import type { z } from 'zod';
import type { Case, CaseArticleSuggestions, CasePolicies, KnowledgeLanguage } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { getCase } from '../cases/index.ts';
import { getCustomer } from '../customers/index.ts';
import { isHelpLanguage } from './help-strings.ts';
import { readableVisibilities } from './policy.ts';
import { pickTranslation, summaryColumns, toSummary, type SummaryRow } from './queries.ts';
import { searchArticles } from './search-articles.ts';
import { caseTextWords, guessLanguage } from './text-search.ts';

type Suggestions = z.infer<typeof CaseArticleSuggestions>;

/**
 * The subject and the latest customer-facing messages of a case. Read straight from the timeline
 * table (read-only): the cases module exports no timeline query, and this needs three bodies.
 */
async function caseText(db: Queryable, caseId: string): Promise<string> {
  const { rows } = await db.query<{ body: string }>(
    `select left(body, 1500) as body from case_entries where case_id = $1 and kind = 'message' order by id desc limit 3`,
    [caseId],
  );
  return rows.map((r) => r.body).join('\n');
}

/** The language to answer the case's customer in: their preferred one, else a guess from the text. */
export async function customerLanguage(db: Queryable, c: Case, text?: string): Promise<KnowledgeLanguage> {
  const customer = await getCustomer(db, c.requester.id).catch(() => null);
  const preferred = customer?.preferredLanguage;
  if (preferred && isHelpLanguage(preferred)) return preferred;
  return guessLanguage(`${c.subject}\n${text ?? (await caseText(db, c.id))}`) ?? 'en';
}

/**
 * Articles that fit the case, best first, in the customer's language (or the fallback): its
 * subject and latest messages searched with any word counting. Drafts are never suggested.
 */
export async function suggestArticlesForCase(db: Queryable, actor: Actor, caseRef: string, limit = 5): Promise<Suggestions> {
  const c = await getCase(db, actor, caseRef);
  const text = await caseText(db, c.id);
  const language = await customerLanguage(db, c, text);
  // the subject counts twice: it names the problem, messages also greet and sign
  const words = caseTextWords(`${c.subject} ${c.subject} ${text}`);
  const visibilities = readableVisibilities(actor).filter((v) => v !== 'draft');
  const result = await searchArticles(db, { q: words.join(' '), words, visibilities, language, limit, mode: 'any', titleSimilarity: false });
  return { language, items: result.items };
}

/**
 * Company policies pinned to the case: to its team, or to one of its tags. Shown in the agent's
 * own language (they read them), with the body to expand in place.
 */
export async function policiesForCase(db: Queryable, actor: Actor, caseRef: string): Promise<CasePolicies> {
  const c = await getCase(db, actor, caseRef);
  const language: KnowledgeLanguage = isHelpLanguage(actor.language) ? actor.language : 'en';
  const visibilities = readableVisibilities(actor).filter((v) => v !== 'draft');
  const { rows } = await db.query<SummaryRow & { body_html: string; team_match: boolean; tag_matches: string[] }>(
    `select ${summaryColumns}, t.body_html,
       coalesce($3::uuid = any(a.policy_team_ids), false) as team_match,
       array(select x from unnest(a.policy_tags) x where x = any($4::text[])) as tag_matches
     from knowledge_articles a cross join lateral ${pickTranslation('$2')} t
     where a.is_policy and a.visibility = any($1::text[])
       and (($3::uuid is not null and $3::uuid = any(a.policy_team_ids)) or a.policy_tags && $4::text[])
     order by t.title limit 20`,
    [visibilities, language, c.team?.id ?? null, c.tags],
  );
  return {
    language,
    items: rows.map((r) => ({ ...toSummary(r, language), pinnedBy: { team: r.team_match, tags: r.tag_matches }, bodyHtml: r.body_html })),
  };
}
