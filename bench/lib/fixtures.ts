import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../apps/server/src/platform/context.ts';
import { systemActor } from '../../apps/server/src/platform/context.ts';
import type { Db } from '../../apps/server/src/platform/db/index.ts';
import { actorFor, createApiToken, createTeam, createUser } from '../../apps/server/src/modules/identity/index.ts';
import { since } from './stats.ts';

export interface Principal {
  id: string;
  /** Personal API token (Bearer). */
  token: string;
}

export interface Staff {
  admin: Principal;
  /** An agent in teamIds[0] only: sees that team's cases and cases assigned to them. */
  agent: Principal;
  teamIds: string[];
  /** agentIds[k] is a member of teamIds[k % teamIds.length]; agentIds[0] is `agent`. */
  agentIds: string[];
}

const log = (msg: string): void => console.log(`  ${msg}`);

async function tokenFor(ctx: AppContext, userId: string): Promise<string> {
  const actor = await actorFor(ctx.db, userId, 'token');
  if (!actor) throw new Error(`user ${userId} not found`);
  return (await createApiToken(ctx.db, actor, { name: 'benchmark' })).token;
}

/**
 * Teams, agents and an admin, through the identity use-cases as the system actor; the admin is a
 * member of the first two teams (so "unassigned in my teams" has something to show), the agent of
 * the first only.
 */
export async function createStaff(ctx: AppContext, teams = 8, agentsPerTeam = 3): Promise<Staff> {
  const base = { password: undefined, language: 'en' as const, timeZone: 'Europe/Berlin' };
  const { teamIds, agentIds, adminId } = await ctx.db.transaction(async (tx) => {
    const teamIds: string[] = [];
    for (let t = 0; t < teams; t++) {
      const team = await createTeam(ctx, systemActor, tx, { name: `Bench team ${t + 1}`, description: 'benchmark', memberIds: [] });
      teamIds.push(team.id);
    }
    const agentIds: string[] = [];
    for (let k = 0; k < teams * agentsPerTeam; k++) {
      const user = await createUser(ctx, systemActor, tx, {
        ...base,
        email: `agent${k + 1}@bench.switchboard.invalid`,
        name: `Agent ${k + 1}`,
        role: 'agent',
        teamIds: [teamIds[k % teams]!],
      });
      agentIds.push(user.id);
    }
    const admin = await createUser(ctx, systemActor, tx, {
      ...base,
      email: 'admin@bench.switchboard.invalid',
      name: 'Bench Admin',
      role: 'admin',
      teamIds: teamIds.slice(0, 2),
    });
    return { teamIds, agentIds, adminId: admin.id };
  });
  return {
    admin: { id: adminId, token: await tokenFor(ctx, adminId) },
    agent: { id: agentIds[0]!, token: await tokenFor(ctx, agentIds[0]!) },
    teamIds,
    agentIds,
  };
}

const firstNames = ['Anna', 'Ben', 'Clara', 'David', 'Elif', 'Felix', 'Greta', 'Hannes', 'Ida', 'Jonas', 'Kerli', 'Lukas', 'Mia', 'Noah', 'Oskar', 'Paula', 'Quinn', 'Rasmus', 'Sofia', 'Tarmo'];
const lastNames = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves', 'Pärn', 'Koppel',
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Arslan', 'Doğan',
  'Miller', 'Smith', 'Johnson', 'Brown', 'Jones', 'Garcia', 'Davis', 'Wilson', 'Taylor', 'Clark',
  'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Nelson',
];

/** `n` customers with one email and one phone each, set-based. Returns their ids. */
export async function seedCustomers(db: Db, n: number): Promise<string[]> {
  const t0 = performance.now();
  await db.query(
    `insert into customers (name, preferred_language, time_zone)
     select ($2::text[])[1 + i % 20] || ' ' || ($3::text[])[1 + (i / 20) % 50], (array['en','de','et','tr'])[1 + i % 4], 'Europe/Berlin'
     from generate_series(1, $1::int) i`,
    [n, firstNames, lastNames],
  );
  // Numbering through a derived table: both inserts below number the same rows the same way.
  const numbered = `(select id, name, row_number() over (order by name, id) as n from customers where merged_into_id is null) x`;
  await db.query(
    `insert into customer_emails (customer_id, email, is_primary)
     select id, lower(replace(name, ' ', '.')) || '.' || n || '@example.com', true from ${numbered}`,
  );
  await db.query(
    `insert into customer_phones (customer_id, phone, normalized, label, is_primary)
     select id, '+49 30 ' || lpad(n::text, 7, '0'), '4930' || lpad(n::text, 7, '0'), 'work', true from ${numbered}`,
  );
  const { rows } = await db.query<{ id: string }>('select id from customers order by id');
  log(`${n} customers with emails and phones in ${since(t0)}`);
  return rows.map((r) => r.id);
}

const subjects = ['Refund for order', 'Cannot sign in', 'Question about invoice', 'Delivery is late', 'Change my address', 'Device does not start', 'Cancel my subscription', 'Reset my password'];

