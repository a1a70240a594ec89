import { z } from 'zod';

/** Messages a WebSocket client may send. */
export const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }).strict(),
  /** Tell others on the case you are looking at it (collision detection). */
  z.object({ type: z.literal('viewing'), caseId: z.uuid() }).strict(),
  z.object({ type: z.literal('typing'), caseId: z.uuid(), typing: z.boolean() }).strict(),
  z.object({ type: z.literal('left'), caseId: z.uuid() }).strict(),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** Domain event types pushed to clients: `{ type: 'event', event }`. */
export const eventTypes = [
  'case.created',
  'case.updated',
  'case.entry_added',
  'case.merged',
  'case.linked',
  /** A case's SLA clocks moved (due time, paused, breached): payload { caseId, number, sla: CaseSla | null }. */
  'case.sla_changed',
  /** An SLA target is close to being missed: payload { caseId, number, metric, occurrence, dueAt, policyId }. */
  'case.sla_warning',
  /** An SLA target was missed: payload { caseId, number, metric, occurrence, dueAt, policyId }. */
  'case.sla_breached',
  'customer.created',
  'customer.updated',
  'customer.merged',
  'organization.changed',
  'user.changed',
  'team.changed',
  /** Only to the uploader: an upload is private until sent with a message or note. */
  'attachment.uploaded',
  /** Only to the notified user; payload: the Notification. */
  'notification.created',
  /** Only to that user (their other tabs): payload { ids: string[] | null (null: all), unreadCount }. */
  'notification.read',
  /** To the agent's teams: payload { userId, presence } (online/away/offline changed for routing). */
  'agent.presence_changed',
  /** Chat: the visitor of a chat case came or went, typed, or read: payload { caseId, online?, typing?, readUpTo? }. */
  'chat.visitor',
  /** Chat: an agent read the visitor's messages up to an entry: payload { caseId, upTo } (the widget shows it). */
  'chat.agent_read',
] as const;
