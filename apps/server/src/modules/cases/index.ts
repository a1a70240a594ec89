/** Cases: the timeline and its attachments, views, merge and links, and who sees which case. */
export { caseRoutes } from './routes.ts';
export { viewRoutes } from './view-routes.ts';
export { attachmentRoutes } from './attachment-routes.ts';
export { createCase, openCase } from './create-case.ts';
export { getCase } from './queries.ts';
export { updateCase, type CaseChanges } from './update-case.ts';
export { addEntry } from './add-entry.ts';
export { addActivity, type NewActivity } from './add-activity.ts';
export { mergeCases, linkCases } from './merge-cases.ts';
export { searchCases, listCases, countCases } from './list-cases.ts';
export { canSeeCase, caseVisibility, caseAudience } from './policy.ts';
export { pruneUploadsJob } from './prune-uploads.ts';
export { attachReceivedFiles, type ReceivedFile } from './attachments.ts';
