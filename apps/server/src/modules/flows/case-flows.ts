/** What the case's flows panel shows: the run in progress, suggestions, every flow, earlier runs. */
import type { z } from 'zod';
import type { CaseFlows, FlowOutcomeKind } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { getCase } from '../cases/index.ts';
import { isFlowLanguage, localize } from './engine.ts';
import { mayRunFlows } from './policy.ts';
import { presentRun, type RunRow } from './present-run.ts';
import { getDefinition, publishedFlows, type PublishedFlow } from './queries.ts';
import { suggestFlows } from './suggest.ts';

type Result = z.infer<typeof CaseFlows>;

const choice = (f: PublishedFlow, lang: string) => ({
  id: f.id,
  slug: f.slug,
  title: localize(f.definition.title, lang),
  description: localize(f.definition.description, lang),
  version: f.version,
  team: f.teamId ? { id: f.teamId, name: f.teamName ?? '' } : null,
});

/** The flows panel of a case the actor can see; texts in the actor's language. */
export async function caseFlows(db: Queryable, actor: Actor, caseRef: string | number): Promise<Result> {
  if (!mayRunFlows(actor)) throw forbidden();
  const c = await getCase(db, actor, caseRef);
  const lang = isFlowLanguage(actor.language) ? actor.language : 'en';
  const flows = await publishedFlows(db);
  const { rows } = await db.query<RunRow>('select * from flow_runs where case_id = $1 order by started_at desc limit 20', [c.id]);
  const active = rows.find((r) => r.status === 'active' && r.channel === 'agent');
  const recent = await Promise.all(
    rows
      .filter((r) => r !== active)
      .map(async (r) => ({
        id: r.id,
        title: localize((await getDefinition(db, r.flow_id, r.version)).title, r.language),
        version: r.version,
        status: r.status,
        outcomeKind: (r.outcome_kind ?? null) as FlowOutcomeKind | null,
        startedAt: r.started_at.toISOString(),
      })),
  );
  return {
    active: active ? await presentRun(db, active) : null,
    suggested: suggestFlows(flows, { tags: c.tags, teamId: c.team?.id ?? null }).map((s) => ({ flow: choice(s.flow, lang), reasons: s.reasons })),
    available: flows.map((f) => choice(f, lang)).sort((a, b) => a.title.localeCompare(b.title, lang)),
    recent,
  };
}
