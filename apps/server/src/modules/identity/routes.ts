import { z } from 'zod';
import {
  ApiToken,
  CreateApiTokenBody,
  CreatedApiToken,
  CreateTeamBody,
  CreatedUser,
  CreateUserBody,
  IdParams,
  IssuedInvitation,
  LoginBody,
  Session,
  Team,
  UpdateProfileBody,
  UpdateTeamBody,
  UpdateUserBody,
  User,
  UserQuery,
} from '@switchboard/contracts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { forgetAuthentications } from './auth-cache.ts';
import { createUser } from './create-user.ts';
import { getTeam, getUser, listTeams, listUsers } from './queries.ts';
import { issueInvitation } from './invitations.ts';
import { SESSION_COOKIE, setSessionCookie, signIn, signOut } from './sessions.ts';
import { createTeam, updateTeam } from './teams.ts';
import { sha256 } from './tokens.ts';
import { updateProfile, updateUser } from './update-user.ts';

const tag = 'Identity';

export const identityRoutes: RouteSpec[] = [
  route({
    method: 'POST',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password; sets the session cookie',
    tag,
    auth: 'public',
    body: LoginBody,
    response: Session,
    handler: async ({ app, body, req, reply }) => {
      const s = await signIn(app, req, body.email, body.password);
      setSessionCookie(app, reply, s);
      return { user: await getUser(app.db, s.userId), csrfToken: s.csrfToken };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/logout',
    summary: 'Sign out: ends the session',
    tag,
    auth: 'user',
    handler: async ({ app, req, reply }) => {
      await signOut(app, req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/auth/me',
    summary: 'The signed-in user, with the CSRF token of the session',
    tag,
    auth: 'user',
    response: Session,
    handler: async ({ app, actor, req }) => {
      const auth = await app.db.query<{ csrf_token: string }>('select csrf_token from sessions where user_id = $1 and id = $2', [
        actor.id,
        sha256(req.cookies[SESSION_COOKIE] ?? ''),
      ]);
      return { user: await getUser(app.db, actor.id), csrfToken: auth.rows[0]?.csrf_token ?? null };
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/auth/me',
    summary: 'Change your own name, language, time zone or password',
    tag,
    auth: 'user',
    body: UpdateProfileBody,
    response: User,
    handler: ({ app, actor, body, transaction }) => transaction((tx) => updateProfile(app, actor, tx, body)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/users',
    summary: 'Staff users (agents, supervisors, admins)',
    tag,
    auth: 'staff',
    query: UserQuery,
    response: z.object({ items: z.array(User) }),
    handler: async ({ app, query }) => ({ items: await listUsers(app.db, query) }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/users',
    summary: 'Create a user (admin); without a password the answer carries a one-time invitation link',
    tag,
    auth: 'staff',
    body: CreateUserBody,
    response: CreatedUser,
    status: 201,
    idempotent: true,
    handler: async ({ app, actor, body, transaction }) => {
      let inviteUrl: string | null = null;
      const user = await transaction(async (tx) => {
        const created = await createUser(app, actor, tx, body);
        inviteUrl = created.inviteUrl;
        // What the idempotency store keeps for a replay: not the live link (only its hash is stored).
        return { ...created, inviteUrl: null };
      });
      return { ...user, inviteUrl };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/users/:id',
    summary: 'One user',
    tag,
    auth: 'staff',
    params: IdParams,
    response: User,
    handler: async ({ app, params, reply }) => {
      const user = await getUser(app.db, params.id);
      reply.header('etag', `"${user.version}"`);
      return user;
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/users/:id',
    summary: 'Change a user: role, teams, active, password (admin)',
    tag,
    auth: 'staff',
    versioned: true,
    params: IdParams,
    body: UpdateUserBody,
    response: User,
    handler: ({ app, actor, params, body, transaction, expectedVersion }) =>
      transaction((tx) => updateUser(app, actor, tx, params.id, expectedVersion(body.version), body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/users/:id/invite',
    summary: 'Issue a new invitation link for a user (admin); earlier unused links stop working',
    tag,
    auth: 'staff',
    params: IdParams,
    response: IssuedInvitation,
    status: 201,
    handler: ({ app, actor, params, transaction }) => transaction((tx) => issueInvitation(app, actor, tx, params.id)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/teams',
    summary: 'Teams (departments) with their members',
    tag,
    auth: 'staff',
    response: z.object({ items: z.array(Team) }),
    handler: async ({ app }) => ({ items: await listTeams(app.db) }),
  }),
  route({
    method: 'GET',
    path: '/api/v1/teams/:id',
    summary: 'One team',
    tag,
    auth: 'staff',
    params: IdParams,
    response: Team,
    handler: async ({ app, params, reply }) => {
      const team = await getTeam(app.db, params.id);
      reply.header('etag', `"${team.version}"`);
      return team;
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/teams',
    summary: 'Create a team (admin)',
    tag,
    auth: 'staff',
    body: CreateTeamBody,
    response: Team,
    status: 201,
    idempotent: true,
    handler: ({ app, actor, body, transaction }) => transaction((tx) => createTeam(app, actor, tx, body)),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/teams/:id',
    summary: 'Rename a team or replace its members (admin)',
    tag,
    auth: 'staff',
    versioned: true,
    params: IdParams,
    body: UpdateTeamBody,
    response: Team,
    handler: ({ app, actor, params, body, transaction, expectedVersion }) =>
      transaction((tx) => updateTeam(app, actor, tx, params.id, expectedVersion(body.version), body)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/tokens',
    summary: 'Your personal API tokens',
    tag,
    auth: 'user',
    response: z.object({ items: z.array(ApiToken) }),
    handler: async ({ app, actor }) => ({ items: await listApiTokens(app.db, actor) }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/tokens',
    summary: 'Create a personal API token; the secret is shown once',
    tag,
    auth: 'user',
    body: CreateApiTokenBody,
    response: CreatedApiToken,
    status: 201,
    handler: ({ app, actor, body }) => createApiToken(app.db, actor, body),
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/tokens/:id',
    summary: 'Revoke one of your API tokens',
    tag,
    auth: 'user',
    params: IdParams,
    handler: async ({ app, actor, params }) => {
      await revokeApiToken(app.db, actor, params.id);
      forgetAuthentications(app);
    },
  }),
];
