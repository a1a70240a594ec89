import { z } from 'zod';
import { Id, Language, Timestamp, TimeZone } from './common.ts';

export const roles = ['agent', 'supervisor', 'admin', 'customer'] as const;
export const Role = z.enum(roles);
export const StaffRole = z.enum(['agent', 'supervisor', 'admin']);

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'is not an email address' }))
  .transform((e) => e.toLowerCase());
export const Password = z.string().min(10, 'must be at least 10 characters').max(200);

export const LoginBody = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) }).strict();

export const TeamRef = z.object({ id: Id, name: z.string() });

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  language: Language,
  timeZone: z.string(),
  active: z.boolean(),
  teams: z.array(TeamRef),
  createdAt: Timestamp,
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

export const Session = z.object({ user: User, csrfToken: z.string().nullable() });

export const CreateUserBody = z
  .object({
    email: Email,
    name: z.string().trim().min(1).max(200),
    role: Role,
    password: Password.optional(),
    language: Language.default('en'),
    timeZone: TimeZone.default('Europe/Berlin'),
    teamIds: z.array(Id).max(50).default([]),
  })
  .strict();

export const UpdateUserBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: Role.optional(),
    active: z.boolean().optional(),
    language: Language.optional(),
    timeZone: TimeZone.optional(),
    password: Password.optional(),
    teamIds: z.array(Id).max(50).optional(),
    version: z.number().int().optional(),
  })
  .strict();

export const UpdateProfileBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    language: Language.optional(),
    timeZone: TimeZone.optional(),
    currentPassword: z.string().max(200).optional(),
    newPassword: Password.optional(),
  })
  .strict()
  .refine((b) => !b.newPassword || b.currentPassword, { message: 'is required to set a new password', path: ['currentPassword'] });

export const UserQuery = z
  .object({
    role: Role.optional(),
    teamId: Id.optional(),
    q: z.string().max(200).optional(),
    includeInactive: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  })
  .strict();

export const Team = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  members: z.array(z.object({ id: Id, name: z.string(), role: Role })),
  version: z.number().int(),
});
export type Team = z.infer<typeof Team>;

export const CreateTeamBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().max(1000).default(''),
    memberIds: z.array(Id).max(500).default([]),
  })
  .strict();
export const UpdateTeamBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    description: z.string().max(1000).optional(),
    memberIds: z.array(Id).max(500).optional(),
    version: z.number().int().optional(),
  })
  .strict();

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  expiresAt: Timestamp.nullable(),
});
export const CreateApiTokenBody = z
  .object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(3650).optional() })
  .strict();
export const CreatedApiToken = ApiToken.extend({ token: z.string().describe('Shown once; store it now') });
