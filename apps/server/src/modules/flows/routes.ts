import { z } from 'zod';
import {
  CreateFlowBody,
  Flow,
  FlowAnalytics,
  FlowAnalyticsQuery,
  FlowIssue,
  FlowSummary,
  FlowVersion,
  FlowVersionParams,
  IdParams,
  PublishFlowBody,
  UpdateFlowBody,
  ValidateFlowBody,
} from '@switchboard/contracts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { flowAnalytics } from './analytics.ts';
import { createFlow, publishFlow, referenceIssues, updateFlow } from './manage-flows.ts';
import { assertMayManageFlows } from './policy.ts';
import { getFlow, getVersion, listFlows } from './queries.ts';
import { validateFlow } from './validate.ts';

const tag = 'Flows';

/** The flow editor's API (supervisors and admins). */
export const flowEditorRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/flows',
    summary: 'Every troubleshooting flow with its published version (supervisor, admin)',
    tag,
    auth: 'staff',
    response: z.object({ items: z.array(FlowSummary) }),
    handler: async ({ app, actor }) => {
      assertMayManageFlows(actor);
      return { items: await listFlows(app.db) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/flows',
    summary: 'Add a flow (a draft until published)',
    tag,
    auth: 'staff',
    body: CreateFlowBody,
    response: Flow,
    status: 201,
    idempotent: true,
    handler: ({ actor, body, transaction }) => transaction((tx) => createFlow(actor, tx, body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/flows/validate',
    summary: 'Check a tree without saving it: dead ends, branches without an outcome, loops, unreachable steps',
    tag,
    auth: 'staff',
    body: ValidateFlowBody,
    response: z.object({ issues: z.array(FlowIssue) }),
    handler: async ({ app, actor, body }) => {
      assertMayManageFlows(actor);
      return { issues: [...validateFlow(body.draft), ...(await referenceIssues(app.db, body.draft))] };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/flows/:id',
    summary: 'One flow: draft, its validation, versions; the ETag is its version',
    tag,
    auth: 'staff',
    params: IdParams,
    response: Flow,
    handler: async ({ app, actor, params, reply }) => {
      assertMayManageFlows(actor);
      const flow = await getFlow(app.db, params.id);
      reply.header('etag', `"${flow.version}"`);
      return flow;
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/flows/:id',
    summary: 'Save the draft or change settings (If-Match); published versions and runs are not affected',
    tag,
    auth: 'staff',
    versioned: true,
    params: IdParams,
    body: UpdateFlowBody,
    response: Flow,
    handler: async ({ actor, params, body, transaction, expectedVersion, reply }) => {
      const { version, ...changes } = body;
      const flow = await transaction((tx) => updateFlow(actor, tx, params.id, expectedVersion(version), changes));
      reply.header('etag', `"${flow.version}"`);
      return flow;
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/flows/:id/publish',
    summary: 'Publish the draft as the next version (If-Match or version); refused while it has errors',
    tag,
    auth: 'staff',
    versioned: true,
    params: IdParams,
    body: PublishFlowBody,
    response: Flow,
    handler: ({ actor, params, body, transaction, expectedVersion }) => transaction((tx) => publishFlow(actor, tx, params.id, expectedVersion(body.version))),
  }),
  route({
    method: 'GET',
    path: '/api/v1/flows/:id/versions/:version',
    summary: 'One published version of a flow',
    tag,
    auth: 'staff',
    params: FlowVersionParams,
    response: FlowVersion,
    handler: async ({ app, actor, params }) => {
      assertMayManageFlows(actor);
      return getVersion(app.db, params.id, params.version);
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/flows/:id/analytics',
    summary: 'How runs end (per outcome) and where they are abandoned',
    tag,
    auth: 'staff',
    params: IdParams,
    query: FlowAnalyticsQuery,
    response: FlowAnalytics,
    handler: async ({ app, actor, params, query }) => {
      assertMayManageFlows(actor);
      return flowAnalytics(app.db, params.id, query.version, actor.language);
    },
  }),
];
