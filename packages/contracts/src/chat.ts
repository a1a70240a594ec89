import { z } from 'zod';
import { Id, Language, Timestamp } from './common.ts';
import { Email } from './identity.ts';

/**
 * Live chat: widget channels (admin), the visitor's HTTP and WebSocket protocol (the widget frame),
 * and the agent side of a chat case (presence of the visitor, read receipts).
 */

/** Whether a pre-chat form field is asked for. */
export const chatFieldModes = ['off', 'optional', 'required'] as const;
export const ChatFieldMode = z.enum(chatFieldModes);

export const PreChatSettings = z
  .object({
    name: ChatFieldMode.default('required'),
    email: ChatFieldMode.default('required'),
    topic: ChatFieldMode.default('off'),
    /** The choices of the topic field (the case's subject starts with the chosen one). */
    topics: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
  })
  .strict()
  .refine((p) => p.topic === 'off' || p.topics.length > 0, { message: 'give at least one topic, or switch the topic field off', path: ['topics'] });
export type PreChatSettings = z.output<typeof PreChatSettings>;

const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'is not a color such as #1c7ed6');

/**
 * An allowed website origin: `https://shop.example.com`, a port wildcard `http://127.0.0.1:*` or a
 * sub-domain wildcard `https://*.example.com` — the forms CSP frame-ancestors understands.
 */
export const OriginPattern = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .regex(/^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:(\d{1,5}|\*))?$/, 'is not a website origin such as https://shop.example.com (no path; * allowed for a sub-domain or the port)');

export const ChatColors = z.object({ primary: HexColor, text: HexColor }).strict();
export const ChatGreeting = z.partialRecord(Language, z.string().trim().max(500));

export const ChatChannel = z.object({
  id: Id,
  name: z.string(),
  team: z.object({ id: Id, name: z.string() }).nullable(),
  colors: ChatColors,
  /** The greeting shown when the chat opens, per language. */
  greeting: ChatGreeting,
  /** The widget's languages; the first is used when the visitor's is not among them. */
  languages: z.array(Language),
  preChat: PreChatSettings,
  allowedOrigins: z.array(z.string()),
  /** HMAC-SHA256 key for identified visitors: the host site signs the user id with it. */
  identitySecret: z.string(),
  /** The largest file a visitor may send. */
  maxUploadBytes: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
});
export type ChatChannel = z.infer<typeof ChatChannel>;

const channelFields = {
  name: z.string().trim().min(1).max(100),
  teamId: Id.nullable(),
  colors: ChatColors,
  greeting: ChatGreeting,
  languages: z.array(Language).min(1).max(4).refine((l) => new Set(l).size === l.length, 'lists a language twice'),
  preChat: PreChatSettings,
  allowedOrigins: z.array(OriginPattern).min(1, 'list at least one website the widget may run on').max(50),
  maxUploadBytes: z.number().int().min(1024).max(1_073_741_823),
  active: z.boolean(),
};

export const CreateChatChannelBody = z
  .object({
    ...channelFields,
    teamId: channelFields.teamId.default(null),
    colors: ChatColors.default({ primary: '#1c7ed6', text: '#ffffff' }),
    greeting: ChatGreeting.default({}),
    languages: channelFields.languages.default(['en']),
    preChat: PreChatSettings.default({ name: 'required', email: 'required', topic: 'off', topics: [] }),
    maxUploadBytes: channelFields.maxUploadBytes.default(10 * 1_048_576),
    active: channelFields.active.default(true),
  })
  .strict();

export const UpdateChatChannelBody = z
  .object({
    name: channelFields.name.optional(),
    teamId: channelFields.teamId.optional(),
    colors: channelFields.colors.optional(),
    greeting: channelFields.greeting.optional(),
    languages: channelFields.languages.optional(),
    preChat: channelFields.preChat.optional(),
    allowedOrigins: channelFields.allowedOrigins.optional(),
    maxUploadBytes: channelFields.maxUploadBytes.optional(),
    active: channelFields.active.optional(),
    version: z.number().int().optional(),
  })
  .strict();

// ——— The widget frame (visitor side) ———

/** What the frame page carries for the widget (no secret): colors, texts, form, availability. */
export const WidgetConfig = z.object({
  channelId: Id,
  name: z.string(),
  colors: ChatColors,
  greeting: ChatGreeting,
  languages: z.array(Language),
  preChat: PreChatSettings,
  maxUploadBytes: z.number().int(),
  /** Someone of the channel's team is online right now. */
  online: z.boolean(),
});
export type WidgetConfig = z.infer<typeof WidgetConfig>;

