import type { AppContext } from '../../apps/server/src/platform/context.ts';
import type { Client } from './http-client.ts';
import type { Principal, Staff } from './fixtures.ts';
import { run, type Measurement } from './stats.ts';

export interface Limits {
  /** Operations per write measurement (API creation, raw insert) and concurrency level. */
  writes: number;
  /** Sequential requests per read measurement. */
  reads: number;
  /** Upper bound in seconds for any single measurement. */
  seconds: number;
}

let firstError: string | undefined;
/** The first unexpected response of the run, for the error message. */
export const takeFirstError = (): string | undefined => firstError;
const fail = (what: string, status: number, body: string): false => {
  firstError ??= `${what}: HTTP ${status} ${body.slice(0, 300)}`;
  return false;
};

/** POST /api/v1/cases as the agent, into the agent's team; every response must be 201. */
export function createCases(http: Client, staff: Staff, customers: readonly string[], concurrency: number, limits: Limits): Promise<Measurement> {
  const teamId = staff.teamIds[0]!;
  return run(
    `create case (API), c=${concurrency}`,
    { count: limits.writes, maxSeconds: limits.seconds, concurrency, warmup: 100 },
    async (i) => {
      const body = {
        subject: `Benchmark case ${i}: the parcel did not arrive`,
        requesterId: customers[Math.abs(i * 7919) % customers.length],
        channel: 'api',
        teamId,
        message: { body: 'Hello, my parcel did not arrive yet. Order 4711, please check. Thanks!' },
      };
      const res = await http.request('POST', '/api/v1/cases', staff.agent.token, body);
      return res.status === 201 || fail('POST /api/v1/cases', res.status, res.body);
    },
  );
}

/** The same table, one row per statement through the app's query layer, no HTTP. */
export function rawInserts(ctx: AppContext, staff: Staff, customers: readonly string[], concurrency: number, limits: Limits): Promise<Measurement> {
  const teamId = staff.teamIds[0]!;
  return run(
    `raw insert into cases, c=${concurrency}`,
    { count: limits.writes, maxSeconds: limits.seconds, concurrency, warmup: 100 },
    async (i) => {
      const res = await ctx.db.query(`insert into cases (subject, channel, requester_id, team_id) values ($1, 'api', $2, $3)`, [
        `Raw insert ${i}: the parcel did not arrive`,
        customers[Math.abs(i * 7919) % customers.length],
        teamId,
      ]);
      return res.rowCount === 1;
    },
  );
}

/**
 * The writes of a case creation without anything else: the case, its two timeline entries and the
 * outbox event in one transaction, as fixed statements (no HTTP, no validation, no reads).
 */
export function rawCreateTransactions(ctx: AppContext, staff: Staff, customers: readonly string[], concurrency: number, limits: Limits): Promise<Measurement> {
  const teamId = staff.teamIds[0]!;
  const changes = JSON.stringify([{ field: 'status', from: null, to: 'new' }, { field: 'team', from: null, to: teamId }]);
  return run(
    `raw create transaction (4 inserts), c=${concurrency}`,
    { count: limits.writes, maxSeconds: limits.seconds, concurrency, warmup: 100 },
    async (i) => {
      await ctx.db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: string }>(`insert into cases (subject, channel, requester_id, team_id) values ($1, 'api', $2, $3) returning id`, [
          `Raw transaction ${i}: the parcel did not arrive`,
          customers[Math.abs(i * 7919) % customers.length],
          teamId,
        ]);
        const id = rows[0]!.id;
        await tx.query(`insert into case_entries (case_id, kind, channel, direction, body) values ($1, 'message', 'api', 'inbound', $2)`, [id, 'Hello, my parcel did not arrive yet.']);
        await tx.query(`insert into case_entries (case_id, kind, changes) values ($1, 'change', $2::jsonb)`, [id, changes]);
        await tx.query(`insert into events (type, audience, payload) values ('bench.raw', '{}'::jsonb, $1::jsonb)`, [JSON.stringify({ caseId: id })]);
      });
      return true;
    },
  );
}

export interface ListProbe {
  measurement: Measurement;
  /** Items on the page the measurement requested (sanity check). */
  items: number;
  path: string;
}

/** GET `path` sequentially `limits.reads` times; every response must be 200. */
export async function getSequential(http: Client, who: Principal, name: string, path: string, limits: Limits): Promise<ListProbe> {
  let items = -1;
  const measurement = await run(name, { count: limits.reads, maxSeconds: limits.seconds, concurrency: 1, warmup: 20 }, async () => {
    const res = await http.get(path, who.token);
    if (res.status !== 200) return fail(`GET ${path}`, res.status, res.body);
    if (items < 0) items = (JSON.parse(res.body) as { items: unknown[] }).items.length;
    return true;
  });
  return { measurement, items, path };
}

/** The cursor of the first page of a list, for measuring the second page. */
export async function nextCursor(http: Client, who: Principal, path: string): Promise<string | null> {
  const res = await http.get(path, who.token);
  if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
  return (JSON.parse(res.body) as { nextCursor: string | null }).nextCursor;
}
