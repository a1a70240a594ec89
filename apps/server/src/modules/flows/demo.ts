/**
 * The demo company's troubleshooting flows (seeds 001–003), published and public, one run in
 * progress on a case, and a history of self-service runs so the analytics have something to show.
 */
import { randomBytes } from 'node:crypto';
import type { FlowDefinition } from '@switchboard/contracts';
import { systemActor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { actorFor } from '../identity/index.ts';
import { billingDiscrepancy } from './demo-billing.ts';
import { brokenDevice } from './demo-device.ts';
import { wrongPrice } from './demo-price.ts';
import type { DemoTeams } from './demo-text.ts';
import { replay } from './engine.ts';
import { createFlow, publishFlow } from './manage-flows.ts';
import { answerRun, startRun } from './run-flow.ts';
import { hashToken } from './self-service/public-run.ts';

const flows: Array<{ slug: string; team: keyof DemoTeams; tags: string[]; tree: (teams: DemoTeams) => FlowDefinition }> = [
  { slug: 'broken-device', team: 'technical', tags: ['troubleshooting', 'defective'], tree: brokenDevice },
  { slug: 'wrong-price-at-till', team: 'billing', tags: ['wrong-price'], tree: wrongPrice },
  { slug: 'billing-discrepancy', team: 'billing', tags: ['billing-dispute', 'credit-card', 'invoice', 'bill-charges'], tree: billingDiscrepancy },
];

/** Self-service runs of the device flow: how they ended (or where they stopped), how many, how long ago. */
const history: Array<{ answers: string[]; solved: boolean; runs: number; daysAgo: number }> = [
  { answers: ['no-power', 'pass', 'done', 'pass'], solved: true, runs: 5, daysAgo: 6 },
  { answers: ['no-charge', 'pass'], solved: true, runs: 3, daysAgo: 4 },
  { answers: ['faulty', 'done', 'pass'], solved: true, runs: 2, daysAgo: 3 },
  { answers: ['no-power'], solved: false, runs: 3, daysAgo: 5 },
  { answers: ['no-charge', 'fail'], solved: false, runs: 1, daysAgo: 2 },
];

async function teamIds(tx: Tx): Promise<DemoTeams> {
  const { rows } = await tx.query<{ id: string; name: string }>('select id, name from teams');
  const by = (name: string) => {
    const id = rows.find((r) => r.name === name)?.id;
    if (!id) throw new Error(`Demo flows need the team ${name}`);
    return id;
  };
  return { technical: by('Technical Support'), billing: by('Billing'), returns: by('Returns'), reservations: by('Reservations') };
}

/** Seeds the flows (part of the demo transaction, after the cases). */
export async function seedFlowsDemo(ctx: AppContext, tx: Tx): Promise<void> {
  const teams = await teamIds(tx);
  const ids = new Map<string, { id: string; def: FlowDefinition }>();
  for (const f of flows) {
    const def = f.tree(teams);
    const created = await createFlow(systemActor, tx, { slug: f.slug, title: def.title, teamId: teams[f.team], tags: f.tags, public: true, draft: def });
    await publishFlow(systemActor, tx, created.id, created.version);
    ids.set(f.slug, { id: created.id, def });
  }

  // Mari is halfway through the device flow with a customer whose headphones do not pair.
  const mari = await tx.query<{ id: string }>(`select id from users where lower(email) = 'mari@demo.switchboard.dev'`);
  const headphones = await tx.query<{ id: string }>(`select id from cases where subject = 'Kõrvaklapid ei ühendu telefoniga Bluetoothi kaudu'`);
  if (mari.rows[0] && headphones.rows[0]) {
    const actor = (await actorFor(tx, mari.rows[0].id, 'session'))!;
    const run = await startRun(ctx, actor, tx, headphones.rows[0].id, { flowId: ids.get('broken-device')!.id, language: 'et' });
    await answerRun(ctx, actor, tx, run.id, { stepId: 'symptom', answer: 'faulty' });
  }

  const device = ids.get('broken-device')!;
  for (const h of history) {
    const at = new Date(Date.now() - h.daysAgo * 86_400_000).toISOString();
    const state = replay(device.def, h.answers, at);
    const done = h.solved ? state.current : null;
    const end = done ? device.def.steps.find((s) => s.id === done) : undefined;
    const kind = end?.type === 'outcome' ? end.outcome.kind : null;
    for (let i = 0; i < h.runs; i++) {
      await tx.query(
        `insert into flow_runs (flow_id, version, channel, token_hash, language, status, current_step, history, outcome_step, outcome_kind, started_at, updated_at, completed_at)
         values ($1, 1, 'self_service', $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $9, case when $7::text is not null then $9::timestamptz end)`,
        [
          device.id,
          hashToken(randomBytes(24).toString('base64url')),
          ['de', 'en', 'et', 'tr'][i % 4],
          done ? 'completed' : 'active',
          state.current,
          JSON.stringify(state.history),
          done,
          kind,
          at,
        ],
      );
    }
  }
}
