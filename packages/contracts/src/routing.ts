import { z } from 'zod';
import { Channel } from './cases.ts';
import { Id, Language, Timestamp } from './common.ts';
import { UserRef } from './customers.ts';
import { TeamRef } from './identity.ts';

/** Routing: agents' skills, capacity and presence; per-team rules; transfer and escalation. */

export const skillKinds = ['product', 'language', 'certification'] as const;
export const SkillKind = z.enum(skillKinds);
export const Skill = z.object({
  kind: SkillKind,
  /** Languages use their code (de, en, et, tr); other skills are lower-case names like `billing`. */
  name: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .transform((s) => s.toLowerCase()),
});
export type Skill = z.infer<typeof Skill>;

export const presenceStatuses = ['online', 'away', 'offline'] as const;
export const PresenceStatus = z.enum(presenceStatuses);
export const presenceReasons = ['break', 'lunch', 'meeting', 'training', 'inactive', 'other'] as const;
export const PresenceReason = z.enum(presenceReasons);

/** Open cases (new, open, on hold) an agent takes per channel before routing stops offering more. */
export const Capacity = z.partialRecord(Channel, z.number().int().min(0).max(500));

export const Presence = z.object({
  /** What the agent chose. */
  status: PresenceStatus,
  reason: PresenceReason.nullable(),
  /** Set by the app after inactivity: activity brings the agent back online. */
  automatic: z.boolean(),
  lastSeenAt: Timestamp.nullable(),
  /** What routing sees: `online` only while the app has been heard from within the grace period. */
  effective: PresenceStatus,
});
export type Presence = z.infer<typeof Presence>;

export const SetPresenceBody = z
  .object({ status: PresenceStatus, reason: PresenceReason.nullable().optional(), automatic: z.boolean().optional() })
  .strict()
  .refine((b) => b.status !== 'online' || !b.reason, { message: 'online takes no reason', path: ['reason'] });

export const AgentRouting = z.object({
  user: UserRef,
  role: z.enum(['agent', 'supervisor', 'admin']),
  skills: z.array(Skill),
  /** Every channel, defaults filled in. */
  capacity: z.record(Channel, z.number().int()),
  presence: Presence,
});
export type AgentRouting = z.infer<typeof AgentRouting>;

export const UpdateAgentRoutingBody = z
  .object({ skills: z.array(Skill).max(100).optional(), capacity: Capacity.optional() })
  .strict();

export const routingStrategies = ['least_busy', 'round_robin'] as const;
export const RoutingStrategy = z.enum(routingStrategies);

export const RoutingRule = z.object({
  team: TeamRef,
  enabled: z.boolean(),
  strategy: RoutingStrategy,
  /** Offer the case first to the customer's account owner when they are online, in the team and have room. */
  preferAccountOwner: z.boolean(),
  /** The customer's preferred language is a required language skill. */
  matchLanguage: z.boolean(),
  /** A case tag that is also the name of a product or certification skill is a required skill. */
  tagSkills: z.boolean(),
  /** The value of this case field (a key) names a required product skill; null: none. */
  skillField: z.string().nullable(),
  version: z.number().int(),
});
export type RoutingRule = z.infer<typeof RoutingRule>;

export const UpdateRoutingRuleBody = z
  .object({
    enabled: z.boolean().optional(),
    strategy: RoutingStrategy.optional(),
    preferAccountOwner: z.boolean().optional(),
    matchLanguage: z.boolean().optional(),
    tagSkills: z.boolean().optional(),
    skillField: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,62}$/, 'is not a field key')
      .nullable()
      .optional(),
  })
  .strict();

export const routingReasons = ['account_owner', 'skills', 'language', 'least_busy', 'round_robin'] as const;
export const RoutingReason = z.enum(routingReasons);

/** Why a case went to whom (or waits), stored on the timeline as a `routing` change. */
export const RoutingExplanation = z.object({
  outcome: z.enum(['assigned', 'queued']),
  assignee: UserRef.nullable(),
  reasons: z.array(RoutingReason),
  language: Language.nullable(),
  skills: z.array(z.string()),
  channel: Channel,
  /** The assignee's open cases in this channel including this one, and their capacity. */
  load: z.object({ count: z.number().int(), capacity: z.number().int() }).nullable(),
  /** Why team members were passed over. */
  skipped: z.object({ unavailable: z.number().int(), atCapacity: z.number().int(), missingSkills: z.number().int() }),
});
export type RoutingExplanation = z.infer<typeof RoutingExplanation>;

export const TransferCaseBody = z.object({ teamId: Id, note: z.string().trim().min(1, 'a transfer needs a note for the receiving team').max(5000) }).strict();
export const EscalateCaseBody = z.object({ reason: z.string().trim().min(1, 'say why you escalate').max(5000) }).strict();

export const Transfer = z.object({
  id: z.number().int(),
  fromTeam: TeamRef.nullable(),
  toTeam: TeamRef,
  note: z.string(),
  by: UserRef.nullable(),
  createdAt: Timestamp,
  acknowledgedBy: UserRef.nullable(),
  acknowledgedAt: Timestamp.nullable(),
});
export type Transfer = z.infer<typeof Transfer>;

export const Escalation = z.object({
  id: z.number().int(),
  reason: z.string(),
  by: UserRef.nullable(),
  /** The supervisors who were notified. */
  notified: z.array(UserRef),
  createdAt: Timestamp,
});
export type Escalation = z.infer<typeof Escalation>;

/** The routing side of one case: its latest transfer and its escalations. */
export const CaseRouting = z.object({ transfer: Transfer.nullable(), escalations: z.array(Escalation) });
export type CaseRouting = z.infer<typeof CaseRouting>;
