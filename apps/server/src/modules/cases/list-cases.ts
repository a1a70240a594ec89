import { statuses, type Case, type Status, type ViewFilters } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { caseVisibility } from './policy.ts';
import { casesByIds } from './queries.ts';

export type SortKey = 'updated_desc' | 'updated_asc' | 'created_desc' | 'created_asc' | 'due_asc';
export interface ListCursor {
  at: string;
  id: string;
}

class Params {
  readonly values: unknown[] = [];
  add(v: unknown, cast = ''): string {
    this.values.push(v);
    return `$${this.values.length}${cast}`;
  }
}

/** Conditions from the filters that apply inside every branch. */
function filterConditions(actor: Actor, f: ViewFilters, p: Params): string[] {
  const where: string[] = [];
  if (f.priorities?.length) where.push(`c.priority = any(${p.add(f.priorities, '::text[]')})`);
  if (f.channels?.length) where.push(`c.channel = any(${p.add(f.channels, '::text[]')})`);
  if (f.tags?.length) where.push(`c.tags @> ${p.add(f.tags, '::text[]')}`);
  if (f.requesterId) where.push(`c.requester_id = ${p.add(f.requesterId, '::uuid')}`);
  if (f.organizationId) where.push(`c.organization_id = ${p.add(f.organizationId, '::uuid')}`);
  if (f.assignee === 'none') where.push('c.assignee_id is null');
  else if (f.assignee === 'me') where.push(`c.assignee_id = ${p.add(actor.id, '::uuid')}`);
  else if (f.assignee) where.push(`c.assignee_id = ${p.add(f.assignee, '::uuid')}`);
  return where;
}

interface Branch {
  /** Index-leading condition of this branch, without the status. */
  cond: string;
}

/**
 * Splits "what the actor may see, narrowed by the filters" into disjoint branches, each served by
 * one ordered index: (team, status, sort), (assignee, status, sort), (status, sort).
 */
function branches(actor: Actor, f: ViewFilters, p: Params): Branch[] {
  const vis = caseVisibility(actor);
  let teams: readonly string[] | undefined = f.teamIds?.length ? f.teamIds : undefined;
  if (f.myTeams) teams = teams ? teams.filter((t) => actor.teamIds.includes(t)) : actor.teamIds;
  if (vis.all) {
    if (!teams) return [{ cond: 'true' }];
    return teams.map((t) => ({ cond: `c.team_id = ${p.add(t, '::uuid')}` }));
  }
  const visibleTeams = teams ? teams.filter((t) => vis.teamIds.includes(t)) : vis.teamIds;
  const out: Branch[] = visibleTeams.map((t) => ({ cond: `c.team_id = ${p.add(t, '::uuid')}` }));
  if (vis.triage && !teams) out.push({ cond: 'c.team_id is null' });
  if (f.assignee !== 'none' && (f.assignee === undefined || f.assignee === 'me' || f.assignee === actor.id)) {
    // Cases assigned to the actor outside the branches above.
    const notCovered = [`c.assignee_id = ${p.add(actor.id, '::uuid')}`];
    if (vis.teamIds.length) notCovered.push(`(c.team_id is null or c.team_id <> all(${p.add(vis.teamIds, '::uuid[]')}))`);
    if (vis.triage) notCovered.push('c.team_id is not null');
    if (teams) notCovered.push(`c.team_id = any(${p.add(teams, '::uuid[]')})`);
    out.push({ cond: notCovered.join(' and ') });
  }
  return out;
}

export interface ListInput {
  filters: ViewFilters;
  sort: SortKey;
  limit: number;
  cursor?: ListCursor | undefined;
}

/**
 * The SLA due sort key: cases without a running due time (paused, met, no policy) sort last. The
 * expression is exactly the one the `cases_*_due` indexes are built on, so the planner uses them.
 */
export const dueSortKey = `coalesce(c.sla_due_at, '9999-12-31T00:00:00Z'::timestamptz)`;

const sortColumn = (sort: SortKey) => (sort === 'due_asc' ? dueSortKey : sort.startsWith('updated') ? 'c.updated_at' : 'c.created_at');

