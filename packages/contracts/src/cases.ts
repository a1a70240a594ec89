import { z } from 'zod';
import { CustomFieldValues, Id, PageQuery, Tag, Tags, Timestamp } from './common.ts';
import { Email } from './identity.ts';
import { OrganizationRef, Phone, UserRef } from './customers.ts';
import { Attachment, AttachmentIds } from './attachments.ts';

export const statuses = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const Status = z.enum(statuses);
export type Status = z.infer<typeof Status>;
export const unsolvedStatuses: readonly Status[] = ['new', 'open', 'pending', 'on_hold'];
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const Priority = z.enum(priorities);
export const channels = ['email', 'chat', 'phone', 'portal', 'walk_in', 'api'] as const;
export const Channel = z.enum(channels);
export const sorts = ['updated_desc', 'updated_asc', 'created_desc', 'created_asc', 'due_asc'] as const;
export const Sort = z.enum(sorts);

/** Accepts `a,b` or repeated query parameters. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(50));

export const slaMetrics = ['first_response', 'next_response', 'resolution'] as const;
export const SlaMetric = z.enum(slaMetrics);
export type SlaMetric = z.infer<typeof SlaMetric>;

/** The case's most urgent running SLA target, small enough for every list row; null: none applies. */
export const CaseSla = z.object({
  policy: z.object({ id: Id, name: z.string() }),
  metric: SlaMetric,
  /** Null while paused (the case is pending on the customer). */
  dueAt: Timestamp.nullable(),
  paused: z.boolean(),
  /** Past due and not achieved. */
  breached: z.boolean(),
  /** Past the policy's warning point. */
  warning: z.boolean(),
});
export type CaseSla = z.infer<typeof CaseSla>;

export const CaseRequester = z.object({ id: Id, name: z.string(), email: z.string().nullable() });

export const Case = z.object({
  id: Id,
  number: z.number().int(),
  subject: z.string(),
  status: Status,
  customStatus: z.object({ id: Id, name: z.string() }).nullable(),
  priority: Priority,
  channel: Channel,
  requester: CaseRequester,
  organization: OrganizationRef.nullable(),
  assignee: UserRef.nullable(),
  team: OrganizationRef.nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.unknown()),
  mergedIntoId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  solvedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  version: z.number().int(),
  sla: CaseSla.nullable(),
});
export type Case = z.infer<typeof Case>;

const NewRequester = z
  .object({ name: z.string().trim().min(1).max(200), email: Email.optional(), phone: Phone.optional() })
  .strict()
  .refine((r) => r.email || r.phone, { message: 'needs an email or a phone number', path: ['email'] });

export const CreateCaseBody = z
  .object({
    subject: z.string().trim().min(1).max(500),
    requesterId: Id.optional(),
    /** Finds the customer by email or phone, or creates one. */
    requester: NewRequester.optional(),
    channel: Channel.default('api'),
    status: Status.optional(),
    customStatusId: Id.optional(),
    priority: Priority.default('normal'),
    teamId: Id.nullable().optional(),
    assigneeId: Id.nullable().optional(),
    organizationId: Id.nullable().optional(),
    tags: Tags.default([]),
    customFields: CustomFieldValues.default({}),
    /** The first message of the case: what the customer said, or what we sent. */
    message: z
      .object({ body: z.string().min(1).max(200_000), direction: z.enum(['inbound', 'outbound']).default('inbound') })
      .strict()
      .optional(),
  })
  .strict()
  .refine((b) => (b.requesterId ? !b.requester : !!b.requester), {
    message: 'give either requesterId or requester, not both',
    path: ['requesterId'],
  });

export const UpdateCaseBody = z
  .object({
    subject: z.string().trim().min(1).max(500).optional(),
    status: Status.optional(),
    customStatusId: Id.nullable().optional(),
    priority: Priority.optional(),
    teamId: Id.nullable().optional(),
    assigneeId: Id.nullable().optional(),
    organizationId: Id.nullable().optional(),
    requesterId: Id.optional(),
    tags: Tags.optional(),
    customFields: CustomFieldValues.optional(),
    version: z.number().int().optional(),
  })
  .strict();

export const BulkUpdateBody = z
  .object({
    caseIds: z.array(Id).min(1).max(500),
    changes: z
      .object({
        status: Status.optional(),
        priority: Priority.optional(),
        teamId: Id.nullable().optional(),
        assigneeId: Id.nullable().optional(),
        addTags: Tags.optional(),
        removeTags: Tags.optional(),
      })
      .strict(),
  })
  .strict();

export const FieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });

export const Author = z.object({ type: z.enum(['user', 'customer', 'system']), id: Id.nullable(), name: z.string() });

export const EmailAddress = z.object({ address: z.string(), name: z.string().nullable() });
export type EmailAddress = z.infer<typeof EmailAddress>;

