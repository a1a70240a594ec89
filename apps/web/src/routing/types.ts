/** Routing's API types, inferred from the shared zod schemas (types only). */
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';

export type Presence = z.infer<typeof C.Presence>;
export type PresenceStatus = Presence['status'];
export type PresenceReason = NonNullable<Presence['reason']>;
export type AgentRouting = z.infer<typeof C.AgentRouting>;
export type Skill = z.infer<typeof C.Skill>;
export type RoutingRule = z.infer<typeof C.RoutingRule>;
export type RoutingExplanation = z.infer<typeof C.RoutingExplanation>;
export type CaseRouting = z.infer<typeof C.CaseRouting>;
export type Transfer = z.infer<typeof C.Transfer>;
