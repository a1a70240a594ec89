import { describe, expect, it } from 'vitest';
import type { Condition } from '@switchboard/contracts';
import { conditionHolds, conditionsHold, type CaseFacts } from './conditions.ts';
import { pickTemplate, renderTemplate } from './run-actions.ts';

const now = new Date('2026-12-07T08:30:00Z'); // a Monday: 09:30 in Berlin, 10:30 in Tallinn
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const facts: CaseFacts = {
  status: 'pending',
  priority: 'high',
  channel: 'email',
  teamId: '11111111-1111-4111-8111-111111111111',
  assigneeId: null,
  tags: ['vip', 'refund'],
  subject: 'Erstattung für Bestellung 4711',
  body: 'Hallo, ich möchte mein Geld zurück.',
  customFields: { order_number: '4711', amount: 129.5, express: true },
  customer: { language: 'de', tags: ['wholesale'], organizationIds: ['22222222-2222-4222-8222-222222222222'] },
  createdAt: hoursAgo(100),
  updatedAt: hoursAgo(80),
  statusChangedAt: hoursAgo(73),
  solvedAt: null,
  changed: ['status', 'tags'],
};
const holds = (field: string, op: Condition['op'], value?: Condition['value'], f: CaseFacts = facts, tz = 'UTC') =>
  conditionHolds({ field, op, value } as Condition, f, now, tz);

