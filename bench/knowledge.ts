/**
 * `npm run bench:knowledge` (also part of `npm run bench`): knowledge-base search at size, on
 * PostgreSQL. Seeds BENCH_KB_TRANSLATIONS (100,000) article translations — a quarter of the
 * count in articles, each in de/en/et/tr, a tenth internal — with bulk SQL (generate_series, the
 * texts drawn from a per-language vocabulary with a few very common words), then measures over
 * HTTP as an agent, two searching at once:
 *  - search box queries (GET /knowledge/search): a common word (thousands of matches to rank), two
 *    words, a rare word, an Estonian inflected word (prefix), a misspelt word (the correction path);
 *  - article suggestions for a case (its subject and message, any word counting).
 * Target: p99 < 150 ms per query on PostgreSQL. Set BENCH_DB=pglite to run it on PGlite instead
 * (then with BENCH_KB_TRANSLATIONS=20000 or so: the embedded database is single-threaded).
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../apps/server/src/app.ts';
import { configWith } from '../apps/server/src/platform/config.ts';
import { systemActor } from '../apps/server/src/platform/context.ts';
import { actorFor, createApiToken, createTeam, createUser } from '../apps/server/src/modules/identity/index.ts';
import { Client } from './lib/http-client.ts';
import { pgliteTarget, postgresTarget, type Target } from './lib/databases.ts';
import { formatTable, run, since, type Measurement } from './lib/stats.ts';

const int = (name: string, fallback: number): number => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
};
const translations = int('BENCH_KB_TRANSLATIONS', 100_000);
const queriesPerKind = int('BENCH_KB_QUERIES', 150);
const p99TargetMs = 150;

/** The real words of each language; the texts mix them with a long tail of made-up words (w123de). */
const vocabulary: Record<string, string[]> = {
  de: ['Rückgabe', 'Erstattung', 'Kassenbon', 'Garantie', 'Rechnung', 'Kreditkarte', 'Zimmer', 'Termin', 'Preis', 'Kasse', 'Gerät', 'Laptop', 'Fernseher', 'Kopfhörer', 'Lieferung', 'Bestellung', 'Zahlung', 'Reparatur', 'Ersatz', 'Abbuchung'],
  en: ['return', 'refund', 'receipt', 'warranty', 'invoice', 'card', 'room', 'appointment', 'price', 'till', 'device', 'laptop', 'television', 'headphones', 'delivery', 'order', 'payment', 'repair', 'replacement', 'charge'],
  et: ['tagastamine', 'tagastus', 'tšekk', 'garantii', 'arve', 'krediitkaart', 'tuba', 'broneering', 'hind', 'kassa', 'seade', 'sülearvuti', 'teler', 'kõrvaklapid', 'tarne', 'tellimus', 'makse', 'remont', 'asendus', 'broneeritud'],
  tr: ['iade', 'geri', 'fiş', 'garanti', 'fatura', 'kart', 'oda', 'randevu', 'fiyat', 'kasa', 'cihaz', 'dizüstü', 'televizyon', 'kulaklık', 'teslimat', 'sipariş', 'ödeme', 'onarım', 'değişim', 'ücret'],
};
/** How many made-up words each language has (w0de … w2999de). */
const madeUpWords = 3000;

