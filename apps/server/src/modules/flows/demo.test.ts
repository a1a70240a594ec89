import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { expectStatus } from '../../../test/factories.ts';
import { actorFor } from '../identity/index.ts';
import { seedDemo } from '../demo/seed.ts';
import { createApiToken } from '../identity/index.ts';

describe('troubleshooting demo flows', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ JOBS_CONCURRENCY: 0 });
    await seedDemo(t.app.ctx);
    admin = await t.user('admin', []);
  });
  afterAll(async () => t?.close());

  const as = async (email: string) => {
    const { rows } = await t.app.ctx.db.query<{ id: string }>('select id from users where email = $1', [email]);
    const actor = (await actorFor(t.app.ctx.db, rows[0]!.id, 'token'))!;
    return (await createApiToken(t.app.ctx.db, actor, { name: 'test' })).token;
  };

  it('publishes the three seed situations, complete in all four languages and without errors', async () => {
    const list = expectStatus(await t.api('GET', '/api/v1/flows', { token: admin.token }), 200).body.items as any[];
    expect(list.map((f) => f.slug).sort()).toEqual(['billing-discrepancy', 'broken-device', 'wrong-price-at-till']);
    for (const summary of list) {
      const flow = expectStatus(await t.api('GET', `/api/v1/flows/${summary.id}`, { token: admin.token }), 200).body;
      expect(flow).toMatchObject({ publishedVersion: 1, public: true, unpublishedChanges: false });
      // No errors and no warnings: every text exists in en, de, et and tr, every step is reachable.
      expect(flow.issues, summary.slug).toEqual([]);
    }
    const device = list.find((f) => f.slug === 'broken-device');
    expect(device.title.et).toBe('Elektroonikaseade ei tööta');
  });

  it('suggests the wrong-price flow on the wrong-price case and resolves the article its outcome sends', async () => {
    const token = await as('agent@demo.switchboard.dev');
    const { rows } = await t.app.ctx.db.query<{ number: number }>(`select number from cases where 'wrong-price' = any(tags) order by number limit 1`);
    const panel = expectStatus(await t.api('GET', `/api/v1/cases/${rows[0]!.number}/flows`, { token }), 200).body;
    // Jonas reads German.
    expect(panel.suggested[0].flow).toMatchObject({ slug: 'wrong-price-at-till', title: 'Falscher Preis an der Kasse' });
    const run = expectStatus(await t.api('POST', `/api/v1/cases/${rows[0]!.number}/flow-runs`, { token, body: { flowId: panel.suggested[0].flow.id } }), 201).body;
    for (const [stepId, answer] of [
      ['where', 'store'],
      ['receipt', 'yes'],
      ['compare', 'fail'],
    ]) {
      expectStatus(await t.api('POST', `/api/v1/flow-runs/${run.id}/answer`, { token, body: { stepId, answer } }), 200);
    }
    const atOutcome = expectStatus(await t.api('GET', `/api/v1/flow-runs/${run.id}`, { token }), 200).body;
    expect(atOutcome.current.outcome.article).toMatchObject({ slug: 'price-match-at-the-till', url: '/help/de/articles/price-match-at-the-till' });
    expect(atOutcome.current.outcome.article.title).toMatch(/Preis/);
  });

  it('leaves Mari halfway through the device flow on the headphones case, in Estonian', async () => {
    const token = await as('mari@demo.switchboard.dev');
    const { rows } = await t.app.ctx.db.query<{ id: string }>(`select id from cases where subject like 'Kõrvaklapid%'`);
    const panel = expectStatus(await t.api('GET', `/api/v1/cases/${rows[0]!.id}/flows`, { token }), 200).body;
    expect(panel.active).toMatchObject({ language: 'et', current: { id: 'update' }, path: [{ stepId: 'symptom', answerLabel: 'See lülitub sisse, aga ei tööta korralikult' }] });
    const analytics = expectStatus(await t.api('GET', `/api/v1/flows/${panel.active.flow.id}/analytics`, { token: admin.token }), 200).body;
    expect(analytics.abandonedAt[0]).toMatchObject({ stepId: 'charge-check', runs: 3 });
    expect(analytics.outcomes[0]).toMatchObject({ stepId: 'solved', runs: 7 });
  });
});
