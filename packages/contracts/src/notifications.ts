import { z } from 'zod';
import { Id, Timestamp } from './common.ts';

export const notificationKinds = ['assigned', 'customer_replied', 'escalated', 'sla_warning', 'sla_breached'] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Notification ids are decimal strings (a bigint sequence). */
export const NotificationId = z.string().regex(/^[1-9][0-9]{0,17}$/, 'is not a notification id');

/** Something the signed-in user should look at: a case given to them, or their customer wrote. */
export const Notification = z.object({
  id: NotificationId,
  kind: NotificationKind,
  case: z.object({ id: Id, number: z.number().int(), subject: z.string() }),
  /** assigned: the user who assigned the case (null: the system); customer_replied: the customer who wrote. */
  actor: z.object({ id: Id, name: z.string() }).nullable(),
  /** customer_replied: the start of the message (about 140 characters); otherwise ''. */
  excerpt: z.string(),
  read: z.boolean(),
  createdAt: Timestamp,
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(30),
    cursor: z.string().max(500).optional(),
    /** true: only unread ones. */
    unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  })
  .strict();

export const NotificationPage = z.object({
  items: z.array(Notification),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});

/** Mark some (ids) or all (all: true) of your notifications as read; give exactly one. */
export const MarkNotificationsReadBody = z
  .object({ ids: z.array(NotificationId).min(1).max(200).optional(), all: z.boolean().optional() })
  .strict()
  .refine((b) => (b.ids !== undefined) !== (b.all === true), { message: 'give either ids or all: true', path: ['ids'] });

export const UnreadCount = z.object({ unreadCount: z.number().int() });
