import type { KnowledgeVisibility } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';

/**
 * Who reads and writes the knowledge base. Customers and anonymous visitors read public articles
 * only; agents also internal ones; supervisors and admins write and see drafts too.
 */
export function readableVisibilities(actor: Actor | null): KnowledgeVisibility[] {
  if (!actor || actor.role === 'customer') return ['public'];
  if (actor.role === 'agent') return ['public', 'internal'];
  return ['public', 'internal', 'draft'];
}

/** May the actor see an article of this visibility? */
export function mayReadArticle(actor: Actor | null, visibility: KnowledgeVisibility): boolean {
  return readableVisibilities(actor).includes(visibility);
}

/** Supervisors and admins curate the knowledge base: articles, categories, policies, restores. */
export function mayEditKnowledge(actor: Actor): boolean {
  return actor.role === 'supervisor' || actor.role === 'admin';
}

export function assertMayEditKnowledge(actor: Actor): void {
  if (!mayEditKnowledge(actor)) throw new AppError('forbidden', 'Only supervisors and admins edit the knowledge base');
}
