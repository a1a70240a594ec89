import { z } from 'zod';
import { Id, Timestamp } from './common.ts';
import { Email } from './identity.ts';

export const Mailbox = z.object({
  id: Id,
  name: z.string(),
  address: z.string(),
  team: z.object({ id: Id, name: z.string() }).nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Mailbox = z.infer<typeof Mailbox>;

export const CreateMailboxBody = z
  .object({ name: z.string().trim().min(1).max(200), address: Email, teamId: Id.nullable().default(null), active: z.boolean().default(true) })
  .strict();
export const UpdateMailboxBody = z
  .object({ name: z.string().trim().min(1).max(200).optional(), address: Email.optional(), teamId: Id.nullable().optional(), active: z.boolean().optional(), version: z.number().int().optional() })
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
