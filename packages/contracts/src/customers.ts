import { z } from 'zod';
import { CustomFieldValues, Id, Language, PageQuery, Tags, Timestamp, TimeZone } from './common.ts';
import { Email } from './identity.ts';

export const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ()./-]+$/, 'may contain only digits, spaces, + ( ) . / -')
  .refine((p) => p.replace(/\D/g, '').length >= 5, 'needs at least 5 digits');

export const PhoneInput = z.object({ phone: Phone, label: z.string().trim().max(40).default('') }).strict();

export const OrganizationRef = z.object({ id: Id, name: z.string() });
export const UserRef = z.object({ id: Id, name: z.string() });

/** Fields an agent should verify and complete during a contact. */
export const missingFieldKeys = ['email', 'phone', 'preferredLanguage', 'timeZone'] as const;

export const Customer = z.object({
  id: Id,
  name: z.string(),
  emails: z.array(z.object({ email: z.string(), primary: z.boolean() })),
  phones: z.array(z.object({ phone: z.string(), label: z.string(), primary: z.boolean() })),
  preferredLanguage: Language.nullable(),
  timeZone: z.string().nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.unknown()),
  notes: z.string(),
  accountOwner: UserRef.nullable(),
  organizations: z.array(OrganizationRef),
  /** Keys of important fields that are empty: built-ins and custom fields marked important. */
  missingFields: z.array(z.string()),
  mergedIntoId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type Customer = z.infer<typeof Customer>;

export const CustomerSummary = Customer.pick({ id: true, name: true, emails: true, phones: true, organizations: true, accountOwner: true, missingFields: true, updatedAt: true });

export const CreateCustomerBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    emails: z.array(Email).max(20).default([]),
    phones: z.array(PhoneInput).max(20).default([]),
    preferredLanguage: Language.nullable().default(null),
    timeZone: TimeZone.nullable().default(null),
    tags: Tags.default([]),
    customFields: CustomFieldValues.default({}),
    notes: z.string().max(20_000).default(''),
    accountOwnerId: Id.nullable().default(null),
    organizationIds: z.array(Id).max(50).default([]),
  })
  .strict();

export const UpdateCustomerBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    emails: z.array(Email).max(20).optional(),
    phones: z.array(PhoneInput).max(20).optional(),
    preferredLanguage: Language.nullable().optional(),
    timeZone: TimeZone.nullable().optional(),
    tags: Tags.optional(),
    customFields: CustomFieldValues.optional(),
    notes: z.string().max(20_000).optional(),
    accountOwnerId: Id.nullable().optional(),
    organizationIds: z.array(Id).max(50).optional(),
    version: z.number().int().optional(),
  })
  .strict();

export const CustomerQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  organizationId: Id.optional(),
  accountOwnerId: z.union([Id, z.literal('me')]).optional(),
}).strict();

export const MergeCustomersBody = z.object({ sourceId: Id }).strict();

export const Organization = z.object({
  id: Id,
  name: z.string(),
  domains: z.array(z.string()),
  tier: z.string(),
  notes: z.string(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.unknown()),
  memberCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type Organization = z.infer<typeof Organization>;

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'is not a domain name');

export const CreateOrganizationBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    domains: z.array(Domain).max(20).default([]),
    tier: z.string().trim().min(1).max(40).default('standard'),
    notes: z.string().max(20_000).default(''),
    tags: Tags.default([]),
    customFields: CustomFieldValues.default({}),
  })
  .strict();
export const UpdateOrganizationBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    domains: z.array(Domain).max(20).optional(),
    tier: z.string().trim().min(1).max(40).optional(),
    notes: z.string().max(20_000).optional(),
    tags: Tags.optional(),
    customFields: CustomFieldValues.optional(),
    version: z.number().int().optional(),
  })
  .strict();
export const OrganizationQuery = PageQuery.extend({ q: z.string().trim().max(200).optional() }).strict();
