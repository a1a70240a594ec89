import { z } from 'zod';
import {
  CreateCustomStatusBody,
  CreateFieldBody,
  CustomStatus,
  FieldDefinition,
  IdParams,
  PutTeamFormBody,
  TeamForm,
  UpdateCustomStatusBody,
  UpdateFieldBody,
} from '@switchboard/contracts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { createCustomStatus, createField, listCustomStatuses, putTeamForm, updateCustomStatus, updateField } from './manage-fields.ts';
import { listFields, teamForm } from './queries.ts';

const tag = 'Fields and statuses';

export const fieldRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/fields',
    summary: 'Custom field definitions for cases and customers',
    tag,
    auth: 'staff',
    query: z.object({ entity: z.enum(['case', 'customer']).optional() }).strict(),
    response: z.object({ items: z.array(FieldDefinition) }),
    handler: async ({ app, query }) => ({ items: await listFields(app.db, query.entity) }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/fields',
    summary: 'Define a custom field (admin)',
    tag,
    auth: 'staff',
    body: CreateFieldBody,
    response: FieldDefinition,
    status: 201,
    idempotent: true,
    handler: ({ actor, body, transaction }) => transaction((tx) => createField(actor, tx, body)),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/fields/:id',
    summary: 'Change or retire a custom field (admin)',
    tag,
    auth: 'staff',
    params: IdParams,
    body: UpdateFieldBody,
    response: FieldDefinition,
    handler: ({ actor, params, body, transaction }) => transaction((tx) => updateField(actor, tx, params.id, body)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/teams/:id/form',
    summary: "The case fields of a team's form",
    tag,
    auth: 'staff',
    params: IdParams,
    response: TeamForm,
    handler: async ({ app, params }) => ({ teamId: params.id, fields: await teamForm(app.db, params.id) }),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/teams/:id/form',
    summary: "Set the case fields of a team's form (admin)",
    tag,
    auth: 'staff',
    params: IdParams,
    body: PutTeamFormBody,
    response: TeamForm,
    handler: async ({ app, actor, params, body, transaction }) => {
      await transaction((tx) => putTeamForm(actor, tx, params.id, body));
      return { teamId: params.id, fields: await teamForm(app.db, params.id) };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/statuses',
    summary: 'Custom statuses and the built-in status each maps onto',
    tag,
    auth: 'staff',
    response: z.object({ items: z.array(CustomStatus) }),
    handler: async ({ app }) => ({ items: await listCustomStatuses(app.db) }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/statuses',
    summary: 'Add a custom status (admin)',
    tag,
    auth: 'staff',
    body: CreateCustomStatusBody,
    response: CustomStatus,
    status: 201,
    idempotent: true,
    handler: ({ actor, body, transaction }) => transaction((tx) => createCustomStatus(actor, tx, body)),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/statuses/:id',
    summary: 'Rename, reorder or retire a custom status (admin)',
    tag,
    auth: 'staff',
    params: IdParams,
    body: UpdateCustomStatusBody,
    response: CustomStatus,
    handler: ({ actor, params, body, transaction }) => transaction((tx) => updateCustomStatus(actor, tx, params.id, body)),
  }),
];
