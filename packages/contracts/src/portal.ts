import { z } from 'zod';
import { CustomFieldValues, Id, Language, Timestamp } from './common.ts';
import { Email } from './identity.ts';
import { Status } from './cases.ts';
import { FieldType } from './fields.ts';

/** Welcome text on the portal home, per language (missing languages fall back to English). */
export const WelcomeTexts = z.object({ en: z.string().max(2000), de: z.string().max(2000), et: z.string().max(2000), tr: z.string().max(2000) }).partial().strict();
export type WelcomeTexts = z.infer<typeof WelcomeTexts>;

const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1864ab');

/** What the portal and the help center show of the company (public). */
export const PortalBranding = z.object({
  companyName: z.string(),
  primaryColor: HexColor,
  /** Absolute path of the logo (changes with the logo, so it can be cached), or null. */
  logoUrl: z.string().nullable(),
  welcome: WelcomeTexts,
  selfRegistration: z.boolean(),
});
export type PortalBranding = z.infer<typeof PortalBranding>;

/** The admin's view of the portal settings. */
export const PortalSettings = PortalBranding.extend({ updatedAt: Timestamp, version: z.number().int() });
export type PortalSettings = z.infer<typeof PortalSettings>;

export const UpdatePortalSettingsBody = z
  .object({
    companyName: z.string().trim().min(1).max(120).optional(),
    primaryColor: HexColor.optional(),
    welcome: WelcomeTexts.optional(),
    selfRegistration: z.boolean().optional(),
    /** Removes the logo (upload a new one with POST /api/v1/portal/settings/logo). */
    removeLogo: z.literal(true).optional(),
    version: z.number().int().optional(),
  })
  .strict();

/** Where the portal may send a customer after signing in: a path inside /portal, nothing else. */
const PortalPath = z.string().max(300).regex(/^\/portal(?:\/[A-Za-z0-9._~\-/?=&%]*)?$/, 'must be a path inside /portal');

export const RequestSignInLinkBody = z.object({ email: Email, language: Language.optional(), returnTo: PortalPath.optional() }).strict();
/** The same answer for every address, known or not (no account enumeration). */
export const SignInLinkRequested = z.object({ sent: z.literal(true), expiresInMinutes: z.number().int() });
export const RedeemSignInLinkBody = z.object({ token: z.string().min(20).max(200) }).strict();

export const PortalCustomer = z.object({
  id: Id,
  name: z.string(),
  /** The address they signed in with. */
  email: z.string(),
  language: Language.nullable(),
  /** Organizations whose members see each other's requests. */
  sharingOrganizations: z.array(z.object({ id: Id, name: z.string() })),
});
export type PortalCustomer = z.infer<typeof PortalCustomer>;
export const PortalSession = z.object({ customer: PortalCustomer, csrfToken: z.string(), returnTo: z.string().nullable() });
export type PortalSession = z.infer<typeof PortalSession>;
export const UpdatePortalProfileBody = z.object({ name: z.string().trim().min(1).max(200).optional(), language: Language.optional() }).strict();

export const PortalAttachment = z.object({ id: Id, fileName: z.string(), contentType: z.string(), size: z.number().int() });
export type PortalAttachment = z.infer<typeof PortalAttachment>;
/** A file uploaded in the portal and not sent yet. */
export const PortalUpload = PortalAttachment;

/** One message of the public conversation (never notes, activities or changes). */
export const PortalMessage = z.object({
  id: z.number().int(),
  author: z.object({ type: z.enum(['customer', 'agent', 'system']), name: z.string(), isYou: z.boolean() }),
  body: z.string(),
  createdAt: Timestamp,
  attachments: z.array(PortalAttachment),
});
export type PortalMessage = z.infer<typeof PortalMessage>;

export const PortalRequestSummary = z.object({
  id: Id,
  number: z.number().int(),
  subject: z.string(),
  status: Status,
  /** The requester: the signed-in customer, or a colleague of a sharing organization. */
  requester: z.object({ name: z.string(), isYou: z.boolean() }),
  organization: z.string().nullable(),
  topic: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PortalRequestSummary = z.infer<typeof PortalRequestSummary>;

export const PortalRequest = PortalRequestSummary.extend({
  messages: z.array(PortalMessage),
  /** Values of customer-visible fields, with their labels. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), type: FieldType, value: z.union([z.string(), z.number(), z.boolean()]) })),
  /** Only the requester writes and solves; colleagues read. Closed requests take no messages. */
  canReply: z.boolean(),
  canSolve: z.boolean(),
  /** Set when agents merged this request into another one of yours. */
  mergedInto: z.object({ number: z.number().int() }).nullable(),
});
export type PortalRequest = z.infer<typeof PortalRequest>;

export const portalScopes = ['mine', 'organization'] as const;
export const PortalRequestsQuery = z
  .object({
    scope: z.enum(portalScopes).default('mine'),
    state: z.enum(['open', 'solved', 'all']).default('all'),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export const PortalRequestPage = z.object({ items: z.array(PortalRequestSummary), nextCursor: z.string().nullable() });

/** A request in a path: its number (what customers see and say) or its UUID. */
export const PortalRequestParams = z
  .object({ ref: z.union([Id, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)], { error: 'must be a request number' }) })
  .strict();

export const PortalFormField = z.object({ key: z.string(), label: z.string(), type: FieldType, options: z.array(z.string()), required: z.boolean() });
export const PortalTopic = z.object({ teamId: Id, name: z.string(), fields: z.array(PortalFormField) });
export const PortalForm = z.object({ topics: z.array(PortalTopic), maxUploadBytes: z.number().int(), maxFiles: z.number().int() });
export type PortalForm = z.infer<typeof PortalForm>;

/** At most this many files per message. */
export const PORTAL_MAX_FILES = 5;
const UploadIds = z.array(Id).max(PORTAL_MAX_FILES);

export const CreatePortalRequestBody = z
  .object({
    subject: z.string().trim().min(1).max(300),
    body: z.string().trim().min(1).max(50_000),
    teamId: Id.nullable().optional(),
    customFields: CustomFieldValues.default({}),
    uploadIds: UploadIds.default([]),
  })
  .strict();
export const PortalReplyBody = z.object({ body: z.string().trim().min(1).max(50_000), uploadIds: UploadIds.default([]) }).strict();

/** What the customer's WebSocket (/api/v1/portal/realtime) pushes: only their own requests' public side. */
export const PortalSocketMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), number: z.number().int(), message: PortalMessage }),
  z.object({ type: z.literal('request'), number: z.number().int(), status: Status }),
]);
export type PortalSocketMessage = z.infer<typeof PortalSocketMessage>;

/** Admin: which teams appear as topics, which case fields customers see, which organizations share. */
export const PortalAdminConfig = z.object({
  topics: z.array(z.object({ teamId: Id, name: z.string(), hiddenRequiredFields: z.array(z.string()) })),
  fields: z.array(z.object({ id: Id, key: z.string(), label: z.string(), active: z.boolean(), customerVisible: z.boolean() })),
  sharingOrganizations: z.array(z.object({ id: Id, name: z.string() })),
});
export type PortalAdminConfig = z.infer<typeof PortalAdminConfig>;
export const PutPortalTopicsBody = z.object({ teamIds: z.array(Id).max(50) }).strict();
export const PutPortalFieldsBody = z.object({ customerVisibleFieldIds: z.array(Id).max(500) }).strict();
export const OrganizationSharingBody = z.object({ membersSeeRequests: z.boolean() }).strict();
