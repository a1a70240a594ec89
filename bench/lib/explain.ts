import { performance } from 'node:perf_hooks';
import type { Db, Queryable, QueryResult } from '../../apps/server/src/platform/db/index.ts';

export interface Recorded {
  text: string;
  params: readonly unknown[];
  ms: number;
  rows: number;
}

/** A Queryable that passes every statement to `db` and records it with its duration. */
export function recording(db: Queryable): { q: Queryable; log: Recorded[] } {
  const log: Recorded[] = [];
  const q: Queryable = {
    async query<T>(text: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const t0 = performance.now();
      const res = await db.query<T>(text, params);
      log.push({ text, params, ms: performance.now() - t0, rows: res.rowCount });
      return res;
    },
    exec: (script) => db.exec(script),
  };
  return { q, log };
}

const squash = (sql: string): string => sql.replace(/\s+/g, ' ').trim();
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)} …` : s);

/** "cases.cases_pkey" for an index scan, "seq customers" for a sequential scan, from one plan line. */
function scanOf(line: string): string | null {
  const m = /(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: Backward)?(?: using (\S+))? on (\S+)/.exec(line);
  if (!m) return null;
  if (m[1] === 'Seq Scan') return `seq ${m[3]}`;
  return m[1] === 'Bitmap Index Scan' ? `bitmap ${m[3]}` : `${m[3]}.${m[2]}`;
}

export interface Explained {
  /** Full plans, for the diagnostics file. */
  text: string;
  /** One line per statement: client time, planning and execution time. */
  summary: string[];
}

/**
 * Runs `fn` once to warm up, then again against a recording wrapper of `db`, then
 * EXPLAIN (ANALYZE, BUFFERS) for each read statement it issued, with the same parameters.
 */
export async function explainCalls(db: Db, title: string, fn: (q: Queryable) => Promise<unknown>): Promise<Explained> {
  await fn(db);
  const { q, log } = recording(db);
  await fn(q);
  const out: string[] = [`--- EXPLAIN ANALYZE: ${title} (${db.kind})`];
  const summary: string[] = [];
  for (const [i, r] of log.entries()) {
    if (!/^\s*select/i.test(r.text)) continue;
    out.push(`[${i + 1}] ${r.ms.toFixed(2)} ms, ${r.rows} rows: ${clip(squash(r.text), 600)}`);
    out.push(clip(`    params: ${JSON.stringify(r.params)}`, 300));
    const { rows } = await db.query<Record<string, string>>(`explain (analyze, buffers) ${r.text}`, r.params);
    const lines = rows.map((row) => String(Object.values(row)[0]));
    for (const line of lines) out.push(clip(`    ${line}`, 240));
    const grab = (label: string): string => lines.find((l) => l.trim().startsWith(label))?.replace(/.*:\s*/, '') ?? '?';
    const scans = [...new Set(lines.map(scanOf).filter((x): x is string => x !== null))];
    summary.push(
      `  ${title} [${i + 1}] client ${r.ms.toFixed(2)} ms, planning ${grab('Planning Time')}, execution ${grab('Execution Time')}, ${r.rows} rows; ${clip(squash(r.text), 60)}; scans: ${scans.join(', ')}`,
    );
  }
  return { text: out.join('\n'), summary };
}
