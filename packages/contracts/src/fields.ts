import { z } from 'zod';
import { Id } from './common.ts';
import { Status } from './cases.ts';

export const fieldTypes = ['text', 'number', 'date', 'select', 'checkbox'] as const;
export const FieldType = z.enum(fieldTypes);

export const FieldDefinition = z.object({
  id: Id,
  entity: z.enum(['case', 'customer']),
  key: z.string(),
  label: z.string(),
  type: FieldType,
  options: z.array(z.string()),
  important: z.boolean(),
  position: z.number().int(),
  active: z.boolean(),
});
export type FieldDefinition = z.infer<typeof FieldDefinition>;

export const CreateFieldBody = z
  .object({
    entity: z.enum(['case', 'customer']),
    key: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'use lower-case letters, digits and _ , starting with a letter'),
    label: z.string().trim().min(1).max(100),
    type: FieldType,
    options: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
    important: z.boolean().default(false),
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .strict()
  .refine((f) => f.type !== 'select' || f.options.length > 0, { message: 'a select field needs options', path: ['options'] })
  .refine((f) => f.type === 'select' || f.options.length === 0, { message: 'only select fields have options', path: ['options'] });

export const UpdateFieldBody = z
  .object({
    label: z.string().trim().min(1).max(100).optional(),
    options: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
    important: z.boolean().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const TeamForm = z.object({
  teamId: Id,
  fields: z.array(FieldDefinition.extend({ required: z.boolean() })),
});
/** A required field of a team's form that a case lacks: enough to ask for it (the input its type needs). */
export const MissingFormField = FieldDefinition.pick({ id: true, key: true, label: true, type: true, options: true });
export type MissingFormField = z.infer<typeof MissingFormField>;

export const PutTeamFormBody = z
  .object({ fields: z.array(z.object({ fieldId: Id, required: z.boolean().default(false) }).strict()).max(100) })
  .strict();

export const CustomStatus = z.object({ id: Id, name: z.string(), category: Status, position: z.number().int(), active: z.boolean() });
export const CreateCustomStatusBody = z
  .object({ name: z.string().trim().min(1).max(60), category: Status, position: z.number().int().min(0).max(10_000).default(0) })
  .strict();
export const UpdateCustomStatusBody = z
  .object({ name: z.string().trim().min(1).max(60).optional(), position: z.number().int().min(0).max(10_000).optional(), active: z.boolean().optional() })
  .strict();
