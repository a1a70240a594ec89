/** Notifications: the in-app inbox of what happened to a user's cases (assigned, customer wrote). */
export { notificationRoutes } from './routes.ts';
export { notifyUser, excerptOf, type NewNotification } from './notify-user.ts';
