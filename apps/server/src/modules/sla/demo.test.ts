import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp } from '../../../test/harness.ts';
import { countRows, sqlRows } from '../../../test/factories.ts';
import { seedDemoIfEmpty } from '../demo/index.ts';

describe('the demo’s SLAs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', JOBS_POLL_MS: 100 });
    await seedDemoIfEmpty(t.app.ctx);
  });
  afterAll(async () => t?.close());

  it('come with calendars, policies and measured cases, without escalating the seeded past', async () => {
    const teams = await sqlRows<{ team: string; calendar: string }>(
      t,
      'select t.name as team, b.name as calendar from team_calendars tc join teams t on t.id = tc.team_id join business_calendars b on b.id = tc.calendar_id order by t.name',
    );
    expect(teams.find((x) => x.team === 'Reservations')?.calendar).toBe('Around the clock');
    expect(teams.filter((x) => x.calendar === 'Office hours').length).toBeGreaterThanOrEqual(4);
    const policies = await sqlRows<{ name: string }>(t, 'select name from sla_policies order by position');
    expect(policies.map((p) => p.name)).toEqual(['Urgent', 'Gold and platinum customers', 'High priority', 'Standard']);
    await waitFor(async () => (await countRows(t, 'jobs', `name = 'sla.case_changed'`)) === 0, 30_000, 'the seeded events to be handled');
    // Open cases carry a badge; some are due in the future, some overdue.
    expect(await countRows(t, 'case_sla')).toBeGreaterThan(10);
    expect(await countRows(t, 'cases', 'sla_due_at is not null')).toBeGreaterThan(5);
    expect(await countRows(t, 'notifications', `kind in ('sla_warning', 'sla_breached')`)).toBe(0);
    expect(await countRows(t, 'events', `type = 'case.sla_breached'`)).toBe(0);
  });
});
