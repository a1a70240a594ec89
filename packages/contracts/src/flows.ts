import { z } from 'zod';
import { CustomFieldValues, Id, Language, Tags, Timestamp } from './common.ts';
import { OrganizationRef, UserRef } from './customers.ts';
import { Status } from './cases.ts';
import { MissingFormField } from './fields.ts';

/**
 * Guided troubleshooting flows: versioned decision trees of questions, instructions, checks and
 * outcomes, run by agents on a case (every step documented on its timeline) or by customers in the
 * help center.
 */

const Text = z.string().max(4000);

/** A text in the flow's languages; English is the fallback every language falls back to. */
export const FlowText = z.object({ en: Text.optional(), de: Text.optional(), et: Text.optional(), tr: Text.optional() }).strict();
export type FlowText = z.infer<typeof FlowText>;

export const FlowStepId = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _, starting with a letter (up to 40)');
/** Where a branch leads; null while the draft is not connected yet (publishing refuses it). */
const Target = FlowStepId.nullable();

export const FlowAnswer = z.object({ id: FlowStepId, label: FlowText, next: Target }).strict();

export const flowOutcomeKinds = ['resolved', 'article', 'refund', 'replacement', 'escalate', 'appointment'] as const;
export const FlowOutcomeKind = z.enum(flowOutcomeKinds);
export type FlowOutcomeKind = z.infer<typeof FlowOutcomeKind>;

