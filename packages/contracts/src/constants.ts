/**
 * Plain lists with no zod: clients (the web app) import these from `@switchboard/contracts/constants`
 * so that the schemas stay out of their bundles.
 */
export const languages = ['en', 'de', 'et', 'tr'] as const;
export const roles = ['agent', 'supervisor', 'admin', 'customer'] as const;
export const staffRoles = ['agent', 'supervisor', 'admin'] as const;
export const statuses = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const unsolvedStatuses = ['new', 'open', 'pending', 'on_hold'] as const;
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const channels = ['email', 'chat', 'phone', 'portal', 'walk_in', 'api'] as const;
export const sorts = ['updated_desc', 'updated_asc', 'created_desc', 'created_asc', 'due_asc'] as const;
export const fieldTypes = ['text', 'number', 'date', 'select', 'checkbox'] as const;
export const builtInViews = ['mine', 'unassigned', 'open', 'pending', 'all'] as const;
/** Fields an agent should verify and complete during a contact. */
export const missingFieldKeys = ['email', 'phone', 'preferredLanguage', 'timeZone'] as const;
