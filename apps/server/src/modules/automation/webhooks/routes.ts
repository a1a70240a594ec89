import { z } from 'zod';
import {
  CreateWebhookBody,
  DeliveryParams,
  DeliveryQuery,
  IdParams,
  UpdateWebhookBody,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '@switchboard/contracts';
import { route, type RouteSpec } from '../../../platform/http/routes.ts';
import { createEndpoint, deleteEndpoint, listDeliveries, listEndpoints, redeliver, regenerateSecret, updateEndpoint } from './manage-endpoints.ts';

const tag = 'Webhooks';

export const webhookRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/webhooks',
    summary: 'Outgoing webhook endpoints (admin)',
    tag,
    auth: 'staff',
    response: z.object({ items: z.array(WebhookEndpoint) }),
    handler: async ({ app, actor }) => ({ items: await listEndpoints(app, actor) }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/webhooks',
    summary: 'Add an endpoint; the response shows its signing secret, this once (admin)',
    tag,
    auth: 'staff',
    body: CreateWebhookBody,
    response: WebhookEndpointWithSecret,
    status: 201,
    idempotent: true,
    handler: ({ app, actor, body, transaction }) => transaction((tx) => createEndpoint(app, actor, tx, body)),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/webhooks/:id',
    summary: 'Change, enable or disable an endpoint (admin)',
    tag,
    auth: 'staff',
    params: IdParams,
    body: UpdateWebhookBody,
    response: WebhookEndpoint,
    handler: ({ app, actor, params, body, transaction }) => transaction((tx) => updateEndpoint(app, actor, tx, params.id, body)),
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/webhooks/:id',
    summary: 'Delete an endpoint and its delivery log (admin)',
    tag,
    auth: 'staff',
    params: IdParams,
    handler: ({ actor, params, transaction }) => transaction((tx) => deleteEndpoint(actor, tx, params.id)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/webhooks/:id/secret',
    summary: 'Replace the signing secret; the response shows the new one, this once (admin)',
    tag,
    auth: 'staff',
    params: IdParams,
    response: WebhookEndpointWithSecret,
    handler: ({ app, actor, params, transaction }) => transaction((tx) => regenerateSecret(app, actor, tx, params.id)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/webhooks/:id/deliveries',
    summary: 'The delivery log of an endpoint, newest first, with every attempt (admin)',
    tag,
    auth: 'staff',
    params: IdParams,
    query: DeliveryQuery,
    response: z.object({ items: z.array(WebhookDelivery) }),
    handler: async ({ app, actor, params, query }) => ({ items: await listDeliveries(app.db, actor, params.id, query.limit) }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/webhooks/:id/deliveries/:deliveryId/redeliver',
    summary: 'Send a delivery again, same body and delivery id (admin)',
    tag,
    auth: 'staff',
    params: DeliveryParams,
    status: 202,
    response: z.object({ queued: z.literal(true) }),
    handler: async ({ app, actor, params, transaction }) => {
      await transaction((tx) => redeliver(app, actor, tx, params.id, params.deliveryId));
      return { queued: true as const };
    },
  }),
];
