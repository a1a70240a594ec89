import { z } from 'zod';
import { AutomationRule, DryRunBody, DryRunResult, IdParams, ReorderRulesBody, RuleBody, UpdateRuleBody } from '@switchboard/contracts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { dryRun } from './dry-run.ts';
import { createRule, deleteRule, reorderRules, updateRule } from './manage-rules.ts';
import { assertMayManageAutomation } from './policy.ts';
import { getRule, listRules } from './queries.ts';

const tag = 'Automation';

export const ruleRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/automation/rules',
    summary: 'Triggers and time rules in the order they run (admin)',
    tag,
    auth: 'staff',
    response: z.object({ items: z.array(AutomationRule) }),
    handler: async ({ app, actor }) => {
      assertMayManageAutomation(actor);
      return { items: await listRules(app.db) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/automation/rules',
    summary: 'Add a trigger or time rule, last in the order (admin)',
    tag,
    auth: 'staff',
    body: RuleBody,
    response: AutomationRule,
    status: 201,
    idempotent: true,
    handler: ({ actor, body, transaction }) => transaction((tx) => createRule(actor, tx, body)),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/automation/rules/order',
    summary: 'Set the order rules run in; list every rule once, first to last (admin)',
    tag,
    auth: 'staff',
    body: ReorderRulesBody,
    response: z.object({ items: z.array(AutomationRule) }),
    handler: async ({ app, actor, body, transaction }) => {
      await transaction((tx) => reorderRules(actor, tx, body));
      return { items: await listRules(app.db) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/automation/dry-run',
    summary: 'Which current cases a saved or unsaved rule would act on; changes nothing (admin)',
    tag,
    auth: 'staff',
    body: DryRunBody,
    response: DryRunResult,
    handler: ({ app, actor, body }) => dryRun(app.db, actor, body),
  }),
  route({
    method: 'GET',
    path: '/api/v1/automation/rules/:id',
    summary: 'One rule (admin)',
    tag,
    auth: 'staff',
    params: IdParams,
    response: AutomationRule,
    handler: async ({ app, actor, params }) => {
      assertMayManageAutomation(actor);
      return getRule(app.db, params.id);
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/automation/rules/:id',
    summary: 'Change, enable or disable a rule (admin)',
    tag,
    auth: 'staff',
    versioned: true,
    params: IdParams,
    body: UpdateRuleBody,
    response: AutomationRule,
    handler: ({ actor, params, body, transaction, expectedVersion }) => transaction((tx) => updateRule(actor, tx, params.id, expectedVersion(body.version), body)),
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/automation/rules/:id',
    summary: 'Delete a rule (admin)',
    tag,
    auth: 'staff',
    params: IdParams,
    handler: ({ actor, params, transaction }) => transaction((tx) => deleteRule(actor, tx, params.id)),
  }),
];
