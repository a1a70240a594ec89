import { z } from 'zod';
import { Case, CaseSearchQuery, Customer, Organization } from '@switchboard/contracts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { searchCases } from '../cases/index.ts';
import { listCustomers, listOrganizations } from '../customers/index.ts';

export const searchRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/search',
    summary: 'Cases (by number or subject), customers (name, email, phone) and organizations matching partial input',
    tag: 'Search',
    auth: 'staff',
    query: CaseSearchQuery,
    response: z.object({ cases: z.array(Case), customers: z.array(Customer), organizations: z.array(Organization) }),
    handler: async ({ app, actor, query }) => {
      const [cases, customers, organizations] = [
        await searchCases(app.db, actor, query.q, query.limit),
        await listCustomers(app.db, { q: query.q, limit: query.limit }),
        await listOrganizations(app.db, { q: query.q, limit: query.limit }),
      ];
      return { cases, customers: customers.items, organizations: organizations.items };
    },
  }),
];
