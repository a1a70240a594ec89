/** Writing flows: create, change the draft and settings, publish the draft as a new version. */
import type { z } from 'zod';
import type { CreateFlowBody, Flow, FlowDefinition, FlowIssue, UpdateFlowBody } from '@switchboard/contracts';
import { authorId, type Actor } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { AppError, assertVersion, invalid, notFound } from '../../platform/http/errors.ts';
import { assertMayManageFlows } from './policy.ts';
import { getFlow } from './queries.ts';
import { isPublishable, validateFlow } from './validate.ts';

/** A new flow's draft: one question waiting for its text and answers. */
export function emptyDraft(title: FlowDefinition['title']): FlowDefinition {
  return { title, description: {}, start: 'start', steps: [{ id: 'start', type: 'question', text: {}, answers: [] }] };
}

async function checkTeam(db: Queryable, teamId: string | null | undefined, field: string): Promise<void> {
  if (!teamId) return;
  const { rowCount } = await db.query('select 1 from teams where id = $1', [teamId]);
  if (rowCount === 0) throw invalid(field, 'no such team');
}

/** Outcomes naming teams that do not exist (any more): the tree is fine, the reference is not. */
export async function referenceIssues(db: Queryable, def: FlowDefinition): Promise<FlowIssue[]> {
  const wanted = [...new Set(def.steps.flatMap((s) => (s.type === 'outcome' && s.outcome.teamId ? [s.outcome.teamId] : [])))];
  if (wanted.length === 0) return [];
  const { rows } = await db.query<{ id: string }>('select id from teams where id = any($1::uuid[])', [wanted]);
  const found = new Set(rows.map((r) => r.id));
  return def.steps.flatMap((s): FlowIssue[] =>
    s.type === 'outcome' && s.outcome.teamId && !found.has(s.outcome.teamId)
      ? [{ severity: 'error', code: 'unknown_team', stepId: s.id, params: { target: s.outcome.teamId }, message: `Outcome "${s.id}" transfers to a team that does not exist` }]
      : [],
  );
}

/** Adds a flow with a draft (given, or one empty question); nothing is published yet. */
export async function createFlow(actor: Actor, tx: Tx, input: z.output<typeof CreateFlowBody>): Promise<Flow> {
  assertMayManageFlows(actor);
  await checkTeam(tx, input.teamId, 'body.teamId');
  const draft = input.draft ? { ...input.draft, title: input.title } : emptyDraft(input.title);
  const { rows } = await tx.query<{ id: string }>(
    `insert into flows (slug, team_id, tags, public, draft, created_by_id) values ($1, $2, $3, $4, $5::jsonb, $6)
     on conflict (slug) do nothing returning id`,
    [input.slug, input.teamId, [...new Set(input.tags)], input.public, JSON.stringify(draft), authorId(actor)],
  );
  if (!rows[0]) throw new AppError('conflict', `A flow with the address "${input.slug}" exists already`, [{ field: 'body.slug', message: 'taken' }]);
  return getFlow(tx, rows[0].id);
}

/** Changes settings and/or the draft, when the caller saw the current version; published versions stay as they are. */
export async function updateFlow(actor: Actor, tx: Tx, id: string, expectedVersion: number, input: z.output<typeof UpdateFlowBody>): Promise<Flow> {
  assertMayManageFlows(actor);
  const { rows } = await tx.query<{ version: number; slug: string }>('select version, slug from flows where id = $1 for update', [id]);
  const cur = rows[0];
  if (!cur) throw notFound('The flow');
  assertVersion(`The flow ${cur.slug}`, cur.version, expectedVersion);
  if (input.teamId !== undefined) await checkTeam(tx, input.teamId, 'body.teamId');
  if (input.slug && input.slug !== cur.slug) {
    const taken = await tx.query('select 1 from flows where slug = $1 and id <> $2', [input.slug, id]);
    if (taken.rowCount) throw new AppError('conflict', `A flow with the address "${input.slug}" exists already`, [{ field: 'body.slug', message: 'taken' }]);
  }
  await tx.query(
    `update flows set slug = coalesce($2, slug), team_id = case when $3::boolean then $4::uuid else team_id end, tags = coalesce($5, tags),
       public = coalesce($6, public), archived = coalesce($7, archived), draft = coalesce($8::jsonb, draft), version = version + 1, updated_at = now()
     where id = $1`,
    [
      id,
      input.slug ?? null,
      input.teamId !== undefined,
      input.teamId ?? null,
      input.tags ? [...new Set(input.tags)] : null,
      input.public ?? null,
      input.archived ?? null,
      input.draft ? JSON.stringify(input.draft) : null,
    ],
  );
  return getFlow(tx, id);
}

/**
 * Publishes the draft as the next version. Runs in progress keep the version they started on;
 * new runs take this one. Refused while the draft has errors, or when it equals the published version.
 */
export async function publishFlow(actor: Actor, tx: Tx, id: string, expectedVersion: number): Promise<Flow> {
  assertMayManageFlows(actor);
  const { rows } = await tx.query<{ version: number; slug: string; draft: FlowDefinition; published_version: number | null; same: boolean }>(
    `select f.version, f.slug, f.draft, f.published_version, coalesce(pv.definition = f.draft, false) as same
     from flows f left join flow_versions pv on pv.flow_id = f.id and pv.version = f.published_version where f.id = $1 for update of f`,
    [id],
  );
  const cur = rows[0];
  if (!cur) throw notFound('The flow');
  assertVersion(`The flow ${cur.slug}`, cur.version, expectedVersion);
  const issues = [...validateFlow(cur.draft), ...(await referenceIssues(tx, cur.draft))];
  if (!isPublishable(issues)) {
    const errors = issues.filter((i) => i.severity === 'error');
    throw new AppError(
      'unprocessable',
      `The draft has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix before publishing: ${errors.map((e) => e.message).join('; ')}`,
      errors.map((e) => ({ field: e.stepId ? `draft.steps.${e.stepId}` : 'draft', message: e.message })),
      { issues },
    );
  }
  if (cur.same) throw new AppError('unprocessable', `The draft is the same as the published version ${cur.published_version}: nothing to publish`);
  const next = await tx.query<{ version: number }>(
    `insert into flow_versions (flow_id, version, definition, published_by_id)
     values ($1, (select coalesce(max(version), 0) + 1 from flow_versions where flow_id = $1), $2::jsonb, $3) returning version`,
    [id, JSON.stringify(cur.draft), authorId(actor)],
  );
  await tx.query('update flows set published_version = $2, version = version + 1, updated_at = now() where id = $1', [id, next.rows[0]!.version]);
  return getFlow(tx, id);
}
