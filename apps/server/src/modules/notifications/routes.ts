import { MarkNotificationsReadBody, NotificationPage, NotificationQuery, UnreadCount } from '@switchboard/contracts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { markNotificationsRead } from './mark-read.ts';
import { listNotifications } from './queries.ts';

const tag = 'Notifications';

export const notificationRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/notifications',
    summary: 'Your notifications, newest first, with the number of unread ones; unread=true for unread only',
    tag,
    auth: 'staff',
    query: NotificationQuery,
    response: NotificationPage,
    handler: ({ app, actor, query }) => listNotifications(app.db, actor.id, query),
  }),
  route({
    method: 'POST',
    path: '/api/v1/notifications/read',
    summary: 'Mark notifications as read: some (ids) or all (all: true)',
    tag,
    auth: 'staff',
    body: MarkNotificationsReadBody,
    response: UnreadCount,
    handler: ({ app, actor, body, transaction }) => transaction((tx) => markNotificationsRead(app, actor, tx, body)),
  }),
];
