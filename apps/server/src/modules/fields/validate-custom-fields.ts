import type { FieldDefinition, MissingFormField } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { listFields, teamForm } from './queries.ts';

type Value = string | number | boolean | null;

function check(def: FieldDefinition, value: Value): string | null {
  if (value === null) return null;
  switch (def.type) {
    case 'text':
      return typeof value === 'string' ? null : 'must be text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'checkbox':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date': {
      // Date.parse rolls 2026-02-30 over to March 2: a real date reads back as the same day.
      const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
      return day && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value as string) ? null : 'must be a date as YYYY-MM-DD';
    }
    case 'select':
      return typeof value === 'string' && def.options.includes(value) ? null : `must be one of: ${def.options.join(', ')}`;
  }
}

/**
 * Checks custom field values against their definitions and merges them into the current values
 * (null removes a value). `required` names keys that must have a value afterwards (team forms).
 */
export async function validateCustomFields(
  db: Queryable,
  entity: FieldDefinition['entity'],
  current: Record<string, unknown>,
  changes: Record<string, Value>,
  required: readonly string[] = [],
): Promise<Record<string, unknown>> {
  if (Object.keys(changes).length === 0) {
    // Nothing to check against definitions: only whether the form's required fields are filled.
    const missing = required.filter((key) => current[key] === undefined);
    if (missing.length === 0) return { ...current };
  }
  const defs = new Map((await listFields(db, entity)).filter((d) => d.active).map((d) => [d.key, d]));
  const errors: FieldError[] = [];
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    const def = defs.get(key);
    const field = `body.customFields.${key}`;
    if (!def) {
      errors.push({ field, message: 'no such custom field' });
      continue;
    }
    const problem = check(def, value);
    if (problem) errors.push({ field, message: problem });
    else if (value === null || value === '') delete next[key];
    else next[key] = value;
  }
  for (const key of required) {
    if (next[key] === undefined) errors.push({ field: `body.customFields.${key}`, message: 'is required by the team form' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  return next;
}

/**
 * The fields a team's form requires that `values` (a case's custom fields with a change applied)
 * leave empty — what to ask for before the case moves to that team, in the form's order.
 */
export async function missingFormFields(db: Queryable, teamId: string, values: Record<string, unknown>): Promise<MissingFormField[]> {
  return (await teamForm(db, teamId))
    .filter((f) => f.required && (values[f.key] === undefined || values[f.key] === null || values[f.key] === ''))
    .map(({ id, key, label, type, options }) => ({ id, key, label, type, options }));
}
