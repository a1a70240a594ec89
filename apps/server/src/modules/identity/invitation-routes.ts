import { AcceptInvitationBody, InvitationInfo, InvitationTokenParams, Session } from '@switchboard/contracts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { acceptInvitation, findInvitation } from './invitations.ts';
import { getUser } from './queries.ts';
import { setSessionCookie } from './sessions.ts';

const tag = 'Identity';

export const invitationRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/invitations/:token',
    summary: 'Who an invitation link is for (404 when unknown, expired or used)',
    tag,
    auth: 'public',
    params: InvitationTokenParams,
    response: InvitationInfo,
    handler: ({ app, params }) => findInvitation(app.db, params.token),
  }),
  route({
    method: 'POST',
    path: '/api/v1/invitations/:token/accept',
    summary: 'Set your password with an invitation link; signs you in (sets the session cookie)',
    tag,
    auth: 'public',
    params: InvitationTokenParams,
    body: AcceptInvitationBody,
    response: Session,
    handler: async ({ app, params, body, req, reply, transaction }) => {
      const s = await transaction((tx) => acceptInvitation(app, tx, req, params.token, body.password));
      setSessionCookie(app, reply, s);
      return { user: await getUser(app.db, s.userId), csrfToken: s.csrfToken };
    },
  }),
];
