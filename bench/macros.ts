/**
 * `npm run bench:macros` (also part of `npm run bench`): the composer's macro picker and apply,
 * on PGlite and on PostgreSQL.
 *
 * For each database it starts the real app in-process, seeds BENCH_MACRO_SHARED (300) shared
 * macros and BENCH_MACRO_AGENTS (50) agents with BENCH_MACRO_PERSONAL (40) personal macros each,
 * every one with four language texts, and measures over HTTP as one agent
 *  - search as you type: GET /macros?usable=true&q=<word> (target p99 < 100 ms on PostgreSQL with two agents searching at once, 20 results as the picker asks),
 *  - the preview of the chosen macro for a case,
 *  - apply (status + tags through updateCase, the activity, the usage count) on distinct cases.
 *
 * Environment: BENCH_DB=pglite|postgres (default both), BENCH_DATABASE_URL (admin connection).
 */
import { buildApp } from '../apps/server/src/app.ts';
import { configWith } from '../apps/server/src/platform/config.ts';
import { systemActor } from '../apps/server/src/platform/context.ts';
import { actorFor, createApiToken, createTeam, createUser } from '../apps/server/src/modules/identity/index.ts';
import { Client } from './lib/http-client.ts';
import { pgliteTarget, postgresTarget, type Target } from './lib/databases.ts';
import { formatTable, run, type Measurement } from './lib/stats.ts';

const int = (name: string, fallback: number): number => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
};
const settings = { shared: int('BENCH_MACRO_SHARED', 300), agents: int('BENCH_MACRO_AGENTS', 50), personal: int('BENCH_MACRO_PERSONAL', 40), applies: int('BENCH_MACRO_APPLIES', 200) };
const words = ['refund', 'receipt', 'price', 'room', 'appointment', 'billing', 'erstattung', 'kassenbon', 'tagasimakse', 'iade'];
const text = (i: number, lang: string) =>
  `${lang}: Hello {{customer.firstName}}, about case {{case.number}}: ${words[i % words.length]} number ${i}. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. {{agent.name}}`;

async function benchOne(target: Target): Promise<Measurement[]> {
  const app = await buildApp(configWith({ ...target.config, LOG_LEVEL: 'silent', DEMO_DATA: 'false', EMAIL_IMAP_POLL_MS: 0, DB_POOL_SIZE: 10, JOBS_CONCURRENCY: 0 }));
  try {
    await app.http.listen({ host: '127.0.0.1', port: 0 });
    const client = new Client((app.http.server.address() as { port: number }).port);
    const { db } = app.ctx;
    const { token, caseIds } = await db.transaction(async (tx) => {
      const team = await createTeam(app.ctx, systemActor, tx, { name: 'Returns', description: '', memberIds: [] });
      const ids: string[] = [];
      for (let a = 0; a < settings.agents; a++) {
        const u = await createUser(app.ctx, systemActor, tx, { email: `agent${a}@bench.test`, name: `Agent ${a}`, role: 'agent', language: 'en', timeZone: 'UTC', teamIds: [team.id] });
        ids.push(u.id);
      }
      const texts = (i: number) => JSON.stringify({ en: text(i, 'en'), de: text(i, 'de'), et: text(i, 'et'), tr: text(i, 'tr') });
      const actions = JSON.stringify([{ type: 'add_tags', tags: ['bench'] }, { type: 'set_status', status: 'pending' }]);
      for (let i = 0; i < settings.shared; i++) {
        await tx.query(`insert into macros (name, default_language, texts, actions) values ($1, 'en', $2::jsonb, $3::jsonb)`, [`Shared ${words[i % words.length]} ${i}`, texts(i), actions]);
      }
      for (let a = 0; a < ids.length; a++) {
        for (let p = 0; p < settings.personal; p++) {
          await tx.query(`insert into macros (name, owner_id, default_language, texts, actions) values ($1, $2, 'en', $3::jsonb, $4::jsonb)`, [`Mine ${a}-${p}`, ids[a], texts(a * 1000 + p), actions]);
        }
      }
      const me = (await actorFor(tx, ids[0]!, 'token'))!;
      const customer = await tx.query<{ id: string }>(`insert into customers (name, preferred_language) values ('Anna Schmidt', 'de') returning id`);
      const cases = await tx.query<{ id: string }>(
        `insert into cases (subject, requester_id, team_id, assignee_id, status, channel) select 'Bench ' || i, $1, $2, $3, 'open', 'email' from generate_series(1, $4) i returning id`,
        [customer.rows[0]!.id, team.id, ids[0], settings.applies + 1],
      );
      return { token: (await createApiToken(tx, me, { name: 'bench' })).token, caseIds: cases.rows.map((r) => r.id) };
    });
    const sample = JSON.parse((await client.get('/api/v1/macros?usable=true&q=refund&limit=1', token)).body) as { items: Array<{ id: string }> };
    const macroId = sample.items[0]!.id;

    const search = await run('search as you type (GET /macros?usable=true&q=…)', { count: 400, maxSeconds: 20, concurrency: 2, warmup: 20 }, async (i) => {
      const q = words[Math.abs(i) % words.length]!.slice(0, 3 + (Math.abs(i) % 4));
      return (await client.get(`/api/v1/macros?usable=true&limit=20&q=${encodeURIComponent(q)}`, token)).status === 200;
    });
    search.target = target.kind === 'postgres' ? 'p99 < 100 ms' : '';
    search.pass = target.kind === 'postgres' ? search.p99 < 100 : null;
    const total = settings.shared + settings.agents * settings.personal;
    search.note = `${total} macros in the table (${settings.shared} shared, ${settings.personal} personal for each of ${settings.agents} agents)`;
    const preview = await run('preview for a case (GET /cases/:id/macros/:m/preview)', { count: 300, maxSeconds: 20, concurrency: 4, warmup: 10 }, async () =>
      (await client.get(`/api/v1/cases/${caseIds[0]}/macros/${macroId}/preview`, token)).status === 200,
    );
    const apply = await run('apply (POST /cases/:id/macros/:m/apply)', { count: settings.applies, maxSeconds: 30, concurrency: 2 }, async (i) =>
      (await client.request('POST', `/api/v1/cases/${caseIds[i + 1]}/macros/${macroId}/apply`, token)).status === 200,
    );
    client.close();
    return [search, preview, apply];
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const which = process.env.BENCH_DB;
  const out: string[] = [];
  if (!which || which === 'pglite') {
    const target = await pgliteTarget();
    try {
      out.push(formatTable(`Macros on ${target.label}`, await benchOne(target)));
    } finally {
      await target.dispose();
    }
  }
  if (!which || which === 'postgres') {
    const target = await postgresTarget();
    if ('skipped' in target) out.push(`Macros on PostgreSQL: skipped — ${target.skipped}`);
    else {
      try {
        out.push(formatTable(`Macros on ${target.label}`, await benchOne(target)));
      } finally {
        await target.dispose();
      }
    }
  }
  console.log('\n' + out.join('\n\n') + '\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
