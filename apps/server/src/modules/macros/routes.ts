import { z } from 'zod';
import { CaseMacroParams, CreateMacroBody, IdParams, Macro, MacroApplied, MacroPreview, MacroQuery, MacroRendering, PreviewMacroBody, UpdateMacroBody } from '@switchboard/contracts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { applyMacro, previewMacro, previewText } from './apply-macro.ts';
import { createMacro, deleteMacro, updateMacro } from './manage-macros.ts';
import { getMacro, listMacros } from './queries.ts';

const tag = 'Macros';

export const macroRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/macros',
    summary: 'Your personal macros and the shared ones you may use or manage, best match first (search with q)',
    tag,
    auth: 'staff',
    query: MacroQuery,
    response: z.object({ items: z.array(Macro) }),
    handler: async ({ app, actor, query }) => ({ items: await listMacros(app.db, actor, query) }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/macros',
    summary: 'Add a personal macro, or a shared one (supervisors and admins)',
    tag,
    auth: 'staff',
    body: CreateMacroBody,
    response: Macro,
    status: 201,
    idempotent: true,
    handler: ({ actor, body, transaction }) => transaction((tx) => createMacro(actor, tx, body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/macros/preview',
    summary: 'Render an unsaved text for a case or an example customer, with its placeholder problems; changes nothing',
    tag,
    auth: 'staff',
    body: PreviewMacroBody,
    response: MacroPreview,
    handler: ({ app, actor, body }) => previewText(app.db, actor, body),
  }),
  route({
    method: 'GET',
    path: '/api/v1/macros/:id',
    summary: 'One macro',
    tag,
    auth: 'staff',
    params: IdParams,
    response: Macro,
    handler: ({ app, actor, params }) => getMacro(app.db, actor, params.id),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/macros/:id',
    summary: 'Change a macro you may edit: your own, or a shared one (supervisors and admins)',
    tag,
    auth: 'staff',
    versioned: true,
    params: IdParams,
    body: UpdateMacroBody,
    response: Macro,
    handler: ({ actor, params, body, transaction, expectedVersion }) => transaction((tx) => updateMacro(actor, tx, params.id, expectedVersion(body.version), body)),
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/macros/:id',
    summary: 'Delete a macro you may edit',
    tag,
    auth: 'staff',
    params: IdParams,
    handler: ({ actor, params, transaction }) => transaction((tx) => deleteMacro(actor, tx, params.id)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/:id/macros/:macroId/preview',
    summary: "A macro's text for this case in the customer's language (or the fallback), without applying it",
    tag,
    auth: 'staff',
    params: CaseMacroParams,
    response: MacroRendering,
    handler: ({ app, actor, params }) => previewMacro(app.db, actor, params.id, params.macroId),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/:id/macros/:macroId/apply',
    summary: "Apply a macro: its actions change the case, the timeline records it, and its text comes back rendered for the composer",
    tag,
    auth: 'staff',
    params: CaseMacroParams,
    response: MacroApplied,
    // A retried click with the same Idempotency-Key gets the first answer instead of a second apply.
    idempotent: true,
    handler: ({ app, actor, params, transaction }) => transaction((tx) => applyMacro(app, actor, tx, params.id, params.macroId)),
  }),
];
