import type { z } from 'zod';
import { ViewFilters, type CreateViewBody, type UpdateViewBody, type View } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { AppError, assertVersion, notFound } from '../../platform/http/errors.ts';
import type { SortKey } from './list-cases.ts';
import { mayShareViews as mayShare } from './policy.ts';

type ViewDto = z.infer<typeof View>;

/** The views every agent has. */
export const builtInViews: readonly ViewDto[] = [
  { id: 'mine', name: 'My open cases', builtIn: true, shared: true, filters: { assignee: 'me', statuses: ['new', 'open', 'pending', 'on_hold'] }, sort: 'updated_desc', version: 1 },
  { id: 'unassigned', name: 'Unassigned in my teams', builtIn: true, shared: true, filters: { assignee: 'none', myTeams: true, statuses: ['new', 'open', 'pending', 'on_hold'] }, sort: 'created_asc', version: 1 },
  { id: 'open', name: 'All open', builtIn: true, shared: true, filters: { statuses: ['new', 'open'] }, sort: 'updated_desc', version: 1 },
  { id: 'pending', name: 'Pending', builtIn: true, shared: true, filters: { statuses: ['pending', 'on_hold'] }, sort: 'updated_desc', version: 1 },
  { id: 'all', name: 'All cases', builtIn: true, shared: true, filters: {}, sort: 'updated_desc', version: 1 },
];

interface ViewRow {
  id: string;
  name: string;
  owner_id: string | null;
  filters: unknown;
  sort: SortKey;
  version: number;
}

const toView = (r: ViewRow): ViewDto => ({
  id: r.id,
  name: r.name,
  builtIn: false,
  shared: r.owner_id === null,
  filters: ViewFilters.parse(r.filters),
  sort: r.sort,
  version: r.version,
});

/** Built-in views, shared views and the actor's own, in that order. */
export async function listViews(db: Queryable, actor: Actor): Promise<ViewDto[]> {
  const { rows } = await db.query<ViewRow>(
    'select id, name, owner_id, filters, sort, version from views where owner_id is null or owner_id = $1 order by owner_id nulls first, position, name',
    [actor.id],
  );
  return [...builtInViews, ...rows.map(toView)];
}

export async function findView(db: Queryable, actor: Actor, id: string): Promise<ViewDto> {
  const builtIn = builtInViews.find((v) => v.id === id);
  if (builtIn) return builtIn;
  const { rows } = await db.query<ViewRow>('select id, name, owner_id, filters, sort, version from views where id = $1 and (owner_id is null or owner_id = $2)', [id, actor.id]);
  if (!rows[0]) throw notFound('The view');
  return toView(rows[0]);
}

export async function createView(actor: Actor, tx: Tx, input: z.output<typeof CreateViewBody>): Promise<ViewDto> {
  if (input.shared && !mayShare(actor)) throw new AppError('forbidden', 'Only supervisors and admins create shared views', [{ field: 'body.shared', message: 'needs a supervisor or admin' }]);
  const { rows } = await tx.query<ViewRow>(
    'insert into views (name, owner_id, filters, sort) values ($1, $2, $3::jsonb, $4) returning id, name, owner_id, filters, sort, version',
    [input.name, input.shared ? null : actor.id, JSON.stringify(input.filters), input.sort],
  );
  return toView(rows[0]!);
}

async function ownView(tx: Tx, actor: Actor, id: string): Promise<ViewRow> {
  const { rows } = await tx.query<ViewRow>('select id, name, owner_id, filters, sort, version from views where id = $1 for update', [id]);
  const row = rows[0];
  if (!row || (row.owner_id !== null && row.owner_id !== actor.id)) throw notFound('The view');
  if (row.owner_id === null && !mayShare(actor)) throw new AppError('forbidden', 'Only supervisors and admins change shared views');
  return row;
}

export async function updateView(actor: Actor, tx: Tx, id: string, expectedVersion: number, input: z.output<typeof UpdateViewBody>): Promise<ViewDto> {
  const row = await ownView(tx, actor, id);
  assertVersion('The view', row.version, expectedVersion);
  const { rows } = await tx.query<ViewRow>(
    `update views set name = coalesce($2, name), filters = coalesce($3::jsonb, filters), sort = coalesce($4, sort),
       updated_at = now(), version = version + 1 where id = $1 returning id, name, owner_id, filters, sort, version`,
    [id, input.name ?? null, input.filters ? JSON.stringify(input.filters) : null, input.sort ?? null],
  );
  return toView(rows[0]!);
}

export async function deleteView(actor: Actor, tx: Tx, id: string): Promise<void> {
  await ownView(tx, actor, id);
  await tx.query('delete from views where id = $1', [id]);
}
