/** Loading a run and presenting it: the current step in the run's language, and the path so far. */
import type { FlowDefinition, FlowOutcomeKind, FlowRenderedStep, FlowRun, FlowStep } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import { resolveArticle } from './article-link.ts';
import { exitsOf, isFlowLanguage, localize, requireStep, type FlowLanguage, type HistoryItem, type RunState } from './engine.ts';
import { getDefinition } from './queries.ts';
import { flowWords } from './words.ts';

export interface RunRow {
  id: string;
  flow_id: string;
  version: number;
  case_id: string | null;
  channel: 'agent' | 'self_service';
  language: string;
  status: 'active' | 'completed' | 'abandoned';
  current_step: string;
  history: HistoryItem[];
  outcome_step: string | null;
  outcome_kind: FlowOutcomeKind | null;
  started_by_id: string | null;
  started_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

/** Loads a run (locked for the change that follows, when asked). */
export async function loadRun(db: Queryable, id: string, forUpdate = false): Promise<RunRow> {
  const { rows } = await db.query<RunRow>(`select * from flow_runs where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  if (!rows[0]) throw notFound('The flow run');
  return rows[0];
}

export const runLanguage = (row: { language: string }): FlowLanguage => (isFlowLanguage(row.language) ? row.language : 'en');
export const stateOf = (row: RunRow): RunState => ({ current: row.current_step, history: row.history });

/** The label of an answer at a step, in `lang` ("done", "pass" and "fail" in the run's words). */
export function answerLabel(step: FlowStep, answer: string, lang: FlowLanguage): string {
  const exit = exitsOf(step).find((e) => e.answer === answer);
  if (exit?.label) return localize(exit.label, lang);
  if (answer === 'done' || answer === 'pass' || answer === 'fail') return flowWords[lang][answer];
  return answer;
}

/** A step as a client shows it: texts in `lang`, its choices, and what its outcome would do. */
export async function renderStep(db: Queryable, def: FlowDefinition, stepId: string, lang: FlowLanguage): Promise<FlowRenderedStep> {
  const step = requireStep(def, stepId);
  let outcome: FlowRenderedStep['outcome'] = null;
  if (step.type === 'outcome') {
    const o = step.outcome;
    let team = null;
    if (o.teamId) {
      const { rows } = await db.query<{ name: string }>('select name from teams where id = $1', [o.teamId]);
      team = { id: o.teamId, name: rows[0]?.name ?? '' };
    }
    outcome = {
      kind: o.kind,
      status: o.status ?? (o.kind === 'resolved' ? 'solved' : null),
      tags: o.tags,
      team,
      article: o.article ? await resolveArticle(db, o.article, lang) : null,
    };
  }
  return {
    id: step.id,
    type: step.type,
    text: localize(step.text, lang),
    detail: localize(step.detail, lang) || null,
    expected: step.type === 'check' ? localize(step.expected, lang) : null,
    options: exitsOf(step).map((e) => ({ id: e.answer, label: answerLabel(step, e.answer, lang) })),
    outcome,
  };
}

/** The run as the API returns it. */
export async function presentRun(db: Queryable, row: RunRow): Promise<FlowRun> {
  const def = await getDefinition(db, row.flow_id, row.version);
  const lang = runLanguage(row);
  const { rows } = await db.query<{ slug: string; published_version: number | null; user_name: string | null }>(
    'select f.slug, f.published_version, u.name as user_name from flows f left join users u on u.id = $2 where f.id = $1',
    [row.flow_id, row.started_by_id],
  );
  const f = rows[0]!;
  return {
    id: row.id,
    flow: { id: row.flow_id, slug: f.slug, title: localize(def.title, lang) },
    version: row.version,
    latestVersion: f.published_version,
    language: lang,
    channel: row.channel,
    status: row.status,
    caseId: row.case_id,
    current: await renderStep(db, def, row.current_step, lang),
    path: row.history.map((h) => {
      const step = requireStep(def, h.stepId);
      return { stepId: h.stepId, type: step.type, text: localize(step.text, lang), answer: h.answer, answerLabel: answerLabel(step, h.answer, lang), at: h.at };
    }),
    outcome: row.outcome_step && row.outcome_kind ? { stepId: row.outcome_step, kind: row.outcome_kind } : null,
    startedBy: row.started_by_id ? { id: row.started_by_id, name: f.user_name ?? '' } : null,
    startedAt: row.started_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}
