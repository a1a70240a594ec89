import { CaseRefParams, ChatCaseState, ChatChannel, ChatReadBody, CreateChatChannelBody, IdParams, UpdateChatChannelBody } from '@switchboard/contracts';
import { z } from 'zod';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { createChatChannel, rotateChatSecret, updateChatChannel } from './manage-channels.ts';
import { assertMayManageChannels } from './policy.ts';
import { listChannels } from './queries.ts';
import { chatCaseState, markAgentRead } from './read-receipts.ts';

const tag = 'Chat';
const CaseParams = CaseRefParams;

/** Admin: widget channels. Agents: the chat side of a case. */
export const chatRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/chat/channels',
    summary: 'Chat widget channels with their identity secrets (admins)',
    tag,
    auth: 'staff',
    response: z.object({ items: z.array(ChatChannel) }),
    handler: async ({ app, actor }) => {
      assertMayManageChannels(actor);
      return { items: await listChannels(app.db, app.secrets) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/chat/channels',
    summary: 'Adds a chat widget channel: team, colors, greeting, languages, pre-chat form, allowed website origins (admins)',
    tag,
    auth: 'staff',
    body: CreateChatChannelBody,
    response: ChatChannel,
    status: 201,
    idempotent: true,
    handler: ({ app, actor, body, transaction }) => transaction((tx) => createChatChannel(app, actor, tx, body)),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/chat/channels/:id',
    summary: 'Changes a chat widget channel (admins; If-Match)',
    tag,
    auth: 'staff',
    params: IdParams,
    body: UpdateChatChannelBody,
    response: ChatChannel,
    versioned: true,
    handler: ({ app, actor, params, body, transaction, expectedVersion }) => {
      const version = expectedVersion(body.version);
      return transaction((tx) => updateChatChannel(app, actor, tx, params.id, version, body));
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/chat/channels/:id/rotate-secret',
    summary: 'Replaces the identity secret; signatures made with the old one are refused from now on (admins)',
    tag,
    auth: 'staff',
    params: IdParams,
    response: ChatChannel,
    handler: ({ app, actor, params, transaction }) => transaction((tx) => rotateChatSecret(app, actor, tx, params.id)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/chat/cases/:id',
    summary: 'The chat side of a case: its widget channel, whether the visitor is there, read marks, chat or email mode',
    tag,
    auth: 'staff',
    params: CaseParams,
    response: ChatCaseState,
    handler: ({ app, actor, params }) => chatCaseState(app.db, actor, params.id),
  }),
  route({
    method: 'POST',
    path: '/api/v1/chat/cases/:id/read',
    summary: 'The agent read the visitor’s messages up to an entry id: the widget shows them as read',
    tag,
    auth: 'staff',
    params: CaseParams,
    body: ChatReadBody,
    response: ChatCaseState,
    handler: ({ app, actor, params, body, transaction }) => transaction((tx) => markAgentRead(app, actor, tx, params.id, body.upTo)),
  }),
];
