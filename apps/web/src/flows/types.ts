/** Types of the flows API, inferred from the shared zod schemas (types only: no zod in the bundle). */
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';

export type Flow = z.infer<typeof C.Flow>;
export type FlowSummary = z.infer<typeof C.FlowSummary>;
export type FlowDefinition = z.infer<typeof C.FlowDefinition>;
export type FlowStep = z.infer<typeof C.FlowStep>;
export type FlowAnswer = z.infer<typeof C.FlowAnswer>;
export type FlowText = z.infer<typeof C.FlowText>;
export type FlowOutcome = z.input<typeof C.FlowOutcome>;
export type FlowIssue = z.infer<typeof C.FlowIssue>;
export type FlowVersion = z.infer<typeof C.FlowVersion>;
export type FlowRun = z.infer<typeof C.FlowRun>;
export type FlowRenderedStep = z.infer<typeof C.FlowRenderedStep>;
export type CaseFlows = z.infer<typeof C.CaseFlows>;
/** A refused finish: the fields the transfer's team form needs first (problem extras). */
export type FlowOutcomeFieldsProblem = z.infer<typeof C.FlowOutcomeFieldsProblem>;
export type FlowAnalytics = z.infer<typeof C.FlowAnalytics>;
export type OutcomeKind = z.infer<typeof C.FlowOutcomeKind>;
export type StepType = FlowStep['type'];

/** The languages a flow is written in; English is every language's fallback. */
export const flowLanguages = ['en', 'de', 'et', 'tr'] as const;
export type FlowLanguage = (typeof flowLanguages)[number];
export const outcomeKinds: OutcomeKind[] = ['resolved', 'article', 'refund', 'replacement', 'escalate', 'appointment'];

/** Data of the `flows.*` timeline activities (see the server's document.ts). */
export interface FlowActivityData {
  runId: string;
  flowId: string;
  flowSlug: string;
  version: number;
  language: FlowLanguage;
  channel: 'agent' | 'self_service';
  title?: string;
  stepId?: string;
  stepType?: StepType;
  text?: string;
  expected?: string | null;
  answer?: string;
  answerLabel?: string;
  undoneAnswerLabel?: string;
  kind?: OutcomeKind;
  kindLabel?: string;
  status?: string | null;
  tagsAdded?: string[];
  team?: { id: string; name: string } | null;
  article?: { slug: string; id: string | null; title: string | null; url: string | null } | null;
  appointment?: { wishedAt: string; note: string } | null;
  note?: string | null;
  teamKeptBecause?: string | null;
  contact?: { name: string; email: string } | null;
}
