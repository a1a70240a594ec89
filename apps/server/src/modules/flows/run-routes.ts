import { CaseFlows, CaseRefParams, FlowRun, FlowRunAnswerBody, FlowRunBackBody, FlowRunFinishBody, IdParams, StartFlowRunBody } from '@switchboard/contracts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { finishRun } from './apply-outcome.ts';
import { caseFlows } from './case-flows.ts';
import { abandonRun, answerRun, backRun, getRun, startRun } from './run-flow.ts';

const tag = 'Flows';

/** Running flows on cases (every agent, on cases they can see). */
export const flowRunRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/cases/:id/flows',
    summary: "The case's flows: the run in progress, suggested flows (by tag and team), all flows, earlier runs",
    tag,
    auth: 'staff',
    params: CaseRefParams,
    response: CaseFlows,
    handler: ({ app, actor, params }) => caseFlows(app.db, actor, params.id),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/:id/flow-runs',
    summary: 'Start a flow on the case, pinned to its current published version',
    tag,
    auth: 'staff',
    params: CaseRefParams,
    body: StartFlowRunBody,
    response: FlowRun,
    status: 201,
    idempotent: true,
    handler: ({ app, actor, params, body, transaction }) => transaction((tx) => startRun(app, actor, tx, params.id, body)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/flow-runs/:id',
    summary: 'One run: its current step and the path so far',
    tag,
    auth: 'staff',
    params: IdParams,
    response: FlowRun,
    handler: ({ app, actor, params }) => app.db.transaction((tx) => getRun(tx, actor, params.id)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/flow-runs/:id/answer',
    summary: 'Answer the current step (documented on the case)',
    tag,
    auth: 'staff',
    params: IdParams,
    body: FlowRunAnswerBody,
    response: FlowRun,
    handler: ({ app, actor, params, body, transaction }) => transaction((tx) => answerRun(app, actor, tx, params.id, body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/flow-runs/:id/back',
    summary: 'Go back one step, taking back its answer (documented on the case)',
    tag,
    auth: 'staff',
    params: IdParams,
    body: FlowRunBackBody,
    response: FlowRun,
    handler: ({ app, actor, params, body, transaction }) => transaction((tx) => backRun(app, actor, tx, params.id, body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/flow-runs/:id/finish',
    summary: "Apply the outcome the run reached: status, tags, transfer, article, appointment request",
    tag,
    auth: 'staff',
    params: IdParams,
    body: FlowRunFinishBody,
    response: FlowRun,
    handler: ({ app, actor, params, body, transaction }) => transaction((tx) => finishRun(app, actor, tx, params.id, body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/flow-runs/:id/abandon',
    summary: 'Stop the run before an outcome',
    tag,
    auth: 'staff',
    params: IdParams,
    response: FlowRun,
    handler: ({ app, actor, params, transaction }) => transaction((tx) => abandonRun(app, actor, tx, params.id)),
  }),
];
