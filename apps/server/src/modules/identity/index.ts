/** Identity: users, teams, sessions, API tokens, and who the actor of a request is. */
export { identityRoutes } from './routes.ts';
export { invitationRoutes } from './invitation-routes.ts';
export { makeAuthenticator, actorFor } from './sessions.ts';
export { createUser, setTeams } from './create-user.ts';
export { createTeam } from './teams.ts';
export { createApiToken } from './api-tokens.ts';
export { hashPassword } from './passwords.ts';
export { isStaff, isAdmin, isSupervisorOrAdmin, assertAdmin, assertSupervisorOrAdmin } from './policy.ts';
export { listUsers, listTeams, getUser } from './queries.ts';
export { pruneIdentityJob } from './prune-identity.ts';
