import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { sqlRows } from '../../../test/factories.ts';
import { seedDemo } from '../demo/seed.ts';

describe('knowledge demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ JOBS_CONCURRENCY: 0 });
    await seedDemo(t.app.ctx);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes the public articles in all four languages, internal ones for agents, and pins policies to teams', async () => {
    const rows = await sqlRows<{ slug: string; visibility: string; languages: string[]; teams: string[] }>(
      t,
      `select a.slug, a.visibility, array(select language from knowledge_translations x where x.article_id = a.id order by language) as languages,
         array(select name from teams where id = any(a.policy_team_ids) order by name) as teams
       from knowledge_articles a order by a.slug`,
    );
    const bySlug = Object.fromEntries(rows.map((r) => [r.slug, r]));
    for (const r of rows.filter((x) => x.visibility === 'public')) expect(r.languages).toEqual(['de', 'en', 'et', 'tr']);
    expect(rows.filter((r) => r.visibility === 'internal').length).toBeGreaterThanOrEqual(3);
    expect(bySlug['return-and-refund-policy']?.teams).toEqual(['Returns']);
    expect(bySlug['card-dispute-procedure']?.teams).toEqual(['Billing']);
    expect(bySlug['saturday-phone-support']?.visibility).toBe('draft');
  });

  it('shows the German help center with the demo categories, and what agents already sent', async () => {
    const html = await (await fetch(`${t.url}/help/de`)).text();
    for (const name of ['Rückgabe &amp; Erstattung', 'Zahlung &amp; Rechnungen', 'Hotelaufenthalte', 'Termine &amp; Services']) expect(html).toContain(name);
    // only internal articles in it: not listed publicly
    expect(html).not.toContain('Handbuch für Agents');
    const sent = await sqlRows<{ n: number }>(t, `select count(*)::int as n from case_entries where kind = 'activity' and activity->>'type' = 'knowledge.article_sent'`);
    expect(sent[0]?.n).toBe(2);
    const revisions = await sqlRows<{ n: number }>(t, `select max(number) as n from knowledge_revisions r join knowledge_articles a on a.id = r.article_id where a.slug = 'return-and-refund-policy' and r.language = 'de'`);
    expect(revisions[0]?.n).toBe(2);
  });
});