describe('condition evaluation', () => {
  it('compares case fields with is / is_not / in / not_in, ignoring case', () => {
    expect(holds('case.status', 'is', 'pending')).toBe(true);
    expect(holds('case.status', 'is', 'PENDING')).toBe(true);
    expect(holds('case.status', 'is', 'open')).toBe(false);
    expect(holds('case.status', 'is_not', 'open')).toBe(true);
    expect(holds('case.priority', 'in', ['high', 'urgent'])).toBe(true);
    expect(holds('case.priority', 'not_in', ['high', 'urgent'])).toBe(false);
    expect(holds('case.channel', 'in', ['chat', 'phone'])).toBe(false);
    expect(holds('case.team', 'is', facts.teamId)).toBe(true);
  });

  it('treats no assignee as empty, and is null as "not set"', () => {
    expect(holds('case.assignee', 'is_empty')).toBe(true);
    expect(holds('case.assignee', 'is_set')).toBe(false);
    expect(holds('case.assignee', 'is', null)).toBe(true);
    expect(holds('case.assignee', 'is', '33333333-3333-4333-8333-333333333333')).toBe(false);
    expect(holds('case.team', 'is_set')).toBe(true);
  });

  it('tests tags as a set: contains, contains_any, not_contains, in', () => {
    expect(holds('case.tags', 'contains', 'vip')).toBe(true);
    expect(holds('case.tags', 'contains', 'vi')).toBe(false);
    expect(holds('case.tags', 'not_contains', 'spam')).toBe(true);
    expect(holds('case.tags', 'contains_any', ['spam', 'refund'])).toBe(true);
    expect(holds('case.tags', 'contains_any', ['spam', 'other'])).toBe(false);
    expect(holds('case.tags', 'in', ['vip'])).toBe(true);
    expect(holds('case.tags', 'is_empty')).toBe(false);
    expect(holds('case.tags', 'is_empty', undefined, { ...facts, tags: [] })).toBe(true);
  });

  it('finds words in subject and body', () => {
    expect(holds('case.subject', 'contains', 'erstattung')).toBe(true);
    expect(holds('case.subject', 'contains_any', ['refund', 'erstattung', 'iade'])).toBe(true);
    expect(holds('case.subject', 'contains_any', ['refund', 'iade'])).toBe(false);
    expect(holds('case.body', 'contains', 'geld zurück')).toBe(true);
    expect(holds('case.body', 'not_contains', 'geld')).toBe(false);
  });

  it('reads custom fields by key, comparing numbers numerically', () => {
    expect(holds('case.custom.order_number', 'is', '4711')).toBe(true);
    expect(holds('case.custom.amount', 'gt', 100)).toBe(true);
    expect(holds('case.custom.amount', 'lte', 129.5)).toBe(true);
    expect(holds('case.custom.amount', 'lt', 50)).toBe(false);
    expect(holds('case.custom.order_number', 'gte', 4000)).toBe(true);
    expect(holds('case.custom.express', 'is', true)).toBe(true);
    expect(holds('case.custom.missing', 'is_empty')).toBe(true);
    expect(holds('case.custom.missing', 'gt', 0)).toBe(false);
  });

  it('looks at the customer: language, tags, organization', () => {
    expect(holds('customer.language', 'is', 'de')).toBe(true);
    expect(holds('customer.language', 'in', ['en', 'tr'])).toBe(false);
    expect(holds('customer.language', 'is_empty', undefined, { ...facts, customer: { ...facts.customer, language: null } })).toBe(true);
    expect(holds('customer.tags', 'contains', 'wholesale')).toBe(true);
    expect(holds('customer.organization', 'contains', '22222222-2222-4222-8222-222222222222')).toBe(true);
    expect(holds('customer.organization', 'is_empty')).toBe(false);
  });

  it('reads weekday and hour in the rule’s time zone', () => {
    expect(holds('time.weekday', 'is', 1, facts, 'Europe/Berlin')).toBe(true);
    expect(holds('time.hour', 'is', 9, facts, 'Europe/Berlin')).toBe(true);
    expect(holds('time.hour', 'is', 10, facts, 'Europe/Tallinn')).toBe(true);
    expect(holds('time.hour', 'gte', 9, facts, 'America/New_York')).toBe(false); // 03:30 there
    expect(holds('time.weekday', 'in', [6, 7], facts, 'UTC')).toBe(false);
    // Sunday 23:30 in UTC is already Monday in Tallinn.
    const sunday = new Date('2026-12-06T23:30:00Z');
    expect(conditionHolds({ field: 'time.weekday', op: 'is', value: 7 }, facts, sunday, 'UTC')).toBe(true);
    expect(conditionHolds({ field: 'time.weekday', op: 'is', value: 1 }, facts, sunday, 'Europe/Tallinn')).toBe(true);
  });

  it('counts hours since created, updated, status change and solved', () => {
    expect(holds('case.hours_since_created', 'gte', 96)).toBe(true);
    expect(holds('case.hours_since_updated', 'gt', 80)).toBe(false);
    expect(holds('case.hours_since_updated', 'gte', 80)).toBe(true);
    expect(holds('case.hours_since_status_changed', 'gte', 72)).toBe(true);
    expect(holds('case.hours_since_status_changed', 'lt', 72)).toBe(false);
    // Never solved: no number, so no comparison holds.
    expect(holds('case.hours_since_solved', 'gte', 0)).toBe(false);
    expect(holds('case.hours_since_solved', 'lt', 1000)).toBe(false);
    expect(holds('case.hours_since_solved', 'is_set')).toBe(false);
    expect(holds('case.hours_since_solved', 'gte', 96, { ...facts, solvedAt: hoursAgo(97) })).toBe(true);
  });

  it('knows which fields the event changed', () => {
    expect(holds('event.changed', 'contains', 'status')).toBe(true);
    expect(holds('event.changed', 'contains', 'priority')).toBe(false);
    expect(holds('event.changed', 'is_empty', undefined, { ...facts, changed: [] })).toBe(true);
    expect(holds('event.metric', 'is', 'first_response', { ...facts, metric: 'first_response' })).toBe(true);
    expect(holds('event.metric', 'is_empty')).toBe(true);
  });

  it('combines with all / any; an empty list always holds', () => {
    const yes: Condition = { field: 'case.status', op: 'is', value: 'pending' };
    const no: Condition = { field: 'case.priority', op: 'is', value: 'low' };
    expect(conditionsHold({ match: 'all', items: [yes, no] }, facts, now, 'UTC')).toBe(false);
    expect(conditionsHold({ match: 'any', items: [yes, no] }, facts, now, 'UTC')).toBe(true);
    expect(conditionsHold({ match: 'all', items: [yes] }, facts, now, 'UTC')).toBe(true);
    expect(conditionsHold({ match: 'any', items: [no] }, facts, now, 'UTC')).toBe(false);
    expect(conditionsHold({ match: 'all', items: [] }, facts, now, 'UTC')).toBe(true);
    expect(conditionsHold({ match: 'any', items: [] }, facts, now, 'UTC')).toBe(true);
  });

  it('does not hold for senseless combinations instead of throwing', () => {
    expect(holds('case.subject', 'gt', 3)).toBe(false);
    expect(holds('case.status', 'contains', ['a', 'b'])).toBe(false);
    expect(holds('case.status', 'in', undefined)).toBe(false);
  });
});

describe('email templates', () => {
  const templates = {
    en: { subject: 'About case #{{case.number}}', body: 'Hello {{customer.name}}, {{agent.name}} here about "{{case.subject}}".' },
    de: { subject: 'Zu Fall #{{ case.number }}', body: 'Hallo {{customer.name}}, hier ist {{agent.name}}.' },
  };
  it('fills the placeholders and leaves unknown ones empty', () => {
    const vars = { 'customer.name': 'Ayşe', 'case.number': '1042', 'case.subject': 'Refund', 'agent.name': 'Emma' };
    expect(renderTemplate(templates.en.body, vars)).toBe('Hello Ayşe, Emma here about "Refund".');
    expect(renderTemplate(templates.de.subject, vars)).toBe('Zu Fall #1042');
    expect(renderTemplate('x {{case.secret}} y', vars)).toBe('x  y');
  });
  it('picks the customer’s language, falling back to English', () => {
    expect(pickTemplate(templates, 'de')).toBe(templates.de);
    expect(pickTemplate(templates, 'tr')).toBe(templates.en);
    expect(pickTemplate(templates, null)).toBe(templates.en);
  });
});
