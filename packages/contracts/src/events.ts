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
] as const;
