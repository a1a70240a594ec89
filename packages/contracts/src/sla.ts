import { z } from 'zod';
import { Channel, Priority, SlaMetric } from './cases.ts';
import { Id, Timestamp, TimeZone } from './common.ts';
import { TeamRef } from './identity.ts';

/** Business hours, SLA policies and each case's SLA clocks. */

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const Weekday = z.number().int().min(1).max(7);
/** A local wall-clock time, `HH:MM`; `24:00` ends a day. */
export const LocalTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:MM (00:00–24:00)');

export const BusinessInterval = z
  .object({ day: Weekday, start: LocalTime, end: LocalTime })
  .strict()
  .refine((i) => i.start < i.end, { message: 'must end after it starts', path: ['end'] });
export type BusinessInterval = z.infer<typeof BusinessInterval>;

export const Holiday = z
  .object({
    date: z.iso.date(),
    name: z.string().trim().max(100).default(''),
    /** Every year on the same month and day (New Year's Day), not only in the year of `date`. */
    recurring: z.boolean().default(false),
  })
  .strict();
export type Holiday = z.infer<typeof Holiday>;

export const BusinessCalendar = z.object({
  id: Id,
  name: z.string(),
  timeZone: z.string(),
  /** Several intervals per weekday are allowed (a lunch break). */
  weekly: z.array(z.object({ day: z.number().int(), start: z.string(), end: z.string() })),
  holidays: z.array(z.object({ date: z.string(), name: z.string(), recurring: z.boolean() })),
  teams: z.array(TeamRef),
  version: z.number().int(),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

const calendarFields = {
  name: z.string().trim().min(1).max(100),
  timeZone: TimeZone,
  weekly: z.array(BusinessInterval).min(1, 'needs at least one interval of business hours').max(100),
  holidays: z.array(Holiday).max(500),
  /** The teams that count their SLAs in these hours; a team has at most one calendar (none: 24/7). */
  teamIds: z.array(Id).max(200),
};
export const CreateCalendarBody = z
  .object({ ...calendarFields, holidays: calendarFields.holidays.default([]), teamIds: calendarFields.teamIds.default([]) })
  .strict();
export const UpdateCalendarBody = z
  .object({
    name: calendarFields.name.optional(),
    timeZone: calendarFields.timeZone.optional(),
    weekly: calendarFields.weekly.optional(),
    holidays: calendarFields.holidays.optional(),
    teamIds: calendarFields.teamIds.optional(),
    version: z.number().int().optional(),
  })
  .strict();

export const SlaConditions = z
  .object({
    priorities: z.array(Priority).max(4).optional(),
    /** The case organization's tier (`gold`, `standard`…). */
    tiers: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    channels: z.array(Channel).max(6).optional(),
    teamIds: z.array(Id).max(50).optional(),
  })
  .strict();
export type SlaConditions = z.infer<typeof SlaConditions>;

/** What happens when a target is missed. */
export const EscalationAction = z.discriminatedUnion('type', [
  /** Notify the assignee and the supervisors of the case's team. */
  z.object({ type: z.literal('notify') }).strict(),
  /** To this user, or back to the team queue (null). */
  z.object({ type: z.literal('reassign'), userId: Id.nullable() }).strict(),
  /** One step up, or straight to `to`. */
  z.object({ type: z.literal('raise_priority'), to: Priority.optional() }).strict(),
]);
export type EscalationAction = z.infer<typeof EscalationAction>;

const Minutes = z.number().int().min(1).max(525_600);
export const SlaTargets = z
  .object({ firstResponse: Minutes.nullable(), nextResponse: Minutes.nullable(), resolution: Minutes.nullable() })
  .strict();

export const SlaPolicy = z.object({
  id: Id,
  name: z.string(),
  position: z.number().int(),
  enabled: z.boolean(),
  conditions: SlaConditions,
  /** Business minutes per metric; null: not measured. */
  targets: z.object({ firstResponse: z.number().int().nullable(), nextResponse: z.number().int().nullable(), resolution: z.number().int().nullable() }),
  /** Warn when this share of a target is used up (80 = at 80 %); null: no warning. */
  warnPercent: z.number().int().nullable(),
  escalation: z.array(EscalationAction),
  version: z.number().int(),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export const CreateSlaPolicyBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    enabled: z.boolean().default(true),
    conditions: SlaConditions.default({}),
    targets: SlaTargets,
    warnPercent: z.number().int().min(1).max(99).nullable().default(80),
    escalation: z.array(EscalationAction).max(10).default([]),
  })
  .strict();
export const UpdateSlaPolicyBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    enabled: z.boolean().optional(),
    conditions: SlaConditions.optional(),
    targets: SlaTargets.optional(),
    warnPercent: z.number().int().min(1).max(99).nullable().optional(),
    escalation: z.array(EscalationAction).max(10).optional(),
    version: z.number().int().optional(),
  })
  .strict();
/** The policies' new order, first match wins: every policy id once. */
export const ReorderSlaPoliciesBody = z.object({ ids: z.array(Id).min(1).max(500) }).strict();

/** One measured target of a case: the first response, the n-th next response, or the resolution. */
export const SlaClock = z.object({
  metric: SlaMetric,
  /** 1 for first response and resolution; counts up for next responses. */
  occurrence: z.number().int(),
  targetMinutes: z.number().int(),
  startedAt: Timestamp,
  /** Null while paused (pending): the clock does not run. */
  dueAt: Timestamp.nullable(),
  warnAt: Timestamp.nullable(),
  achievedAt: Timestamp.nullable(),
  paused: z.boolean(),
  breached: z.boolean(),
  /** Business minutes used so far (until achieved). */
  businessMinutes: z.number().int(),
});
export type SlaClock = z.infer<typeof SlaClock>;

export const CaseSlaDetail = z.object({
  policy: z.object({ id: Id, name: z.string() }).nullable(),
  calendar: z.object({ id: Id, name: z.string(), timeZone: z.string() }).nullable(),
  clocks: z.array(SlaClock),
});
export type CaseSlaDetail = z.infer<typeof CaseSlaDetail>;
