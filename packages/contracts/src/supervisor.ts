import { z } from 'zod';
import { Id, Timestamp } from './common.ts';
import { StaffRole, TeamRef } from './identity.ts';
import { Channel } from './cases.ts';
import { Presence } from './routing.ts';

/** Unsolved cases of a team by status. */
export const WaitingCounts = z.object({
  new: z.number().int(),
  open: z.number().int(),
  pending: z.number().int(),
  on_hold: z.number().int(),
});

export const AgentLoad = z.object({
  id: Id,
  name: z.string(),
  role: StaffRole,
  /** Cases of this team assigned to them in status new, open or on hold. */
  openAssigned: z.number().int(),
  /** Cases of this team assigned to them, waiting for the customer (pending). */
  pendingAssigned: z.number().int(),
  /** When they last wrote anything on any timeline (message, note or change). */
  lastActivityAt: Timestamp.nullable(),
  /** Cases they have open in the agent app right now (live presence); only cases you may see. */
  viewing: z.array(z.object({ caseId: Id, number: z.number().int(), subject: z.string() })),
  /** Online, away or offline, as routing sees them. */
  presence: Presence,
  /** Open cases (new, open, on hold; in any team) against capacity, per channel. */
  load: z.record(Channel, z.object({ open: z.number().int(), capacity: z.number().int() })),
});

export const TeamOverview = z.object({
  team: TeamRef,
  waiting: WaitingCounts,
  /** Unsolved cases (new, open, pending, on hold) without an assignee. */
  unassigned: z.number().int(),
  oldestUnassignedAt: Timestamp.nullable(),
  /** Whether the team's routing rule assigns new cases. */
  routingEnabled: z.boolean(),
  /** Active staff members of the team. */
  agents: z.array(AgentLoad),
});

/** Admins: every team; supervisors: the teams they belong to. */
export const SupervisorOverview = z.object({ teams: z.array(TeamOverview) });
