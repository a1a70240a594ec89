import { z } from 'zod';
import { Id, Tags, Timestamp, TimeZone } from './common.ts';
import { Case, Priority, Status } from './cases.ts';

/** What starts a trigger. `message.received` is a customer's message added to a case. */
export const triggerEvents = ['case.created', 'case.updated', 'message.received', 'case.sla_warning', 'case.sla_breached'] as const;
export const TriggerEvent = z.enum(triggerEvents);
export type TriggerEvent = z.infer<typeof TriggerEvent>;

/** Fields a condition can test; `case.custom.<key>` tests a custom field. */
export const conditionFields = [
  'case.status',
  'case.priority',
  'case.channel',
  'case.team',
  'case.assignee',
  'case.tags',
  'case.subject',
  'case.body',
  'customer.language',
  'customer.tags',
  'customer.organization',
  'time.weekday',
  'time.hour',
  'case.hours_since_created',
  'case.hours_since_updated',
  'case.hours_since_status_changed',
  'case.hours_since_solved',
  'event.changed',
  /** SLA triggers: which target (e.g. first_response, resolution). */
  'event.metric',
] as const;
export const timeConditionFields = ['case.hours_since_created', 'case.hours_since_updated', 'case.hours_since_status_changed', 'case.hours_since_solved'] as const;

export const conditionOperators = [
  'is',
  'is_not',
  'in',
  'not_in',
  'contains',
  'not_contains',
  'contains_any',
  'gt',
  'gte',
  'lt',
  'lte',
  'is_set',
  'is_empty',
] as const;
export const ConditionOperator = z.enum(conditionOperators);

const customFieldName = z.string().regex(/^case\.custom\.[a-z][a-z0-9_]{0,62}$/, 'is not a condition field');
export const ConditionField = z.union([z.enum(conditionFields), customFieldName]);

const Scalar = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
export const Condition = z
  .object({
    field: ConditionField,
    op: ConditionOperator,
    /** A list for in / not_in / contains_any; nothing for is_set / is_empty. */
    value: z.union([Scalar, z.array(z.union([z.string().max(1000), z.number()])).max(100)]).optional(),
  })
  .strict();
export type Condition = z.infer<typeof Condition>;

export const Conditions = z
  .object({
    /** all: every condition must hold; any: at least one (an empty list always holds). */
    match: z.enum(['all', 'any']).default('all'),
    items: z.array(Condition).max(50).default([]),
  })
  .strict();
export type Conditions = z.infer<typeof Conditions>;

/** Subject and text of an email in one language; {{customer.name}}, {{case.number}}, {{case.subject}}, {{agent.name}}. */
export const EmailTemplate = z.object({ subject: z.string().trim().min(1).max(500), body: z.string().trim().min(1).max(50_000) }).strict();
export const EmailTemplates = z
  .object({ en: EmailTemplate, de: EmailTemplate.optional(), et: EmailTemplate.optional(), tr: EmailTemplate.optional() })
  .strict();

export const Action = z.discriminatedUnion('type', [
  /** Give the case to a user and/or team; null clears. */
  z
    .object({ type: z.literal('assign'), userId: Id.nullable().optional(), teamId: Id.nullable().optional() })
    .strict()
    .refine((a) => a.userId !== undefined || a.teamId !== undefined, { message: 'needs a user or a team', path: ['userId'] }),
  z.object({ type: z.literal('set_status'), status: Status.exclude(['new']) }).strict(),
  z.object({ type: z.literal('set_priority'), priority: Priority }).strict(),
  z
    .object({
      type: z.literal('set_field'),
      key: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'is not a field key'),
      value: z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]),
    })
    .strict(),
  z.object({ type: z.literal('add_tags'), tags: Tags.min(1) }).strict(),
  z.object({ type: z.literal('remove_tags'), tags: Tags.min(1) }).strict(),
  z.object({ type: z.literal('add_note'), body: z.string().trim().min(1).max(50_000) }).strict(),
  /** Emails the case's customer in their preferred language (English when there is no template for it). */
  z.object({ type: z.literal('send_email'), templates: EmailTemplates }).strict(),
  /** Posts the case to one webhook endpoint, whatever event types it subscribed to. */
  z.object({ type: z.literal('webhook'), endpointId: Id }).strict(),
]);
export type Action = z.infer<typeof Action>;
export const actionTypes = ['assign', 'set_status', 'set_priority', 'set_field', 'add_tags', 'remove_tags', 'add_note', 'send_email', 'webhook'] as const;

export const RuleKind = z.enum(['trigger', 'time']);

