import type { Condition, Conditions } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { conditionsHold } from './conditions.ts';
import { snapshotColumns, snapshotFrom, statusChangedAtSql, toSnapshot, type CaseSnapshot, type SnapshotRow } from './queries.ts';

/** The timestamp each "hours since" field counts from, as SQL over `cases c`. */
const timeColumns: Record<string, string> = {
  'case.hours_since_created': 'c.created_at',
  'case.hours_since_updated': 'c.updated_at',
  'case.hours_since_status_changed': statusChangedAtSql,
  'case.hours_since_solved': 'c.solved_at',
};
const plainColumns: Record<string, string> = { 'case.status': 'c.status', 'case.priority': 'c.priority', 'case.channel': 'c.channel' };
const uuidColumns: Record<string, string> = { 'case.team': 'c.team_id', 'case.assignee': 'c.assignee_id' };
const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/**
 * SQL that narrows the cases to look at: a superset of those the conditions hold for (the
 * evaluator in conditions.ts decides; this only keeps the scan short). Only the `all` mode
 * narrows, and only by conditions with an exact SQL twin.
 */
function narrowing(c: Condition, param: (v: unknown) => string): string | undefined {
  const time = timeColumns[c.field];
  if (time && typeof c.value === 'number') {
    const cutoff = `now() - make_interval(secs => ${param(c.value * 3600)}::float8)`;
    if (c.op === 'gte' || c.op === 'gt') return `${time} <= ${cutoff}`;
    if (c.op === 'lte' || c.op === 'lt') return `${time} >= ${cutoff}`;
  }
  if (c.field === 'case.hours_since_solved' && c.op === 'is_set') return 'c.solved_at is not null';
  const plain = plainColumns[c.field];
  if (plain && c.op === 'is' && typeof c.value === 'string') return `${plain} = ${param(c.value.toLowerCase())}`;
  if (plain && c.op === 'in' && Array.isArray(c.value)) return `${plain} = any(${param(c.value.map((v) => String(v).toLowerCase()))}::text[])`;
  const uuid = uuidColumns[c.field];
  if (uuid && c.op === 'is' && isUuid(c.value)) return `${uuid} = ${param(c.value)}::uuid`;
  if (uuid && c.op === 'is_empty') return `${uuid} is null`;
  if (c.field === 'case.tags' && (c.op === 'contains' || c.op === 'is') && typeof c.value === 'string') {
    return `c.tags @> array[${param(c.value.toLowerCase())}]::text[]`;
  }
  return undefined;
}

/**
 * Which occurrence of its conditions a time rule fires for: the timestamps its time conditions
 * count from. A rule "4 days after solved" fires again only when the case is solved again.
 */
export function occurrenceSql(conditions: Conditions): string {
  const fields = [...new Set(conditions.items.map((c) => c.field).filter((f) => f in timeColumns))].sort();
  if (fields.length === 0) return `'once'`;
  return fields.map((f) => `coalesce(floor(extract(epoch from ${timeColumns[f]}) * 1000)::int8::text, '-')`).join(` || '|' || `);
}

export interface Candidate {
  snapshot: CaseSnapshot;
  occurrence: string;
}

export interface CandidateOptions {
  /** Time rules: leave out cases this rule already acted on for the current occurrence. */
  ruleId?: string | undefined;
  kind: 'trigger' | 'time';
  /** Look at no more than this many cases (newest change first). */
  scan: number;
}

/**
 * Current cases (not merged, not closed) the rule's conditions hold for, looking at the newest
 * `scan` of those the SQL narrowing lets through.
 */
export async function matchingCases(
  db: Queryable,
  rule: { conditions: Conditions; timeZone: string },
  options: CandidateOptions,
  now = new Date(),
): Promise<{ matches: Candidate[]; scanned: number }> {
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['c.merged_into_id is null', `c.status <> 'closed'`];
  if (rule.conditions.match === 'all') {
    for (const c of rule.conditions.items) {
      const sql = narrowing(c, param);
      if (sql) where.push(sql);
    }
  }
  const occurrence = options.kind === 'time' ? occurrenceSql(rule.conditions) : `'dry-run'`;
  if (options.ruleId) {
    where.push(`not exists (select 1 from automation_firings f where f.rule_id = ${param(options.ruleId)}::uuid and f.case_id = c.id and f.occurrence = ${occurrence})`);
  }
  const { rows } = await db.query<SnapshotRow & { occurrence: string }>(
    `select ${snapshotColumns}, ${occurrence} as occurrence ${snapshotFrom}
     where ${where.join(' and ')} order by c.updated_at desc, c.id limit ${param(options.scan)}`,
    params,
  );
  const matches = rows
    .map((r) => ({ snapshot: toSnapshot(r), occurrence: r.occurrence }))
    .filter((m) => conditionsHold(rule.conditions, m.snapshot.facts, now, rule.timeZone));
  return { matches, scanned: rows.length };
}
