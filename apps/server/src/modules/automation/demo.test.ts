import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp } from '../../../test/harness.ts';
import { countRows } from '../../../test/factories.ts';
import { seedDemoIfEmpty } from '../demo/index.ts';
import { runTimeRules } from './run-time-rules.ts';

describe('the demo’s automation rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', JOBS_POLL_MS: 100 });
    await seedDemoIfEmpty(t.app.ctx);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('come with the demo and leave its seeded cases as they are', async () => {
    const rules = await t.app.ctx.db.query<{ name: string; kind: string }>('select name, kind from automation_rules order by position');
    expect(rules.rows.map((r) => r.name)).toEqual(['Tag refund requests', 'Remind after 3 days pending', 'Close 4 days after solved']);
    await waitFor(async () => (await countRows(t, 'jobs', `name = 'automation.triggers'`)) === 0, 30_000, 'the seeded events to be handled');
    expect(await t.app.ctx.db.transaction((tx) => runTimeRules(t.app.ctx, tx))).toBe(0);
    expect(await countRows(t, 'case_entries', `kind = 'note' and body like 'Automation:%'`)).toBe(0);
    expect(await countRows(t, 'automation_firings', 'acted')).toBe(0);
    expect(await countRows(t, 'webhook_endpoints')).toBe(0);
  });
});
