import { z } from 'zod';
import {
  CreateCustomerBody,
  CreateOrganizationBody,
  Customer,
  CustomerQuery,
  IdParams,
  MergeCustomersBody,
  Organization,
  OrganizationQuery,
  pageOf,
  UpdateCustomerBody,
  UpdateOrganizationBody,
} from '@switchboard/contracts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { createOrganization, updateOrganization } from './organizations.ts';
import { getCustomer, getOrganization, listCustomers, listOrganizations } from './queries.ts';
import { createCustomer, mergeCustomers, updateCustomer } from './write-customer.ts';

const tag = 'Customers';
const NameCursor = z.object({ name: z.string(), id: z.uuid() });

export const customerRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/customers',
    summary: 'List customers, or search by partial name, email or phone (q)',
    tag,
    auth: 'staff',
    query: CustomerQuery,
    response: pageOf(Customer),
    handler: async ({ app, actor, query }) => {
      const page = await listCustomers(app.db, {
        q: query.q || undefined,
        organizationId: query.organizationId,
        accountOwnerId: query.accountOwnerId === 'me' ? actor.id : query.accountOwnerId,
        limit: query.limit,
        cursor: decodeCursor(query.cursor, NameCursor),
      });
      return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/customers',
    summary: 'Create a customer',
    tag,
    auth: 'staff',
    body: CreateCustomerBody,
    response: Customer,
    status: 201,
    idempotent: true,
    handler: ({ app, actor, body, transaction }) => transaction((tx) => createCustomer(app, actor, tx, body)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/customers/:id',
    summary: 'One customer, with the important fields still missing',
    tag,
    auth: 'staff',
    params: IdParams,
    response: Customer,
    handler: async ({ app, params, reply }) => {
      const customer = await getCustomer(app.db, params.id);
      reply.header('etag', `"${customer.version}"`);
      return customer;
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/customers/:id',
    summary: 'Change a customer (If-Match or version required)',
    tag,
    auth: 'staff',
    versioned: true,
    params: IdParams,
    body: UpdateCustomerBody,
    response: Customer,
    handler: async ({ app, actor, params, body, transaction, expectedVersion, reply }) => {
      const customer = await transaction((tx) => updateCustomer(app, actor, tx, params.id, expectedVersion(body.version), body));
      reply.header('etag', `"${customer.version}"`);
      return customer;
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/customers/:id/merge',
    summary: 'Merge another customer (sourceId) into this one; their cases follow',
    tag,
    auth: 'staff',
    params: IdParams,
    body: MergeCustomersBody,
    response: Customer,
    handler: ({ app, actor, params, body, transaction }) => transaction((tx) => mergeCustomers(app, actor, tx, params.id, body.sourceId)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/organizations',
    summary: 'List or search organizations',
    tag,
    auth: 'staff',
    query: OrganizationQuery,
    response: pageOf(Organization),
    handler: async ({ app, query }) => {
      const page = await listOrganizations(app.db, { q: query.q || undefined, limit: query.limit, cursor: decodeCursor(query.cursor, NameCursor) });
      return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/organizations',
    summary: 'Create an organization',
    tag,
    auth: 'staff',
    body: CreateOrganizationBody,
    response: Organization,
    status: 201,
    idempotent: true,
    handler: ({ app, actor, body, transaction }) => transaction((tx) => createOrganization(app, actor, tx, body)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/organizations/:id',
    summary: 'One organization',
    tag,
    auth: 'staff',
    params: IdParams,
    response: Organization,
    handler: async ({ app, params, reply }) => {
      const org = await getOrganization(app.db, params.id);
      reply.header('etag', `"${org.version}"`);
      return org;
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/organizations/:id',
    summary: 'Change an organization (If-Match or version required)',
    tag,
    auth: 'staff',
    versioned: true,
    params: IdParams,
    body: UpdateOrganizationBody,
    response: Organization,
    handler: ({ app, actor, params, body, transaction, expectedVersion }) =>
      transaction((tx) => updateOrganization(app, actor, tx, params.id, expectedVersion(body.version), body)),
  }),
];
