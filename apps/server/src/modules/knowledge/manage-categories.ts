/** The category tree: create, change (name, place, parent), delete an empty category. */
import type { z } from 'zod';
import type { CreateKnowledgeCategoryBody, KnowledgeCategory, KnowledgeLanguage, UpdateKnowledgeCategoryBody } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, assertVersion, invalid, notFound } from '../../platform/http/errors.ts';
import { assertMayEditKnowledge, readableVisibilities } from './policy.ts';
import { listCategories } from './queries.ts';

type Translations = Partial<Record<KnowledgeLanguage, { name: string; description: string }>>;

async function putTranslations(tx: Tx, categoryId: string, translations: Translations): Promise<void> {
  await tx.query('delete from knowledge_category_translations where category_id = $1', [categoryId]);
  for (const [language, t] of Object.entries(translations) as Array<[KnowledgeLanguage, { name: string; description: string }]>) {
    await tx.query('insert into knowledge_category_translations (category_id, language, name, description) values ($1, $2, $3, $4)', [categoryId, language, t.name, t.description]);
  }
}

/** A parent must exist and must not be the category itself or one below it (no cycles). */
async function checkParent(tx: Tx, id: string | null, parentId: string | null): Promise<void> {
  if (!parentId) return;
  const { rows } = await tx.query<{ id: string }>(
    `with recursive up as (select id, parent_id from knowledge_categories where id = $1
       union all select c.id, c.parent_id from knowledge_categories c join up on c.id = up.parent_id)
     select id from up`,
    [parentId],
  );
  if (rows.length === 0) throw invalid('body.parentId', 'no such category');
  if (id && rows.some((r) => r.id === id)) throw invalid('body.parentId', 'a category cannot be placed inside itself');
}

async function category(tx: Tx, actor: Actor, id: string): Promise<KnowledgeCategory> {
  const found = (await listCategories(tx, readableVisibilities(actor))).find((c) => c.id === id);
  if (!found) throw notFound('The category');
  return found;
}

export async function createCategory(actor: Actor, tx: Tx, input: z.output<typeof CreateKnowledgeCategoryBody>): Promise<KnowledgeCategory> {
  assertMayEditKnowledge(actor);
  await checkParent(tx, null, input.parentId);
  const { rows } = await tx.query<{ id: string }>('insert into knowledge_categories (slug, parent_id, position) values ($1, $2, $3) returning id', [input.slug, input.parentId, input.position]);
  await putTranslations(tx, rows[0]!.id, input.translations);
  return category(tx, actor, rows[0]!.id);
}

export async function updateCategory(actor: Actor, tx: Tx, id: string, expectedVersion: number, input: z.output<typeof UpdateKnowledgeCategoryBody>): Promise<KnowledgeCategory> {
  assertMayEditKnowledge(actor);
  const { rows } = await tx.query<{ version: number; slug: string }>('select version, slug from knowledge_categories where id = $1 for update', [id]);
  if (!rows[0]) throw notFound('The category');
  assertVersion(`The category ${rows[0].slug}`, rows[0].version, expectedVersion);
  if (input.parentId !== undefined) await checkParent(tx, id, input.parentId);
  await tx.query(
    `update knowledge_categories set slug = coalesce($2, slug), parent_id = case when $3::boolean then $4::uuid else parent_id end,
       position = coalesce($5, position), updated_at = now(), version = version + 1 where id = $1`,
    [id, input.slug ?? null, input.parentId !== undefined, input.parentId ?? null, input.position ?? null],
  );
  if (input.translations) await putTranslations(tx, id, input.translations);
  return category(tx, actor, id);
}

/** Deletes a category without subcategories; its articles stay, uncategorised. */
export async function deleteCategory(actor: Actor, tx: Tx, id: string): Promise<void> {
  assertMayEditKnowledge(actor);
  const children = await tx.query('select 1 from knowledge_categories where parent_id = $1 limit 1', [id]);
  if (children.rowCount > 0) throw new AppError('conflict', 'Move or delete its subcategories first');
  const { rowCount } = await tx.query('delete from knowledge_categories where id = $1', [id]);
  if (rowCount === 0) throw notFound('The category');
}
