import { DateTime } from 'luxon';
import type { Condition, Conditions } from '@switchboard/contracts';

/** Everything a condition can look at: the case, its customer, and (for triggers) the event. */
export interface CaseFacts {
  status: string;
  priority: string;
  channel: string;
  teamId: string | null;
  assigneeId: string | null;
  tags: readonly string[];
  subject: string;
  /** The latest message of the case (for a trigger on a message: that message). */
  body: string;
  customFields: Readonly<Record<string, unknown>>;
  customer: { language: string | null; tags: readonly string[]; organizationIds: readonly string[] };
  createdAt: Date;
  updatedAt: Date;
  statusChangedAt: Date;
  solvedAt: Date | null;
  /** case.updated: the fields that changed (status, tags, customFields.<key> …); empty otherwise. */
  changed: readonly string[];
  /** case.sla_warning / case.sla_breached: the SLA metric the event is about; null otherwise. */
  metric?: string | null;
}

type Value = string | number | boolean | null | readonly (string | number)[];

const hoursSince = (now: Date, at: Date | null): number | null => (at ? (now.getTime() - at.getTime()) / 3_600_000 : null);

/** The value a condition field has for these facts, at `now` in the rule's time zone. */
export function fieldValue(field: string, facts: CaseFacts, now: Date, timeZone: string): Value {
  if (field.startsWith('case.custom.')) {
    const v = facts.customFields[field.slice('case.custom.'.length)];
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  }
  switch (field) {
    case 'case.status':
      return facts.status;
    case 'case.priority':
      return facts.priority;
    case 'case.channel':
      return facts.channel;
    case 'case.team':
      return facts.teamId;
    case 'case.assignee':
      return facts.assigneeId;
    case 'case.tags':
      return facts.tags;
    case 'case.subject':
      return facts.subject;
    case 'case.body':
      return facts.body;
    case 'customer.language':
      return facts.customer.language;
    case 'customer.tags':
      return facts.customer.tags;
    case 'customer.organization':
      return facts.customer.organizationIds;
    case 'time.weekday':
      return DateTime.fromJSDate(now, { zone: timeZone }).weekday;
    case 'time.hour':
      return DateTime.fromJSDate(now, { zone: timeZone }).hour;
    case 'case.hours_since_created':
      return hoursSince(now, facts.createdAt);
    case 'case.hours_since_updated':
      return hoursSince(now, facts.updatedAt);
    case 'case.hours_since_status_changed':
      return hoursSince(now, facts.statusChangedAt);
    case 'case.hours_since_solved':
      return hoursSince(now, facts.solvedAt);
    case 'event.changed':
      return facts.changed;
    case 'event.metric':
      return facts.metric ?? null;
    default:
      return null;
  }
}

// Text compares without regard to case: "Refund" in a subject matches a rule about "refund".
const norm = (v: string | number | boolean): string => String(v).toLowerCase();
const listOf = (v: Condition['value']): (string | number)[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v as string | number]);
const isEmpty = (v: Value): boolean => v === null || v === '' || (Array.isArray(v) && v.length === 0);
const toNumber = (v: unknown): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};

function equals(actual: Value, expected: Condition['value']): boolean {
  if (expected === undefined || expected === null) return isEmpty(actual);
  if (Array.isArray(expected)) return false;
  if (Array.isArray(actual)) return actual.some((a) => norm(a) === norm(expected as string | number | boolean));
  if (actual === null) return false;
  return norm(actual as string | number | boolean) === norm(expected as string | number | boolean);
}

function containsText(actual: Value, needle: string | number): boolean {
  if (Array.isArray(actual)) return actual.some((a) => norm(a) === norm(needle));
  if (actual === null) return false;
  return norm(actual as string | number | boolean).includes(norm(needle));
}

function compare(actual: Value, expected: Condition['value'], test: (a: number, b: number) => boolean): boolean {
  const a = toNumber(actual);
  const b = toNumber(expected);
  return a !== null && b !== null && test(a, b);
}

/** Does one condition hold? Unknown combinations (a list for `gt`) simply do not hold. */
export function conditionHolds(condition: Condition, facts: CaseFacts, now: Date, timeZone: string): boolean {
  const actual = fieldValue(condition.field, facts, now, timeZone);
  const { value } = condition;
  switch (condition.op) {
    case 'is':
      return equals(actual, value);
    case 'is_not':
      return !equals(actual, value);
    case 'in':
      return listOf(value).some((v) => equals(actual, v));
    case 'not_in':
      return !listOf(value).some((v) => equals(actual, v));
    case 'contains':
      return value !== undefined && value !== null && !Array.isArray(value) && typeof value !== 'boolean' && containsText(actual, value);
    case 'not_contains':
      return !(value !== undefined && value !== null && !Array.isArray(value) && typeof value !== 'boolean' && containsText(actual, value));
    case 'contains_any':
      return listOf(value).some((v) => containsText(actual, v));
    case 'gt':
      return compare(actual, value, (a, b) => a > b);
    case 'gte':
      return compare(actual, value, (a, b) => a >= b);
    case 'lt':
      return compare(actual, value, (a, b) => a < b);
    case 'lte':
      return compare(actual, value, (a, b) => a <= b);
    case 'is_set':
      return !isEmpty(actual);
    case 'is_empty':
      return isEmpty(actual);
  }
}

/** All (or any) of the conditions hold; an empty list always does. */
export function conditionsHold(conditions: Conditions, facts: CaseFacts, now: Date, timeZone: string): boolean {
  if (conditions.items.length === 0) return true;
  const test = (c: Condition) => conditionHolds(c, facts, now, timeZone);
  return conditions.match === 'all' ? conditions.items.every(test) : conditions.items.some(test);
}
