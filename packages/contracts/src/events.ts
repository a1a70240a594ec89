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
] as const;
