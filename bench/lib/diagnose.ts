import { performance } from 'node:perf_hooks';
import { CreateCaseBody } from '@switchboard/contracts';
import type { AppContext } from '../../apps/server/src/platform/context.ts';
import type { Tx } from '../../apps/server/src/platform/db/index.ts';
import { actorFor } from '../../apps/server/src/modules/identity/index.ts';
import { countCases, createCase, listCases } from '../../apps/server/src/modules/cases/index.ts';
import { builtInViews } from '../../apps/server/src/modules/cases/views.ts';
import type { ListCursor } from '../../apps/server/src/modules/cases/list-cases.ts';
import { listCustomers } from '../../apps/server/src/modules/customers/index.ts';
import { explainCalls, recording, type Explained, type Recorded } from './explain.ts';
import type { Staff } from './fixtures.ts';

async function actor(ctx: AppContext, userId: string) {
  const a = await actorFor(ctx.db, userId, 'token');
  if (!a) throw new Error(`no user ${userId}`);
  return a;
}

/** EXPLAIN ANALYZE of the statements behind GET /api/v1/cases?view=… (and &cursor=…). */
export async function explainList(ctx: AppContext, userId: string, viewId: string, cursor?: string | null): Promise<Explained> {
  const who = await actor(ctx, userId);
  const view = builtInViews.find((v) => v.id === viewId);
  if (!view) throw new Error(`no built-in view ${viewId}`);
  const decoded = cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as ListCursor) : undefined;
  return explainCalls(ctx.db, `view=${viewId}${decoded ? ' page 2' : ''} as ${who.role}`, (q) =>
    listCases(q, who, { filters: view.filters, sort: view.sort, limit: 50, cursor: decoded }),
  );
}

/** EXPLAIN ANALYZE of the count queries behind GET /api/v1/views. */
export async function explainCounts(ctx: AppContext, userId: string): Promise<Explained> {
  const who = await actor(ctx, userId);
  return explainCalls(ctx.db, `view counts as ${who.role}`, async (q) => {
    for (const v of builtInViews) await countCases(q, who, v.filters);
  });
}

/** EXPLAIN ANALYZE of GET /api/v1/customers?q=… */
export function explainCustomers(ctx: AppContext, q: string): Promise<Explained> {
  return explainCalls(ctx.db, `customer search q=${q}`, (db) => listCustomers(db, { q, limit: 50 }));
}

const squash = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

/**
 * Where the time of one case creation goes: runs the create-case use-case `runs` times in its own
 * transaction, sequentially, recording every statement; prints mean time per statement, the
 * transaction as a whole (BEGIN, COMMIT and after-commit hooks included) and a raw insert.
 */
export async function traceCreateCase(ctx: AppContext, staff: Staff, customerId: string, runs = 200): Promise<string> {
  const who = await actor(ctx, staff.agent.id);
  const input = CreateCaseBody.parse({
    subject: 'Trace case: the parcel did not arrive',
    requesterId: customerId,
    channel: 'api',
    teamId: staff.teamIds[0],
    message: { body: 'Hello, my parcel did not arrive yet. Order 4711, please check. Thanks!' },
  });
  const perStatement = new Map<number, { text: string; ms: number }>();
  let txTotal = 0;
  for (let k = 0; k < runs; k++) {
    let log: Recorded[] = [];
    const t0 = performance.now();
    await ctx.db.transaction(async (tx) => {
      const rec = recording(tx);
      log = rec.log;
      const traced: Tx = { ...rec.q, afterCommit: (hook) => tx.afterCommit(hook) };
      return createCase(ctx, who, traced, input);
    });
    txTotal += performance.now() - t0;
    for (const [i, r] of log.entries()) {
      const s = perStatement.get(i) ?? { text: squash(r.text), ms: 0 };
      s.ms += r.ms;
      perStatement.set(i, s);
    }
  }
  let raw = 0;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    await ctx.db.query(`insert into cases (subject, channel, requester_id, team_id) values ($1, 'api', $2, $3)`, ['Trace raw insert', customerId, staff.teamIds[0]]);
    raw += performance.now() - t0;
  }
  const lines = [`--- create-case trace (${ctx.db.kind}), mean of ${runs} sequential runs`];
  let sum = 0;
  for (const [i, s] of [...perStatement.entries()].sort((a, b) => a[0] - b[0])) {
    sum += s.ms / runs;
    lines.push(`  [${String(i + 1).padStart(2)}] ${(s.ms / runs).toFixed(3).padStart(7)} ms  ${s.text.slice(0, 110)}`);
  }
  lines.push(`  statements: ${perStatement.size}, sum ${sum.toFixed(3)} ms; whole transaction ${(txTotal / runs).toFixed(3)} ms (BEGIN, COMMIT, hooks: ${(txTotal / runs - sum).toFixed(3)} ms)`);
  lines.push(`  raw single-row insert (autocommit): ${(raw / runs).toFixed(3)} ms`);
  return lines.join('\n');
}
