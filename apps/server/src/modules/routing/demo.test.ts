import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { sqlRows } from '../../../test/factories.ts';
import { seedDemo } from '../demo/seed.ts';

describe('routing demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ JOBS_CONCURRENCY: 0 });
    await seedDemo(t.app.ctx);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the demo agents the languages of who they are, and switches routing on for a few teams', async () => {
    const langs = await sqlRows<{ name: string; langs: string[] }>(
      t,
      `select u.name, array_agg(s.name order by s.name) as langs from agent_skills s join users u on u.id = s.user_id where s.kind = 'language' group by u.name`,
    );
    const byName = Object.fromEntries(langs.map((r) => [r.name, r.langs]));
    expect(byName['Jonas Becker']).toEqual(['de', 'en']);
    expect(byName['Charlotte Davies']).toEqual(['en']);
    expect(byName['Mari Kask']).toEqual(['en', 'et']);
    expect(byName['Ayşe Kaya']).toEqual(['de', 'en', 'tr']);
    const rules = await sqlRows<{ name: string; strategy: string }>(t, 'select t.name, r.strategy from routing_rules r join teams t on t.id = r.team_id where r.enabled order by t.name');
    expect(rules).toEqual([
      { name: 'Sales', strategy: 'round_robin' },
      { name: 'Technical Support', strategy: 'least_busy' },
    ]);
  });
});