/** One page of cases, newest (or oldest, or due soonest) first, by keyset: no OFFSET, constant cost per page. */
export async function listCases(db: Queryable, actor: Actor, input: ListInput): Promise<{ items: Case[]; next: ListCursor | null }> {
  const p = new Params();
  const col = sortColumn(input.sort);
  const desc = input.sort.endsWith('desc');
  const dir = desc ? 'desc' : 'asc';
  const common = filterConditions(actor, input.filters, p);
  if (input.cursor) common.push(`(${col}, c.id) ${desc ? '<' : '>'} (${p.add(input.cursor.at, '::timestamptz')}, ${p.add(input.cursor.id, '::uuid')})`);
  const wanted: readonly Status[] = input.filters.statuses?.length ? input.filters.statuses : statuses;
  const limit = input.limit + 1;
  const parts: string[] = [];
  for (const b of branches(actor, input.filters, p)) {
    for (const s of wanted) {
      const where = [b.cond, `c.status = '${s}'`, ...common].join(' and ');
      parts.push(`(select c.id, ${col} as k from cases c where ${where} order by ${col} ${dir}, c.id ${dir} limit ${limit})`);
    }
  }
  if (parts.length === 0) return { items: [], next: null };
  const { rows } = await db.query<{ id: string; k: Date }>(
    `select id, k from (${parts.join(' union all ')}) x order by k ${dir}, id ${dir} limit ${limit}`,
    p.values,
  );
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  // Building the cases is a second, prepared statement: measured faster than planning one merged query.
  return {
    items: await casesByIds(db, page.map((r) => r.id)),
    next: rows.length > input.limit && last ? { at: last.k.toISOString(), id: last.id } : null,
  };
}

/** How many cases match; counting stops at `cap` so a count stays cheap at any size. */
export async function countCases(db: Queryable, actor: Actor, filters: ViewFilters, cap = 10_000): Promise<{ count: number; capped: boolean }> {
  const p = new Params();
  const common = filterConditions(actor, filters, p);
  if (filters.statuses?.length) common.push(`c.status = any(${p.add(filters.statuses, '::text[]')})`);
  const bs = branches(actor, filters, p);
  if (bs.length === 0) return { count: 0, capped: false };
  let sql: string;
  if (filters.assignee && filters.assignee !== 'none') {
    // One assignee: their index answers the OR form directly.
    const where = [`(${bs.map((b) => `(${b.cond})`).join(' or ')})`, ...common].join(' and ');
    sql = `select count(*)::int as n from (select 1 from cases c where ${where} limit ${cap + 1}) x`;
  } else {
    // Whole teams: count each disjoint branch on its own index instead of a bitmap over all of them.
    const parts = bs.map((b) => `(select 1 from cases c where ${[b.cond, ...common].join(' and ')} limit ${cap + 1})`);
    sql = `select count(*)::int as n from (select 1 from (${parts.join(' union all ')}) u limit ${cap + 1}) x`;
  }
  const { rows } = await db.query<{ n: number }>(sql, p.values);
  const n = rows[0]?.n ?? 0;
  return { count: Math.min(n, cap), capped: n > cap };
}

/** Search by case number or words of the subject, among the cases the actor may see. */
export async function searchCases(db: Queryable, actor: Actor, q: string, limit: number): Promise<Case[]> {
  const p = new Params();
  const vis = caseVisibility(actor);
  const visible = vis.all
    ? 'true'
    : [
        `c.assignee_id = ${p.add(actor.id, '::uuid')}`,
        vis.teamIds.length ? `c.team_id = any(${p.add(vis.teamIds, '::uuid[]')})` : 'false',
        vis.triage ? 'c.team_id is null' : 'false',
      ].join(' or ');
  const number = /^#?(\d{1,15})$/.exec(q.trim());
  const match = number
    ? `c.number = ${p.add(Number(number[1]))}`
    : `c.subject ilike ${p.add(`%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)}`;
  const { rows } = await db.query<{ id: string }>(
    `select c.id from cases c where (${visible}) and ${match} and c.merged_into_id is null order by c.updated_at desc limit ${p.add(limit)}`,
    p.values,
  );
  return casesByIds(db, rows.map((r) => r.id));
}
