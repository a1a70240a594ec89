/** Customer portal: sign-in by emailed link, "my requests", branding of portal and help center. */
import { portalAdminRoutes } from './admin-routes.ts';
import { notifyReplyJob } from './notify-reply.ts';
import { prunePortalJob } from './prune-portal.ts';
import { portalRoutes as customerRoutes } from './routes.ts';

export { getBranding, defaultBranding } from './branding.ts';
export { registerPortal, portalDist } from './portal-app.ts';
export { seedPortalDemo } from './demo.ts';

/** The customer routes and the admin routes of the portal. */
export const portalRoutes = [...customerRoutes, ...portalAdminRoutes];
/** Reply mails for portal cases, and the hourly clean-up of links, sessions and uploads. */
export const portalJobs = [notifyReplyJob, prunePortalJob];