async function seed(app: Awaited<ReturnType<typeof buildApp>>): Promise<{ token: string; caseId: string }> {
  const { db } = app.ctx;
  const articles = Math.ceil(translations / 4);
  const t0 = performance.now();
  await db.transaction(async (tx) => {
    await tx.query(`select setseed(0.42)`);
    await tx.query(
      `insert into knowledge_articles (slug, visibility, source_language)
       select 'bench-' || i, case when i % 10 = 0 then 'internal' else 'public' end, 'en' from generate_series(1, $1::int) as i`,
      [articles],
    );
    // A word is a real one three times in ten, picked by power(random(), 2): a few words are in
    // most texts and most in few, like real articles. The vocabularies are parameters (in memory):
    // subscripting an array read from a table would detoast it for every word.
    // "|| left(g::text, 0)" adds nothing but makes the aggregate's argument use the inner level's g
    const word = () =>
      `case when random() < 0.3 then (case v.lang when 'de' then $1::text[] when 'en' then $2::text[] when 'et' then $3::text[] else $4::text[] end)[1 + floor(power(random(), 2) * 20)::int]
        else 'w' || floor(power(random(), 2) * ${madeUpWords})::int || v.lang end || left(g::text, 0)`;
    await tx.query(
      `insert into knowledge_translations (article_id, language, title, summary, body_html, body_text)
       select a.id, v.lang, x.title, '', '<p>' || x.body || '</p>', x.body
       from knowledge_articles a cross join (values ('de'), ('en'), ('et'), ('tr')) as v(lang)
       cross join lateral (
         select string_agg(${word()}, ' ') filter (where g <= 6) as title, string_agg(${word()}, ' ') as body
         from generate_series(1, 80 + (hashtext(a.id::text || v.lang) & 63)) as g
       ) x
       where a.slug like 'bench-%'`,
      [vocabulary.de, vocabulary.en, vocabulary.et, vocabulary.tr],
    );
    await tx.query(
      `insert into knowledge_terms (language, term)
       select l, lower(unnest(w)) from unnest(array['de', 'en', 'et', 'tr'], array[$1::text, $2, $3, $4]) as x(l, w0), lateral (select string_to_array(w0, ',') as w) y
       union select l, 'w' || n || l from unnest(array['de', 'en', 'et', 'tr']) as l, generate_series(0, ${madeUpWords - 1}) as n
       on conflict do nothing`,
      [vocabulary.de!.join(','), vocabulary.en!.join(','), vocabulary.et!.join(','), vocabulary.tr!.join(',')],
    );
  });
  const count = (await db.query<{ n: number }>('select count(*)::int as n from knowledge_translations')).rows[0]!.n;
  console.log(`seeded ${count} translations of ${articles} articles in ${since(t0)}`);
  // as autovacuum would after a bulk load: the search keys' trigger rewrote every row once
  await db.query('vacuum analyze knowledge_translations');
  await db.query('vacuum analyze knowledge_articles');
  return db.transaction(async (tx) => {
    const team = await createTeam(app.ctx, systemActor, tx, { name: 'Returns', description: '', memberIds: [] });
    const u = await createUser(app.ctx, systemActor, tx, { email: 'agent@bench.test', name: 'Bench Agent', role: 'agent', language: 'de', timeZone: 'UTC', teamIds: [team.id] });
    const me = (await actorFor(tx, u.id, 'token'))!;
    const customer = await tx.query<{ id: string }>(`insert into customers (name, preferred_language) values ('Anna Schmidt', 'de') returning id`);
    const c = await tx.query<{ id: string }>(`insert into cases (subject, requester_id, team_id, status, channel) values ('Rückgabe Laptop, Erstattung auf die Kreditkarte fehlt', $1, $2, 'open', 'email') returning id`, [customer.rows[0]!.id, team.id]);
    await tx.query(`insert into case_entries (case_id, kind, direction, channel, body) values ($1, 'message', 'inbound', 'email', 'Guten Tag, ich habe den Laptop zurückgegeben und den Kassenbon abgegeben. Die Erstattung ist nicht auf meiner Kreditkarte.')`, [c.rows[0]!.id]);
    return { token: (await createApiToken(tx, me, { name: 'bench' })).token, caseId: c.rows[0]!.id };
  });
}

const searches: Array<{ name: string; q: (i: number) => string; language: string }> = [
  { name: 'common word (de, thousands of matches)', q: () => 'Rückgaben', language: 'de' },
  { name: 'two words (en)', q: (i) => ['refund card', 'warranty repair', 'room price', 'invoice payment'][i % 4]!, language: 'en' },
  { name: 'rare word (tr)', q: (i) => `w${2500 + (Math.abs(i) % 400)}tr`, language: 'tr' },
  { name: 'Estonian inflected word (prefix)', q: (i) => ['tagastuse', 'arvete', 'broneeringu', 'garantiid'][i % 4]!, language: 'et' },
  { name: 'misspelt word (correction)', q: (i) => ['Erstatung', 'Kasenbon', 'Garantee', 'Rechnnung'][i % 4]!, language: 'de' },
];

async function benchOne(target: Target): Promise<Measurement[]> {
  const app = await buildApp(configWith({ ...target.config, LOG_LEVEL: 'silent', DEMO_DATA: 'false', EMAIL_IMAP_POLL_MS: 0, DB_POOL_SIZE: 10, JOBS_CONCURRENCY: 0 }));
  try {
    await app.http.listen({ host: '127.0.0.1', port: 0 });
    const client = new Client((app.http.server.address() as { port: number }).port);
    const { token, caseId } = await seed(app);
    const out: Measurement[] = [];
    for (const s of searches) {
      let hits = 0;
      const m = await run(`search: ${s.name}`, { count: queriesPerKind, maxSeconds: 20, concurrency: 2, warmup: 6 }, async (i) => {
        const res = await client.get(`/api/v1/knowledge/search?q=${encodeURIComponent(s.q(i))}&language=${s.language}&limit=20`, token);
        if (i === 0) hits = (JSON.parse(res.body) as { items: unknown[] }).items.length;
        return res.status === 200;
      });
      m.target = `p99 < ${p99TargetMs} ms`;
      m.pass = m.p99 < p99TargetMs;
      m.note = `${hits} results on the first query`;
      out.push(m);
    }
    const suggest = await run('suggestions for a case (subject + message)', { count: queriesPerKind, maxSeconds: 20, concurrency: 2, warmup: 4 }, async () =>
      (await client.get(`/api/v1/cases/${caseId}/knowledge/suggestions`, token)).status === 200,
    );
    suggest.target = `p99 < ${p99TargetMs} ms`;
    suggest.pass = suggest.p99 < p99TargetMs;
    out.push(suggest);
    client.close();
    return out;
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const target = process.env.BENCH_DB === 'pglite' ? await pgliteTarget() : await postgresTarget();
  if ('skipped' in target) {
    console.log(`Knowledge search on PostgreSQL: skipped — ${target.skipped}`);
    return;
  }
  try {
    console.log('\n' + formatTable(`Knowledge search, ${translations} translations, on ${target.label}`, await benchOne(target)) + `\n  * whole run: ${since(started)}\n`);
  } finally {
    await target.dispose();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
