import { z } from 'zod';
import { CaseParticipant, CaseRefParams, MailboxTemplate, MailboxTemplateQuery, ParticipantBody, ResetMailboxTemplateBody, SaveMailboxTemplateBody } from '@switchboard/contracts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { assertAdmin } from '../identity/index.ts';
import { getCase } from '../cases/index.ts';
import { caseParticipants } from './queries.ts';
import { listTemplates, resetTemplate, saveTemplate } from './templates.ts';

const tag = 'Email';

/** Email templates per mailbox and language, and the participants (Cc) of a case's conversation. */
export const conversationRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/email/templates',
    summary: 'Acknowledgement and reply templates in every language, of one mailbox (mailboxId) or shared by all (admins)',
    tag,
    auth: 'staff',
    query: MailboxTemplateQuery,
    response: z.object({ items: z.array(MailboxTemplate) }),
    handler: async ({ app, actor, query }) => {
      assertAdmin(actor);
      return { items: await listTemplates(app.db, query.mailboxId ?? null) };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/v1/email/templates',
    summary: 'Saves a template; unknown placeholders are refused (admins)',
    tag,
    auth: 'staff',
    body: SaveMailboxTemplateBody,
    response: MailboxTemplate,
    handler: ({ actor, body, transaction }) => transaction((tx) => saveTemplate(actor, tx, body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/email/templates/reset',
    summary: 'Goes back to the shared or built-in text (admins)',
    tag,
    auth: 'staff',
    body: ResetMailboxTemplateBody,
    status: 204,
    handler: async ({ actor, body, transaction }) => {
      await transaction((tx) => resetTemplate(actor, tx, body));
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/:id/participants',
    summary: 'Everyone besides the requester on the case’s email conversation (reply-all writes to them)',
    tag,
    auth: 'staff',
    params: CaseRefParams,
    response: z.object({ items: z.array(CaseParticipant) }),
    handler: async ({ app, actor, params }) => {
      const c = await getCase(app.db, actor, params.id);
      return { items: await caseParticipants(app.db, c.id) };
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/cases/:id/participants',
    summary: 'Takes someone off the conversation: reply-all no longer writes to them',
    tag,
    auth: 'staff',
    params: CaseRefParams,
    query: ParticipantBody.pick({ email: true }).strict(),
    status: 204,
    handler: async ({ actor, params, query, transaction }) => {
      await transaction(async (tx) => {
        const c = await getCase(tx, actor, params.id);
        await tx.query(`delete from case_participants where case_id = $1 and email = lower($2)`, [c.id, query.email]);
      });
    },
  }),
];
