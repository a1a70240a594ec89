import { z } from 'zod';
import { CreateViewBody, IdParams, UpdateViewBody, View, ViewWithCount } from '@switchboard/contracts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { countCases } from './list-cases.ts';
import { createView, deleteView, listViews, updateView } from './views.ts';

const tag = 'Views';

export const viewRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/views',
    summary: 'Built-in, shared and personal views with their case counts',
    tag,
    auth: 'staff',
    response: z.object({ items: z.array(ViewWithCount) }),
    handler: async ({ app, actor }) => {
      const views = await listViews(app.db, actor);
      const items = [];
      for (const v of views) {
        const { count, capped } = await countCases(app.db, actor, v.filters);
        items.push({ ...v, count, countCapped: capped });
      }
      return { items };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/views',
    summary: 'Save a view (shared: supervisors and admins)',
    tag,
    auth: 'staff',
    body: CreateViewBody,
    response: View,
    status: 201,
    idempotent: true,
    handler: ({ actor, body, transaction }) => transaction((tx) => createView(actor, tx, body)),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/views/:id',
    summary: 'Change a saved view',
    tag,
    auth: 'staff',
    versioned: true,
    params: IdParams,
    body: UpdateViewBody,
    response: View,
    handler: ({ actor, params, body, transaction, expectedVersion }) => transaction((tx) => updateView(actor, tx, params.id, expectedVersion(body.version), body)),
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/views/:id',
    summary: 'Delete a saved view',
    tag,
    auth: 'staff',
    params: IdParams,
    handler: ({ actor, params, transaction }) => transaction((tx) => deleteView(actor, tx, params.id)),
  }),
];