export const WidgetIdentity = z
  .object({
    /** The host site's own id of its signed-in customer. */
    userId: z.string().min(1).max(200),
    /** hex(HMAC-SHA256(channel identity secret, userId)). */
    signature: z.string().min(1).max(200),
    name: z.string().trim().min(1).max(200).optional(),
    email: Email.optional(),
  })
  .strict();

export const WidgetSessionBody = z
  .object({
    channelId: Id,
    /** The origin of the page the widget runs on (the frame's parent). */
    host: z.string().max(300),
    /** The visitor token kept in the frame's storage, to continue a conversation. */
    token: z.string().max(200).optional(),
    identity: WidgetIdentity.optional(),
    language: Language.optional(),
    /** The page the visitor is on (shown to the agent). */
    page: z.string().max(2000).optional(),
  })
  .strict();

export const WidgetAttachment = z.object({ id: Id, fileName: z.string(), contentType: z.string(), size: z.number().int() });

/** One public message of the conversation, as the visitor sees it. Notes never become one. */
export const WidgetMessage = z.object({
  id: z.number().int(),
  /** The id the widget gave its own message (resends carry the same one). */
  clientId: z.string().nullable(),
  from: z.enum(['visitor', 'agent']),
  authorName: z.string(),
  body: z.string(),
  attachments: z.array(WidgetAttachment),
  createdAt: Timestamp,
});
export type WidgetMessage = z.infer<typeof WidgetMessage>;

export const WidgetVisitor = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  identified: z.boolean(),
  /** The pre-chat form is still to be filled in (required fields missing). */
  needsProfile: z.boolean(),
});

export const WidgetSession = z.object({
  /** Keep it in the frame's storage and send it as X-Widget-Token. */
  token: z.string(),
  visitor: WidgetVisitor,
  online: z.boolean(),
  /** 'email': nobody was online, answers go by email (and show here too). */
  mode: z.enum(['chat', 'email']),
  messages: z.array(WidgetMessage),
  /** The agent has read the visitor's messages up to this id. */
  agentReadUpTo: z.number().int(),
  visitorReadUpTo: z.number().int(),
});
export type WidgetSession = z.infer<typeof WidgetSession>;

export const WidgetProfileBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    email: Email.optional(),
    topic: z.string().trim().min(1).max(80).optional(),
  })
  .strict();

/** A client message id: random per message, the same on every resend. */
export const ClientMessageId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'is not a message id (8–64 letters, digits, - or _)');

export const WidgetMessageBody = z.object({ clientId: ClientMessageId, body: z.string().trim().min(1).max(10_000) }).strict();
export const WidgetUploadQuery = z.object({ clientId: ClientMessageId }).strict();

/** What the widget sends over /widget/socket; the first message is `hello`. */
export const VisitorClientMessage = z.discriminatedUnion('type', [
  /** `after`: the last message id the widget has; the answer brings what came since (missed while away). */
  z.object({ type: z.literal('hello'), token: z.string().min(1).max(200), after: z.number().int().min(0).default(0) }).strict(),
  z.object({ type: z.literal('ping') }).strict(),
  z.object({ type: z.literal('message'), clientId: ClientMessageId, body: z.string().trim().min(1).max(10_000) }).strict(),
  z.object({ type: z.literal('typing'), typing: z.boolean() }).strict(),
  z.object({ type: z.literal('read'), upTo: z.number().int().min(0) }).strict(),
]);
export type VisitorClientMessage = z.infer<typeof VisitorClientMessage>;

/** What the server sends to the widget. */
export type VisitorServerMessage =
  | { type: 'ready'; online: boolean; mode: 'chat' | 'email'; agentReadUpTo: number; messages: WidgetMessage[] }
  | { type: 'ack'; clientId: string; message: WidgetMessage; mode: 'chat' | 'email' }
  | { type: 'message'; message: WidgetMessage }
  | { type: 'typing'; typing: boolean; name: string }
  | { type: 'read'; upTo: number }
  | { type: 'availability'; online: boolean }
  | { type: 'error'; code: string; detail: string; clientId?: string }
  | { type: 'pong' };

// ——— The agent side of a chat case ———

export const ChatCaseState = z.object({
  caseId: Id,
  channel: z.object({ id: Id, name: z.string() }),
  visitor: z.object({ name: z.string().nullable(), email: z.string().nullable(), identified: z.boolean(), online: z.boolean() }),
  mode: z.enum(['chat', 'email']),
  /** The visitor has read our messages up to this entry id. */
  visitorReadUpTo: z.number().int(),
  agentReadUpTo: z.number().int(),
  origin: z.string().nullable(),
  page: z.string().nullable(),
});
export type ChatCaseState = z.infer<typeof ChatCaseState>;

export const ChatReadBody = z.object({ upTo: z.number().int().min(0) }).strict();