/** How an email message looked: its envelope and, for HTML mail, the sanitized HTML beside the text. */
export const EntryEmail = z.object({
  from: EmailAddress.nullable(),
  to: z.array(EmailAddress),
  cc: z.array(EmailAddress),
  subject: z.string().nullable(),
  /** Sanitized HTML of what the sender wrote (null for plain-text mail); remote images are blocked. */
  html: z.string().nullable(),
  /** Sanitized HTML of the quoted history and signature, shown folded. */
  quotedHtml: z.string().nullable(),
  /** Where in `body` the quoted history or signature starts (null: nothing to fold). */
  foldAt: z.number().int().nullable(),
});
export type EntryEmail = z.infer<typeof EntryEmail>;

/**
 * Documentation another module writes onto a case (a troubleshooting step, an article sent, a macro
 * applied). `type` names it ("flows.step"); `data` is that module's own typed shape, parsed there.
 */
export const EntryActivity = z.object({ type: z.string().regex(/^[a-z]+\.[a-z_]+$/), data: z.record(z.string(), z.unknown()) });
export type EntryActivity = z.infer<typeof EntryActivity>;

export const TimelineEntry = z.object({
  id: z.number().int(),
  caseId: Id,
  kind: z.enum(['message', 'note', 'change', 'activity']),
  author: Author,
  /** The agent who recorded what the customer said (a call, a visit at the counter). */
  recordedBy: UserRef.nullable(),
  channel: Channel.nullable(),
  direction: z.enum(['inbound', 'outbound']).nullable(),
  body: z.string(),
  changes: z.array(FieldChange).nullable(),
  /** Files sent with the message or note; empty for everything else. */
  attachments: z.array(Attachment),
  /** Email messages: envelope and sanitized HTML. */
  email: EntryEmail.nullable(),
  /** Activity entries: what was documented. */
  activity: EntryActivity.nullable(),
  createdAt: Timestamp,
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const AddEntryBody = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('message'),
      body: z.string().trim().min(1).max(200_000),
      direction: z.enum(['inbound', 'outbound']).default('outbound'),
      channel: Channel.optional(),
      /** Your own uploads, not yet sent with another entry. */
      attachmentIds: AttachmentIds.optional(),
      /** Email replies: more recipients besides the requester (reply-all: the case's participants). */
      cc: z.array(Email).max(20).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('note'), body: z.string().trim().min(1).max(200_000), attachmentIds: AttachmentIds.optional() }).strict(),
]);

export const TimelineQuery = z
  .object({ after: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(500).default(200) })
  .strict();

export const MergeCasesBody = z.object({ sourceId: Id }).strict();
export const LinkCaseBody = z.object({ caseId: Id }).strict();
export const LinkedCase = Case.pick({ id: true, number: true, subject: true, status: true });

/** A case reference in a path: its UUID or its number. */
export const CaseRefParams = z
  .object({ id: z.union([Id, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)], { error: 'must be a case UUID or number' }) })
  .strict();

export const ViewFilters = z
  .object({
    statuses: z.array(Status).max(6).optional(),
    priorities: z.array(Priority).max(4).optional(),
    channels: z.array(Channel).max(6).optional(),
    teamIds: z.array(Id).max(50).optional(),
    /** 'me', 'none' (unassigned) or an agent's id. */
    assignee: z.union([z.literal('me'), z.literal('none'), Id]).optional(),
    /** Only cases of the teams the viewer belongs to. */
    myTeams: z.boolean().optional(),
    tags: z.array(Tag).max(10).optional(),
    requesterId: Id.optional(),
    organizationId: Id.optional(),
  })
  .strict();
export type ViewFilters = z.infer<typeof ViewFilters>;

export const CaseQuery = PageQuery.extend({
  view: z.union([z.enum(['mine', 'unassigned', 'open', 'pending', 'all']), Id]).optional(),
  status: listOf(Status).optional(),
  priority: listOf(Priority).optional(),
  channel: listOf(Channel).optional(),
  teamId: listOf(Id).optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), Id]).optional(),
  tag: listOf(Tag).optional(),
  requesterId: Id.optional(),
  organizationId: Id.optional(),
  sort: Sort.optional(),
}).strict();

export const View = z.object({
  id: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  shared: z.boolean(),
  filters: ViewFilters,
  sort: Sort,
  version: z.number().int(),
});
export const ViewWithCount = View.extend({ count: z.number().int(), countCapped: z.boolean() });

export const CreateViewBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    filters: ViewFilters,
    sort: Sort.default('updated_desc'),
    shared: z.boolean().default(false),
  })
  .strict();
export const UpdateViewBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    filters: ViewFilters.optional(),
    sort: Sort.optional(),
    version: z.number().int().optional(),
  })
  .strict();

export const CaseSearchQuery = z.object({ q: z.string().trim().min(1).max(200), limit: z.coerce.number().int().min(1).max(50).default(10) }).strict();