/**
 * One chunk of cases, set-based: ~20 % unsolved (new 5 %, open 7 %, pending 5 %, on hold 3 %),
 * the rest solved or closed; 98 % in a team, 2 % without (triage); solved and closed cases and
 * 70 % of the others assigned to an agent of their team; created over the last two years.
 */
const insertChunk = `
with g as materialized (
  select i, random() as rs, random() as rt, random() as ra, random() as rb, random() as rc, random() as ru, random() as rp, random() as rh
  from generate_series($1::int, $2::int) i
), h as (
  select g.*,
    case when rs < 0.05 then 'new' when rs < 0.12 then 'open' when rs < 0.17 then 'pending' when rs < 0.20 then 'on_hold'
         when rs < 0.45 then 'solved' else 'closed' end as status,
    case when rt < 0.02 then null else floor(rt * $6::int)::int end as ti,
    now() - rc * interval '730 days' as created
  from g
)
insert into cases (subject, status, priority, channel, requester_id, assignee_id, team_id, created_at, updated_at, solved_at, closed_at)
select
  ($8::text[])[1 + i % 8] || ' ' || i,
  status,
  (array['low','normal','normal','normal','high','urgent'])[1 + floor(rp * 6)::int],
  (array['email','chat','phone','portal','walk_in','api'])[1 + i % 6],
  ($5::uuid[])[1 + floor(rh * cardinality($5::uuid[]))::int],
  case when status in ('solved', 'closed') or ra < 0.7
       then ($4::uuid[])[1 + coalesce(ti, floor(rb * $6::int)::int) + $6::int * floor(rb * $7::int)::int] end,
  ($3::uuid[])[1 + ti],
  created,
  created + (now() - created) * ru,
  case when status in ('solved', 'closed') then created + (now() - created) * ru end,
  case when status = 'closed' then created + (now() - created) * ru end
from h`;

export interface SeedResult {
  cases: number;
  seconds: number;
  /** Seconds spent re-creating the secondary indexes (0 when they were kept during the load). */
  indexSeconds: number;
  /** Seconds of VACUUM ANALYZE / ANALYZE. */
  analyzeSeconds: number;
}

/**
 * Seeds `total` cases in chunks. By default the secondary indexes of `cases` are dropped for the
 * load and re-created afterwards from their exact definitions (pg_indexes), which is several times
 * faster than maintaining nine indexes row by row; BENCH_KEEP_INDEXES=1 loads with them in place.
 */
export async function seedCases(db: Db, staff: Staff, customerIds: readonly string[], total: number, chunk = 100_000): Promise<SeedResult> {
  const t0 = performance.now();
  const keep = process.env.BENCH_KEEP_INDEXES === '1';
  const { rows: indexes } = keep
    ? { rows: [] }
    : await db.query<{ indexname: string; indexdef: string }>(
        `select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'cases'
           and indexname not in (select conname from pg_constraint where conrelid = 'cases'::regclass) order by indexname`,
      );
  for (const ix of indexes) await db.query(`drop index ${ix.indexname}`);
  const teams = staff.teamIds.length;
  const perTeam = staff.agentIds.length / teams;
  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1);
    await db.query(insertChunk, [from, to, staff.teamIds, staff.agentIds, customerIds, teams, perTeam, subjects]);
    log(`cases ${to.toLocaleString('en')} / ${total.toLocaleString('en')} (${since(t0)})`);
  }
  // The admin (member of the first two teams) takes over a quarter of one agent's cases, so that
  // "mine" has something to show for the admin too.
  await db.query('update cases set assignee_id = $1 where assignee_id = $2 and number % 4 = 0', [staff.admin.id, staff.agentIds[1]]);
  const tIndex = performance.now();
  if (indexes.length) {
    const mem = db.kind === 'postgres' ? '512MB' : '128MB';
    await db.transaction(async (tx) => {
      await tx.query(`set local maintenance_work_mem = '${mem}'`);
      for (const ix of indexes) await tx.query(ix.indexdef);
    });
    log(`${indexes.length} secondary indexes re-created in ${since(tIndex)}`);
  }
  const indexSeconds = indexes.length ? (performance.now() - tIndex) / 1000 : 0;
  const tAnalyze = performance.now();
  // VACUUM sets the visibility map (index-only scans), as autovacuum would on a server after a
  // bulk load; BENCH_VACUUM=0 only analyzes. PGlite runs no autovacuum, see the report.
  if (process.env.BENCH_VACUUM === '0') await db.query('analyze');
  else {
    await db.query('vacuum analyze cases');
    await db.query('analyze');
  }
  // Flush the bulk load's dirty pages now, so that the checkpoint does not run during the measurements.
  await db.query('checkpoint').catch((err: Error) => log(`checkpoint not possible (${err.message}); measuring anyway`));
  log(`${process.env.BENCH_VACUUM === '0' ? 'analyze' : 'vacuum analyze'} and checkpoint in ${since(tAnalyze)}`);
  return { cases: total, seconds: (performance.now() - t0) / 1000, indexSeconds, analyzeSeconds: (performance.now() - tAnalyze) / 1000 };
}
