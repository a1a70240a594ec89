import { ApiError } from '../api/client.ts';
import type { CreateCustomerBody, Customer, UpdateCustomerBody } from '../api/types.ts';
import type { Language } from '../i18n/index.ts';

export type CustomValue = string | number | boolean | null;

/** What the customer forms edit: the writable fields of a customer, as plain values. */
export interface CustomerFormValues {
  name: string;
  emails: string[];
  phones: { phone: string; label: string }[];
  preferredLanguage: Language | null;
  timeZone: string | null;
  tags: string[];
  notes: string;
  accountOwnerId: string | null;
  organizationIds: string[];
  customFields: Record<string, CustomValue>;
}

export const emptyValues = (): CustomerFormValues => ({
  name: '',
  emails: [''],
  phones: [{ phone: '', label: '' }],
  preferredLanguage: null,
  timeZone: null,
  tags: [],
  notes: '',
  accountOwnerId: null,
  organizationIds: [],
  customFields: {},
});

/** The form values of a stored customer. */
export function valuesFromCustomer(c: Customer): CustomerFormValues {
  return {
    name: c.name,
    emails: c.emails.map((e) => e.email),
    phones: c.phones.map((p) => ({ phone: p.phone, label: p.label })),
    preferredLanguage: c.preferredLanguage,
    timeZone: c.timeZone,
    tags: c.tags,
    notes: c.notes,
    accountOwnerId: c.accountOwner?.id ?? null,
    organizationIds: c.organizations.map((o) => o.id),
    customFields: c.customFields as Record<string, CustomValue>,
  };
}

const blank = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Drops empty list rows and empty custom values. The form saves the cleaned values into its state
 * before sending, so the server's `emails.1`-style error paths point at the rows on screen.
 */
export function clean(v: CustomerFormValues): CustomerFormValues {
  return {
    ...v,
    name: v.name.trim(),
    emails: v.emails.map((e) => e.trim()).filter(Boolean),
    phones: v.phones.map((p) => ({ phone: p.phone.trim(), label: p.label.trim() })).filter((p) => p.phone),
    customFields: Object.fromEntries(Object.entries(v.customFields).filter(([, x]) => !blank(x))),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const plainKeys = ['name', 'emails', 'phones', 'preferredLanguage', 'timeZone', 'tags', 'notes', 'accountOwnerId', 'organizationIds'] as const;

/** Only what changed against `base` (both cleaned); an empty object when nothing did. */
export function changedBody(base: CustomerFormValues, next: CustomerFormValues): UpdateCustomerBody {
  const body: Record<string, unknown> = {};
  for (const k of plainKeys) if (!same(base[k], next[k])) body[k] = next[k];
  const custom: Record<string, CustomValue> = {};
  for (const key of new Set([...Object.keys(base.customFields), ...Object.keys(next.customFields)])) {
    // null removes a value on the server.
    if (!same(base.customFields[key] ?? null, next.customFields[key] ?? null)) custom[key] = next.customFields[key] ?? null;
  }
  if (Object.keys(custom).length) body.customFields = custom;
  return body as UpdateCustomerBody;
}

/** The body of POST /customers from (cleaned) form values. */
export function createBody(v: CustomerFormValues): CreateCustomerBody {
  return { ...v, customFields: v.customFields };
}

/**
 * Carries edits over to a newer version of the customer: untouched fields take the new values.
 * Returns null when someone else changed a field this form changed too (a real conflict: the
 * save is then left to fail with 412 rather than silently overwrite their change).
 */
export function rebase(base: CustomerFormValues, edited: CustomerFormValues, server: CustomerFormValues): CustomerFormValues | null {
  const next = { ...edited } as Record<string, unknown>;
  for (const k of plainKeys) {
    if (same(edited[k], base[k])) next[k] = server[k];
    else if (!same(server[k], base[k]) && !same(server[k], edited[k])) return null;
  }
  const custom: Record<string, CustomValue> = { ...edited.customFields };
  for (const key of new Set([...Object.keys(base.customFields), ...Object.keys(server.customFields)])) {
    const b = base.customFields[key] ?? null;
    const e = edited.customFields[key] ?? null;
    const s = server.customFields[key] ?? null;
    if (same(e, b)) custom[key] = s;
    else if (!same(s, b) && !same(s, e)) return null;
  }
  next.customFields = custom;
  return next as unknown as CustomerFormValues;
}

/** The server's message for one field of the form (`emails.0`, `customFields.vip`), if any. */
export function fieldError(err: unknown, path: string): string | undefined {
  return err instanceof ApiError ? err.fieldError(path) : undefined;
}
