/** Custom fields (typed, per-team forms) and custom statuses. */
export { fieldRoutes } from './routes.ts';
export { missingFormFields, validateCustomFields } from './validate-custom-fields.ts';
export { listFields, teamForm } from './queries.ts';
export { createField, putTeamForm, createCustomStatus } from './manage-fields.ts';
