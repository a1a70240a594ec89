import { z } from 'zod';
import {
  AddEntryBody,
  BulkUpdateBody,
  Case,
  CaseQuery,
  CaseRefParams,
  CaseSearchQuery,
  CreateCaseBody,
  LinkCaseBody,
  LinkedCase,
  MergeCasesBody,
  pageOf,
  TimelineEntry,
  TimelineQuery,
  UpdateCaseBody,
  type ViewFilters,
} from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { addEntry, type NewEntry } from './add-entry.ts';
import { createCase } from './create-case.ts';
import { listCases, searchCases, type SortKey } from './list-cases.ts';
import { linkCases, mergeCases } from './merge-cases.ts';
import { getCase, linkedCases, loadCase, timeline } from './queries.ts';
import { bulkUpdateCases, updateCase } from './update-case.ts';
import { findView } from './views.ts';

const tag = 'Cases';
const ListCursor = z.object({ at: z.iso.datetime(), id: z.uuid() });

/** A view's filters, narrowed by ad-hoc query parameters. */
async function resolveListing(db: Queryable, actor: Actor, q: z.output<typeof CaseQuery>): Promise<{ filters: ViewFilters; sort: SortKey }> {
  const view = q.view ? await findView(db, actor, q.view) : undefined;
  const filters: ViewFilters = { ...(view?.filters ?? {}) };
  if (q.status) filters.statuses = q.status;
  if (q.priority) filters.priorities = q.priority;
  if (q.channel) filters.channels = q.channel;
  if (q.teamId) filters.teamIds = q.teamId;
  if (q.assignee) filters.assignee = q.assignee;
  if (q.tag) filters.tags = q.tag;
  if (q.requesterId) filters.requesterId = q.requesterId;
  if (q.organizationId) filters.organizationId = q.organizationId;
  return { filters, sort: q.sort ?? view?.sort ?? 'updated_desc' };
}

/** A reply's Cc becomes its email envelope, which the email channel sends to. */
function withCc(body: z.output<typeof AddEntryBody>): NewEntry {
  if (body.kind !== 'message' || !body.cc?.length) return body;
  const { cc, ...rest } = body;
  const unique = [...new Set(cc.map((a) => a.toLowerCase()))];
  return { ...rest, email: { from: null, to: [], cc: unique.map((address) => ({ address, name: null })), subject: null, html: null, quotedHtml: null, foldAt: null } };
}

export const caseRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/cases',
    summary: 'A page of cases: a view (mine, unassigned, open, pending, all, or a saved view id) and/or filters',
    tag,
    auth: 'staff',
    query: CaseQuery,
    response: pageOf(Case),
    handler: async ({ app, actor, query }) => {
      const { filters, sort } = await resolveListing(app.db, actor, query);
      const page = await listCases(app.db, actor, { filters, sort, limit: query.limit, cursor: decodeCursor(query.cursor, ListCursor) });
      return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases',
    summary: 'Open a case, with its first message',
    tag,
    auth: 'staff',
    body: CreateCaseBody,
    response: Case,
    status: 201,
    idempotent: true,
    groupCommit: true,
    handler: ({ app, actor, body, transaction }) => transaction((tx) => createCase(app, actor, tx, body)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/search',
    summary: 'Find cases by number (#1042) or subject words',
    tag,
    auth: 'staff',
    query: CaseSearchQuery,
    response: z.object({ items: z.array(Case) }),
    handler: async ({ app, actor, query }) => ({ items: await searchCases(app.db, actor, query.q, query.limit) }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/bulk',
    summary: 'Change many cases at once (assign, status, priority, team, tags); all or none',
    tag,
    auth: 'staff',
    body: BulkUpdateBody,
    response: z.object({ items: z.array(Case) }),
    handler: async ({ app, actor, body, transaction }) => ({
      items: await transaction((tx) => bulkUpdateCases(app, actor, tx, body.caseIds, body.changes)),
    }),
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/:id',
    summary: 'One case by id or number; the ETag is its version',
    tag,
    auth: 'staff',
    params: CaseRefParams,
    response: Case,
    handler: async ({ app, actor, params, reply }) => {
      const c = await getCase(app.db, actor, params.id);
      reply.header('etag', `"${c.version}"`);
      return c;
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/cases/:id',
    summary: 'Change status, priority, assignee, team, tags or fields (If-Match or version required)',
    tag,
    auth: 'staff',
    versioned: true,
    params: CaseRefParams,
    body: UpdateCaseBody,
    response: Case,
    handler: async ({ app, actor, params, body, transaction, expectedVersion, reply }) => {
      const { version, ...changes } = body;
      const expected = expectedVersion(version);
      const c = await transaction((tx) => updateCase(app, actor, tx, params.id, expected, changes));
      reply.header('etag', `"${c.version}"`);
      return c;
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/:id/timeline',
    summary: 'The timeline: messages, notes and changes, oldest first; `after` pages on',
    tag,
    auth: 'staff',
    params: CaseRefParams,
    query: TimelineQuery,
    response: z.object({ items: z.array(TimelineEntry) }),
    handler: async ({ app, actor, params, query }) => {
      const c = await loadCase(app.db, actor, params.id);
      return { items: await timeline(app.db, c.id, query.after, query.limit) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/:id/entries',
    summary: 'Add a message or an internal note to the timeline',
    tag,
    auth: 'staff',
    params: CaseRefParams,
    body: AddEntryBody,
    response: TimelineEntry,
    status: 201,
    idempotent: true,
    handler: ({ app, actor, params, body, transaction }) => transaction((tx) => addEntry(app, actor, tx, params.id, withCc(body))),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/:id/merge',
    summary: 'Merge another case (sourceId) into this one',
    tag,
    auth: 'staff',
    params: CaseRefParams,
    body: MergeCasesBody,
    response: Case,
    handler: ({ app, actor, params, body, transaction }) => transaction((tx) => mergeCases(app, actor, tx, params.id, body.sourceId)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/:id/links',
    summary: 'Related cases',
    tag,
    auth: 'staff',
    params: CaseRefParams,
    response: z.object({ items: z.array(LinkedCase) }),
    handler: async ({ app, actor, params }) => {
      const c = await loadCase(app.db, actor, params.id);
      return { items: await linkedCases(app.db, actor, c.id) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/:id/links',
    summary: 'Link a related case',
    tag,
    auth: 'staff',
    params: CaseRefParams,
    body: LinkCaseBody,
    handler: ({ app, actor, params, body, transaction }) => transaction((tx) => linkCases(app, actor, tx, params.id, body.caseId, true)),
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/cases/:id/links/:otherId',
    summary: 'Remove a link between two cases',
    tag,
    auth: 'staff',
    params: z.object({ id: z.uuid(), otherId: z.uuid() }).strict(),
    handler: ({ app, actor, params, transaction }) => transaction((tx) => linkCases(app, actor, tx, params.id, params.otherId, false)),
  }),
];