/** What reaching the outcome does to the case, besides documenting it. */
export const FlowOutcome = z
  .object({
    kind: FlowOutcomeKind,
    /** The status to set; "resolved" sets solved unless told otherwise. */
    status: Status.nullable().optional(),
    /** Tags to add (each kind adds its own as well, e.g. refund-request). */
    tags: Tags.default([]),
    /** Transfer to this team (required for escalate). */
    teamId: Id.nullable().optional(),
    /** The knowledge-base article to send (article outcomes). */
    article: z
      .object({ slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'is not a slug').max(160), id: Id.nullable().optional() })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type FlowOutcome = z.infer<typeof FlowOutcome>;

const stepBase = { id: FlowStepId, text: FlowText, detail: FlowText.optional() };
export const FlowStep = z.discriminatedUnion('type', [
  z.object({ ...stepBase, type: z.literal('question'), answers: z.array(FlowAnswer).max(12) }).strict(),
  z.object({ ...stepBase, type: z.literal('instruction'), next: Target }).strict(),
  z.object({ ...stepBase, type: z.literal('check'), expected: FlowText, pass: Target, fail: Target }).strict(),
  z.object({ ...stepBase, type: z.literal('outcome'), outcome: FlowOutcome }).strict(),
]);
export type FlowStep = z.infer<typeof FlowStep>;
export const flowStepTypes = ['question', 'instruction', 'check', 'outcome'] as const;

/** One version of a flow's tree (the draft has the same shape). */
export const FlowDefinition = z
  .object({
    title: FlowText,
    description: FlowText.default({}),
    start: FlowStepId.nullable(),
    steps: z.array(FlowStep).max(200),
  })
  .strict();
export type FlowDefinition = z.infer<typeof FlowDefinition>;

export const flowIssueCodes = [
  'no_start',
  'unknown_start',
  'duplicate_id',
  'unknown_target',
  'dead_end',
  'no_answers',
  'duplicate_answer',
  'cycle',
  'unreachable',
  'missing_text',
  'missing_translation',
  'team_required',
  'unknown_team',
  'article_required',
] as const;
/** A problem the validator found; errors block publishing, warnings are shown. */
export const FlowIssue = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.enum(flowIssueCodes),
  stepId: z.string().nullable(),
  /** Details for the message: answer, target, language, count, path. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type FlowIssue = z.infer<typeof FlowIssue>;

const Slug = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters and digits, words joined by -');

export const FlowVersionInfo = z.object({ version: z.number().int(), publishedAt: Timestamp, publishedBy: UserRef.nullable() });

/** A flow as its editor sees it. */
export const Flow = z.object({
  id: Id,
  slug: Slug,
  team: OrganizationRef.nullable(),
  /** A case with one of these tags gets the flow suggested. */
  tags: z.array(z.string()),
  /** Offered to customers in the help center (once published). */
  public: z.boolean(),
  archived: z.boolean(),
  draft: FlowDefinition,
  publishedVersion: z.number().int().nullable(),
  /** The draft differs from the published version. */
  unpublishedChanges: z.boolean(),
  versions: z.array(FlowVersionInfo),
  issues: z.array(FlowIssue),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Flow = z.infer<typeof Flow>;

export const FlowSummary = Flow.pick({ id: true, slug: true, team: true, tags: true, public: true, archived: true, publishedVersion: true, unpublishedChanges: true, updatedAt: true }).extend({
  title: FlowText,
  runs: z.number().int(),
});

export const CreateFlowBody = z
  .object({
    slug: Slug,
    title: FlowText,
    teamId: Id.nullable().default(null),
    tags: Tags.default([]),
    public: z.boolean().default(false),
    /** A whole tree to start from (import); else a draft with one empty question. */
    draft: FlowDefinition.optional(),
  })
  .strict();

export const UpdateFlowBody = z
  .object({
    slug: Slug.optional(),
    teamId: Id.nullable().optional(),
    tags: Tags.optional(),
    public: z.boolean().optional(),
    archived: z.boolean().optional(),
    draft: FlowDefinition.optional(),
    version: z.number().int().optional(),
  })
  .strict();

export const PublishFlowBody = z.object({ version: z.number().int().optional() }).strict();
export const ValidateFlowBody = z.object({ draft: FlowDefinition }).strict();
export const FlowVersionParams = z.object({ id: Id, version: z.coerce.number().int().positive() }).strict();
export const FlowVersion = FlowVersionInfo.extend({ flowId: Id, definition: FlowDefinition });

// ——— Running a flow ———

export const FlowRenderedOutcome = z.object({
  kind: FlowOutcomeKind,
  status: Status.nullable(),
  tags: z.array(z.string()),
  team: OrganizationRef.nullable(),
  article: z.object({ slug: z.string(), id: Id.nullable(), title: z.string().nullable(), url: z.string().nullable() }).nullable(),
});

/** The current step in the run's language, with the choices it offers. */
export const FlowRenderedStep = z.object({
  id: z.string(),
  type: z.enum(flowStepTypes),
  text: z.string(),
  detail: z.string().nullable(),
  expected: z.string().nullable(),
  /** Question: its answers; instruction: "done"; check: "pass" and "fail"; outcome: none. */
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  outcome: FlowRenderedOutcome.nullable(),
});
export type FlowRenderedStep = z.infer<typeof FlowRenderedStep>;

export const flowRunStatuses = ['active', 'completed', 'abandoned'] as const;
export const FlowRun = z.object({
  id: Id,
  flow: z.object({ id: Id, slug: z.string(), title: z.string() }),
  /** The version the run follows from start to end, whatever is published meanwhile. */
  version: z.number().int(),
  latestVersion: z.number().int().nullable(),
  language: Language,
  channel: z.enum(['agent', 'self_service']),
  status: z.enum(flowRunStatuses),
  caseId: Id.nullable(),
  current: FlowRenderedStep,
  /** The steps answered so far, oldest first. */
  path: z.array(z.object({ stepId: z.string(), type: z.enum(flowStepTypes), text: z.string(), answer: z.string(), answerLabel: z.string(), at: Timestamp })),
  outcome: z.object({ stepId: z.string(), kind: FlowOutcomeKind }).nullable(),
  startedBy: UserRef.nullable(),
  startedAt: Timestamp,
  updatedAt: Timestamp,
  completedAt: Timestamp.nullable(),
});
export type FlowRun = z.infer<typeof FlowRun>;

export const FlowChoice = z.object({ id: Id, slug: z.string(), title: z.string(), description: z.string(), version: z.number().int(), team: OrganizationRef.nullable() });
export const FlowSuggestionReason = z.discriminatedUnion('kind', [z.object({ kind: z.literal('tag'), tag: z.string() }), z.object({ kind: z.literal('team'), team: z.string() })]);

/** What the case's side panel shows: the run in progress, suggestions, every flow, earlier runs. */
export const CaseFlows = z.object({
  active: FlowRun.nullable(),
  suggested: z.array(z.object({ flow: FlowChoice, reasons: z.array(FlowSuggestionReason) })),
  available: z.array(FlowChoice),
  recent: z.array(z.object({ id: Id, title: z.string(), version: z.number().int(), status: z.enum(flowRunStatuses), outcomeKind: FlowOutcomeKind.nullable(), startedAt: Timestamp })),
});

export const StartFlowRunBody = z.object({ flowId: Id, language: Language.optional() }).strict();
export const FlowRunAnswerBody = z.object({ stepId: FlowStepId, answer: z.string().min(1).max(40) }).strict();
export const FlowRunBackBody = z.object({ stepId: FlowStepId }).strict();
export const FlowRunFinishBody = z
  .object({
    stepId: FlowStepId,
    /** Appointment outcomes: when the customer would like it, and anything to know. */
    appointment: z.object({ wishedAt: Timestamp, note: z.string().trim().max(2000).default('') }).strict().optional(),
    note: z.string().trim().max(2000).optional(),
    /**
     * Case fields to set with the outcome: the ones the outcome's team form requires and the case
     * lacks, which a refused finish lists as `missingFields`.
     */
    customFields: CustomFieldValues.optional(),
  })
  .strict();

/**
 * The problem (400, validation_failed) of a finish whose transfer needs case fields the case lacks:
 * nothing was applied; ask for these and finish again with them as `customFields`.
 */
export const FlowOutcomeFieldsProblem = z.object({ team: OrganizationRef, missingFields: z.array(MissingFormField) });

// ——— Analytics ———

export const FlowAnalytics = z.object({
  flowId: Id,
  version: z.number().int().nullable(),
  runs: z.number().int(),
  active: z.number().int(),
  completed: z.number().int(),
  abandoned: z.number().int(),
  byChannel: z.object({ agent: z.number().int(), selfService: z.number().int() }),
  /** Self-service runs that did not solve the problem and became a case. */
  requests: z.number().int(),
  outcomes: z.array(z.object({ stepId: z.string(), kind: FlowOutcomeKind.nullable(), text: z.string(), runs: z.number().int() })),
  /** Where unfinished runs stopped (stale for a day, or stopped by hand), most first. */
  abandonedAt: z.array(z.object({ stepId: z.string(), text: z.string(), runs: z.number().int() })),
});
export type FlowAnalytics = z.infer<typeof FlowAnalytics>;
export const FlowAnalyticsQuery = z.object({ version: z.coerce.number().int().positive().optional() }).strict();
