/** The lists the rule editor offers; the server's contracts (packages/contracts/src/automation.ts) check them. */
import type { RuleAction, RuleCondition } from '../api/types.ts';

export const triggerEvents = ['case.created', 'case.updated', 'message.received', 'case.sla_warning', 'case.sla_breached'] as const;

export const webhookEventTypes = [
  'case.created',
  'case.updated',
  'case.entry_added',
  'case.merged',
  'case.linked',
  'case.sla_warning',
  'case.sla_breached',
  'customer.created',
  'customer.updated',
  'customer.merged',
] as const;

/** How a field's value is entered and which operators make sense for it. */
export type FieldKind = 'metric' | 'status' | 'priority' | 'channel' | 'team' | 'user' | 'language' | 'weekday' | 'set' | 'text' | 'number' | 'custom';

export const conditionFields: { field: string; kind: FieldKind }[] = [
  { field: 'case.status', kind: 'status' },
  { field: 'case.priority', kind: 'priority' },
  { field: 'case.channel', kind: 'channel' },
  { field: 'case.team', kind: 'team' },
  { field: 'case.assignee', kind: 'user' },
  { field: 'case.tags', kind: 'set' },
  { field: 'case.subject', kind: 'text' },
  { field: 'case.body', kind: 'text' },
  { field: 'customer.language', kind: 'language' },
  { field: 'customer.tags', kind: 'set' },
  { field: 'customer.organization', kind: 'set' },
  { field: 'time.weekday', kind: 'weekday' },
  { field: 'time.hour', kind: 'number' },
  { field: 'case.hours_since_created', kind: 'number' },
  { field: 'case.hours_since_updated', kind: 'number' },
  { field: 'case.hours_since_status_changed', kind: 'number' },
  { field: 'case.hours_since_solved', kind: 'number' },
  { field: 'event.changed', kind: 'set' },
  { field: 'event.metric', kind: 'metric' },
];

type Op = RuleCondition['op'];
const choice: Op[] = ['is', 'is_not', 'in', 'not_in'];
export const operatorsFor: Record<FieldKind, Op[]> = {
  status: choice,
  metric: choice,
  priority: choice,
  channel: choice,
  team: [...choice, 'is_empty', 'is_set'],
  user: [...choice, 'is_empty', 'is_set'],
  language: [...choice, 'is_empty'],
  weekday: choice,
  set: ['contains', 'not_contains', 'contains_any', 'is_empty', 'is_set'],
  text: ['contains', 'not_contains', 'contains_any', 'is', 'is_not', 'is_empty', 'is_set'],
  number: ['gte', 'gt', 'lte', 'lt', 'is'],
  custom: ['is', 'is_not', 'contains', 'contains_any', 'gt', 'gte', 'lt', 'lte', 'is_empty', 'is_set'],
};

export const kindOf = (field: string): FieldKind => (field.startsWith('case.custom.') ? 'custom' : (conditionFields.find((f) => f.field === field)?.kind ?? 'text'));
export const takesList = (op: Op): boolean => op === 'in' || op === 'not_in' || op === 'contains_any';
export const takesNothing = (op: Op): boolean => op === 'is_set' || op === 'is_empty';

export const actionTypes = ['add_tags', 'remove_tags', 'set_status', 'set_priority', 'assign', 'set_field', 'add_note', 'send_email', 'webhook'] as const;
export type ActionType = (typeof actionTypes)[number];

/** A fresh action of a type, with values the admin then fills in. */
export function blankAction(type: ActionType): RuleAction {
  switch (type) {
    case 'add_tags':
    case 'remove_tags':
      return { type, tags: [] };
    case 'set_status':
      return { type, status: 'open' };
    case 'set_priority':
      return { type, priority: 'high' };
    case 'assign':
      return { type, userId: null };
    case 'set_field':
      return { type, key: '', value: '' };
    case 'add_note':
      return { type, body: '' };
    case 'send_email':
      return { type, templates: { en: { subject: '', body: '' } } };
    case 'webhook':
      return { type, endpointId: '' };
  }
}

/** The placeholders email templates understand (shown literally, never translated). */
export const templatePlaceholders = ['{{customer.name}}', '{{case.number}}', '{{case.subject}}', '{{agent.name}}'];
