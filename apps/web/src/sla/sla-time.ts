import type { Case } from '../api/types.ts';

export type CaseSla = NonNullable<Case['sla']>;
export type Urgency = 'paused' | 'overdue' | 'warning' | 'soon' | 'ok';

/** Under this much time left a clock turns yellow even without the policy's warning. */
const SOON_MS = 60 * 60_000;

/** How urgent the case's SLA is at `now`: the badge's colour. */
export function urgencyOf(sla: CaseSla, now: number): Urgency {
  if (sla.paused || !sla.dueAt) return 'paused';
  const left = new Date(sla.dueAt).getTime() - now;
  if (left <= 0 || sla.breached) return 'overdue';
  if (sla.warning) return 'warning';
  return left < SOON_MS ? 'soon' : 'ok';
}

export const urgencyColor: Record<Urgency, string> = { paused: 'gray', overdue: 'red', warning: 'orange', soon: 'yellow', ok: 'teal' };

/** A duration as days, hours and minutes (the two largest units that are not zero). */
export function durationParts(ms: number): { d: number; h: number; m: number } {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  return { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60 };
}