const ruleShape = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  kind: RuleKind,
  /** Triggers only: the event that starts it. */
  event: TriggerEvent.nullable().default(null),
  conditions: Conditions,
  actions: z.array(Action).min(1).max(20),
  /** Weekday and hour conditions are read in this time zone. */
  timeZone: TimeZone.default('UTC'),
  enabled: z.boolean().default(true),
};

const eventMatchesKind = (r: { kind?: string | undefined; event?: string | null | undefined }) =>
  r.kind === undefined || (r.kind === 'trigger' ? !!r.event : !r.event);
const kindError = { message: 'a trigger needs an event; a time rule has none', path: ['event'] };

export const RuleBody = z.object(ruleShape).strict().refine(eventMatchesKind, kindError);
export type RuleBody = z.input<typeof RuleBody>;

export const UpdateRuleBody = z
  .object({
    name: ruleShape.name.optional(),
    description: z.string().max(2000).optional(),
    kind: RuleKind.optional(),
    event: TriggerEvent.nullable().optional(),
    conditions: Conditions.optional(),
    actions: ruleShape.actions.optional(),
    timeZone: TimeZone.optional(),
    enabled: z.boolean().optional(),
    version: z.number().int().optional(),
  })
  .strict();

export const AutomationRule = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  kind: RuleKind,
  event: TriggerEvent.nullable(),
  conditions: Conditions,
  actions: z.array(Action),
  timeZone: z.string(),
  enabled: z.boolean(),
  position: z.number().int(),
  /** How often it acted, and when last. */
  firedCount: z.number().int(),
  lastFiredAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type AutomationRule = z.infer<typeof AutomationRule>;

/** The new order of all rules, first runs first. */
export const ReorderRulesBody = z.object({ ids: z.array(Id).min(1).max(1000) }).strict();

/** A saved rule by id, or an unsaved rule body. */
export const DryRunBody = z.object({ ruleId: Id.optional(), rule: RuleBody.optional() }).strict().refine((b) => !!b.ruleId !== !!b.rule, {
  message: 'give either ruleId or rule',
  path: ['ruleId'],
});

export const DryRunResult = z.object({
  /** Cases the rule's conditions hold for right now (up to `limit`), newest change first. */
  items: z.array(Case.pick({ id: true, number: true, subject: true, status: true, priority: true, updatedAt: true })),
  count: z.number().int(),
  /** How many current cases were looked at (the newest `scanned` of those not closed). */
  scanned: z.number().int(),
  limit: z.number().int(),
});
export type DryRunResult = z.infer<typeof DryRunResult>;

// Webhooks

/** Event types an endpoint may subscribe to. Internal notes go only to endpoints that opted in. */
export const webhookEventTypes = [
  'case.created',
  'case.updated',
  'case.entry_added',
  'case.merged',
  'case.linked',
  'case.sla_warning',
  'case.sla_breached',
  'customer.created',
  'customer.updated',
  'customer.merged',
] as const;
export const WebhookEventType = z.enum(webhookEventTypes);

const WebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => {
    try {
      const url = new URL(u);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be an http or https URL without credentials');

export const CreateWebhookBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    url: WebhookUrl,
    events: z.array(WebhookEventType).min(1).max(webhookEventTypes.length),
    /** Deliver internal notes too (default: public data only). */
    includeInternal: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .strict();

export const UpdateWebhookBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    url: WebhookUrl.optional(),
    events: z.array(WebhookEventType).min(1).max(webhookEventTypes.length).optional(),
    includeInternal: z.boolean().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const WebhookEndpoint = z.object({
  id: Id,
  name: z.string(),
  url: z.string(),
  events: z.array(WebhookEventType),
  includeInternal: z.boolean(),
  enabled: z.boolean(),
  /** The last four characters of the secret, to tell which one a receiver holds. */
  secretHint: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** Returned once, on create and on regenerate: the signing secret is not shown again. */
export const WebhookEndpointWithSecret = WebhookEndpoint.extend({ secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

export const WebhookAttempt = z.object({
  attempt: z.number().int(),
  /** HTTP status, null when no response came (timeout, refused). */
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int(),
  responseSnippet: z.string(),
  error: z.string().nullable(),
  at: Timestamp,
});

export const WebhookDelivery = z.object({
  /** Also the X-Switchboard-Delivery header: the same on every retry and redelivery. */
  id: Id,
  endpointId: Id,
  eventType: z.string(),
  state: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.array(WebhookAttempt),
  createdAt: Timestamp,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const DeliveryQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();
export const DeliveryParams = z.object({ id: Id, deliveryId: Id }).strict();
