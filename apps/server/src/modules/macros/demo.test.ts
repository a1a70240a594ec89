import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages } from '@switchboard/contracts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { sqlRows } from '../../../test/factories.ts';
import { seedDemoIfEmpty } from '../demo/index.ts';
import { actorFor } from '../identity/index.ts';
import { applyMacro } from './apply-macro.ts';
import { listMacros } from './queries.ts';

describe('the demo’s macros', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    await seedDemoIfEmpty(t.app.ctx);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('cover the seed situations in all four languages, plus the demo agent’s own', async () => {
    const [jonasRow] = await sqlRows<{ id: string }>(t, `select id from users where email = 'agent@demo.switchboard.dev'`);
    const jonas = (await actorFor(t.app.ctx.db, jonasRow!.id, 'session'))!;
    const macros = await listMacros(t.app.ctx.db, jonas, { limit: 100 });
    const shared = macros.filter((m) => m.scope === 'shared');
    expect(shared.map((m) => m.name)).toEqual(expect.arrayContaining(['Refund confirmed', 'Ask for receipt and photo', 'Price corrected', 'Escalate to Billing']));
    for (const m of shared) expect(m.languages, m.name).toEqual([...languages]);
    // Jonas is not in Reservations: its macros are not his to apply.
    expect(macros.find((m) => m.name === 'Room change confirmed')).toBeUndefined();
    expect(macros.filter((m) => m.scope === 'personal').map((m) => m.name)).toEqual(['Rückruf morgen Vormittag']);

    const [c] = await sqlRows<{ id: string; customer: string }>(
      t,
      `select c.id, cu.name as customer from cases c join customers cu on cu.id = c.requester_id where c.subject like 'Falscher Preis an der Kasse%'`,
    );
    const price = shared.find((m) => m.name === 'Price corrected')!;
    const applied = await t.app.ctx.db.transaction((tx) => applyMacro(t.app.ctx, jonas, tx, c!.id, price.id));
    expect(applied.language).toBe('de');
    expect(applied.text).toContain(`Guten Tag ${c!.customer},`);
    expect(applied.text).toContain('Jonas Becker');
    expect(applied.missing).toEqual([]);
    expect(applied.case.status).toBe('solved');
    expect(applied.case.tags).toContain('price-correction');
  });
});
