/**
 * How a flow's runs end: counts per outcome, and where unfinished runs stopped. A run counts as
 * abandoned when it was stopped by hand or has not moved for a day (nobody finishes a phone
 * call's troubleshooting a day later), so no job has to sweep runs.
 */
import type { FlowAnalytics, FlowDefinition } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import { localize } from './engine.ts';
import { getDefinition } from './queries.ts';

interface Group {
  version: number;
  status: 'active' | 'completed' | 'abandoned';
  channel: 'agent' | 'self_service';
  outcome_step: string | null;
  outcome_kind: FlowAnalytics['outcomes'][number]['kind'];
  current_step: string;
  stale: boolean;
  has_case: boolean;
  runs: number;
}

/** Counts for one flow, over all versions or one; step texts in `lang` from the newest version that has the step. */
export async function flowAnalytics(db: Queryable, flowId: string, version: number | undefined, lang: string): Promise<FlowAnalytics> {
  const exists = await db.query('select 1 from flows where id = $1', [flowId]);
  if (!exists.rowCount) throw notFound('The flow');
  const { rows } = await db.query<Group>(
    `select version, status, channel, outcome_step, outcome_kind, current_step,
       (status = 'active' and updated_at < now() - interval '1 day') as stale, case_id is not null as has_case, count(*)::int as runs
     from flow_runs where flow_id = $1 and ($2::int is null or version = $2)
     group by 1, 2, 3, 4, 5, 6, 7, 8`,
    [flowId, version ?? null],
  );
  const versions = [...new Set(rows.map((r) => r.version))].sort((a, b) => b - a);
  const defs: FlowDefinition[] = await Promise.all(versions.map((v) => getDefinition(db, flowId, v)));
  const textOf = (stepId: string) => {
    for (const d of defs) {
      const step = d.steps.find((s) => s.id === stepId);
      if (step) return localize(step.text, lang);
    }
    return stepId;
  };
  const result: FlowAnalytics = {
    flowId,
    version: version ?? null,
    runs: 0,
    active: 0,
    completed: 0,
    abandoned: 0,
    byChannel: { agent: 0, selfService: 0 },
    requests: 0,
    outcomes: [],
    abandonedAt: [],
  };
  const outcomes = new Map<string, FlowAnalytics['outcomes'][number]>();
  const abandoned = new Map<string, number>();
  for (const r of rows) {
    result.runs += r.runs;
    if (r.channel === 'agent') result.byChannel.agent += r.runs;
    else result.byChannel.selfService += r.runs;
    if (r.channel === 'self_service' && r.has_case) result.requests += r.runs;
    if (r.status === 'completed' && r.outcome_step) {
      result.completed += r.runs;
      const o = outcomes.get(r.outcome_step) ?? { stepId: r.outcome_step, kind: r.outcome_kind, text: textOf(r.outcome_step), runs: 0 };
      o.runs += r.runs;
      outcomes.set(r.outcome_step, o);
    } else if (r.status === 'abandoned' || r.stale) {
      result.abandoned += r.runs;
      abandoned.set(r.current_step, (abandoned.get(r.current_step) ?? 0) + r.runs);
    } else result.active += r.runs;
  }
  result.outcomes = [...outcomes.values()].sort((a, b) => b.runs - a.runs || a.stepId.localeCompare(b.stepId));
  result.abandonedAt = [...abandoned.entries()].map(([stepId, runs]) => ({ stepId, text: textOf(stepId), runs })).sort((a, b) => b.runs - a.runs || a.stepId.localeCompare(b.stepId));
  return result;
}
