import { z } from 'zod';
import { Id, Timestamp } from './common.ts';
import { Email } from './identity.ts';
import { languages } from './constants.ts';

/** Fetching from an existing IMAP mailbox; the password is write-only. */
export const ImapSettings = z.object({
  enabled: z.boolean(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  secure: z.boolean(),
  user: z.string().nullable(),
  folder: z.string(),
  hasPassword: z.boolean(),
  lastError: z.string().nullable(),
  checkedAt: Timestamp.nullable(),
});

export const Mailbox = z.object({
  id: Id,
  name: z.string(),
  address: z.string(),
  team: z.object({ id: Id, name: z.string() }).nullable(),
  active: z.boolean(),
  imap: ImapSettings,
  version: z.number().int(),
});

const Hostname = z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/, 'is not a host name');
export const ImapInput = z
  .object({
    enabled: z.boolean(),
    host: Hostname.optional(),
    port: z.number().int().min(1).max(65535).optional(),
    secure: z.boolean().optional(),
    user: z.string().min(1).max(320).optional(),
    /** Leave out to keep the stored one. */
    password: z.string().min(1).max(1000).optional(),
    folder: z.string().min(1).max(200).optional(),
  })
  .strict();
export type Mailbox = z.infer<typeof Mailbox>;

export const CreateMailboxBody = z
  .object({ name: z.string().trim().min(1).max(200), address: Email, teamId: Id.nullable().default(null), active: z.boolean().default(true), imap: ImapInput.optional() })
  .strict();
export const UpdateMailboxBody = z
  .object({ name: z.string().trim().min(1).max(200).optional(), address: Email.optional(), teamId: Id.nullable().optional(), active: z.boolean().optional(), imap: ImapInput.optional(), version: z.number().int().optional() })
  .strict();

export const inboundStates = ['received', 'processed', 'duplicate', 'quarantined'] as const;

/** A received message as admins see it in the quarantine (and the ingest log). */
export const InboundEmailSummary = z.object({
  id: z.number().int(),
  source: z.enum(['smtp', 'imap', 'http']),
  state: z.enum(inboundStates),
  from: z.string().nullable(),
  subject: z.string().nullable(),
  messageId: z.string().nullable(),
  size: z.number().int(),
  error: z.string().nullable(),
  caseId: Id.nullable(),
  receivedAt: Timestamp,
  processedAt: Timestamp.nullable(),
});
export const InboundEmailList = z.object({ items: z.array(InboundEmailSummary), nextBefore: z.number().int().nullable() });
export const InboundEmailQuery = z
  .object({
    state: z.enum(inboundStates).default('quarantined'),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export const InboundIdParams = z.object({ id: z.coerce.number().int().positive() }).strict();
export const IngestResponse = z.object({ id: z.number().int(), state: z.literal('received') });

/** What an email template is for: the automatic acknowledgement of a new case, or the frame around an agent's reply. */
export const templateKinds = ['acknowledgement', 'reply'] as const;
/** Placeholders a template may use; `{{message}}` (the agent's text) only, and always, in replies. */
export const templatePlaceholders = ['case.number', 'case.subject', 'customer.name', 'customer.firstName', 'agent.name', 'mailbox.name', 'message'] as const;

export const MailboxTemplate = z.object({
  /** null: the default for every mailbox without its own. */
  mailboxId: z.uuid().nullable(),
  kind: z.enum(templateKinds),
  language: z.enum(languages),
  subject: z.string(),
  body: z.string(),
  /** Built in (never saved): what is used until someone writes their own. */
  builtIn: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type MailboxTemplate = z.infer<typeof MailboxTemplate>;

export const MailboxTemplateQuery = z.object({ mailboxId: z.uuid().optional() }).strict();
export const SaveMailboxTemplateBody = z
  .object({
    mailboxId: z.uuid().nullable(),
    kind: z.enum(templateKinds),
    language: z.enum(languages),
    subject: z.string().trim().max(300).default(''),
    body: z.string().trim().min(1).max(20_000),
  })
  .strict();
export const ResetMailboxTemplateBody = SaveMailboxTemplateBody.pick({ mailboxId: true, kind: true, language: true }).strict();

/** Someone besides the requester on a case's email conversation (Cc, another To). */
export const CaseParticipant = z.object({ email: z.string(), name: z.string().nullable(), addedAt: z.string() });
export type CaseParticipant = z.infer<typeof CaseParticipant>;
export const ParticipantBody = z.object({ email: Email, name: z.string().trim().max(200).optional() }).strict();
