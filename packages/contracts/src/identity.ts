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

/** POST /users answers with the user; without a password, also the one-time invitation link. */
export const CreatedUser = User.extend({
  inviteUrl: z.string().nullable().describe('Shown once: the link the new user sets a password with (7 days). null when a password was given, and on an idempotent replay'),
});

/** A (re-)issued invitation: earlier unused links of the user stop working. */
export const IssuedInvitation = z.object({ inviteUrl: z.string(), expiresAt: Timestamp });

export const InvitationTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not an invitation token') }).strict();

/** What the invitation page shows before the user picks a password. */
export const InvitationInfo = z.object({ email: z.string(), name: z.string() });

export const AcceptInvitationBody = z.object({ password: Password }).strict();

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
