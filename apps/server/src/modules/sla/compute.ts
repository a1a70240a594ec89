import type { SlaConditions, SlaMetric, Status } from '@switchboard/contracts';
import { addBusinessMs, businessMsBetween, type Calendar } from './clock.ts';

/**
 * The SLA clocks of one case, recomputed from its timeline on every change: a pure function of
 * the case's public messages, status changes, the policy's targets, the calendar and `now`. Being
 * recomputed from the record (not nudged step by step) makes it idempotent and immune to a job
 * running late or twice.
 */

const MINUTE = 60_000;

/** What the clocks depend on, in timeline order. */
export type CaseFact =
  | { at: Date; type: 'inbound' | 'outbound' }
  | { at: Date; type: 'status'; status: Status };

export interface CaseFacts {
  createdAt: Date;
  facts: readonly CaseFact[];
}

export interface PolicyTargets {
  firstResponse: number | null;
  nextResponse: number | null;
  resolution: number | null;
  warnPercent: number | null;
}

export interface ClockState {
  metric: SlaMetric;
  occurrence: number;
  targetMinutes: number;
  startedAt: Date;
  /** When the target is (or was) used up; null while the clock is stopped before that. */
  dueAt: Date | null;
  warnAt: Date | null;
  achievedAt: Date | null;
  /** Not achieved and not counting: pending on the customer. */
  paused: boolean;
  /** Not achieved and not counting because the case is solved (response clocks of a case closed unanswered). */
  stopped: boolean;
  breached: boolean;
  businessMinutes: number;
}

interface Span {
  start: number;
  end: number;
}

const blocking = (s: Status) => s === 'pending' || s === 'solved' || s === 'closed';

/** Status runs in time order: [start, end) with Infinity for the current one. */
function statusRuns(c: CaseFacts): Array<Span & { status: Status }> {
  const runs: Array<Span & { status: Status }> = [];
  let current: Status = 'new';
  let since = c.createdAt.getTime();
  for (const f of c.facts) {
    if (f.type !== 'status' || f.status === current) continue;
    const at = Math.max(f.at.getTime(), since);
    if (at > since) runs.push({ start: since, end: at, status: current });
    current = f.status;
    since = at;
  }
  runs.push({ start: since, end: Infinity, status: current });
  return runs;
}

/** [start, end) minus the blocked spans. */
function runningSegments(start: number, end: number, blocked: readonly Span[]): Span[] {
  const out: Span[] = [];
  let cursor = start;
  for (const b of blocked) {
    if (b.end <= cursor) continue;
    if (b.start >= end) break;
    if (b.start > cursor) out.push({ start: cursor, end: Math.min(b.start, end) });
    cursor = Math.max(cursor, b.end);
    if (cursor >= end) break;
  }
  if (cursor < end) out.push({ start: cursor, end });
  return out;
}

/** The instant the segments accumulate `thresholdMs` business time; an open (Infinity) segment runs forever. */
function thresholdInstant(cal: Calendar, segments: readonly Span[], thresholdMs: number): number | null {
  let used = 0;
  for (const s of segments) {
    if (s.end === Infinity) return addBusinessMs(cal, s.start, thresholdMs - used);
    const len = businessMsBetween(cal, s.start, s.end);
    if (used + len >= thresholdMs) return addBusinessMs(cal, s.start, thresholdMs - used);
    used += len;
  }
  return null;
}

function clock(
  cal: Calendar,
  metric: SlaMetric,
  occurrence: number,
  target: number,
  warnPercent: number | null,
  startMs: number,
  achievedMs: number | null,
  blocked: readonly Span[],
  paused: boolean,
  now: number,
): ClockState {
  const segments = runningSegments(startMs, achievedMs ?? Infinity, blocked);
  // Achieved while counting: the due time is the one that stood at that moment.
  const projected = segments.map((s, i) => (achievedMs !== null && i === segments.length - 1 && s.end === achievedMs ? { ...s, end: Infinity } : s));
  const targetMs = target * MINUTE;
  const due = thresholdInstant(cal, projected, targetMs);
  const warn = warnPercent === null ? null : thresholdInstant(cal, projected, Math.round((targetMs * warnPercent) / 100));
  const until = achievedMs ?? now;
  const used = segments.reduce((sum, s) => sum + businessMsBetween(cal, s.start, Math.min(s.end, until)), 0);
  const open = achievedMs === null && segments.length > 0 && segments[segments.length - 1]!.end === Infinity;
  return {
    metric,
    occurrence,
    targetMinutes: target,
    startedAt: new Date(startMs),
    dueAt: due === null ? null : new Date(due),
    warnAt: warn === null ? null : new Date(warn),
    achievedAt: achievedMs === null ? null : new Date(achievedMs),
    paused: achievedMs === null && !open && paused,
    stopped: achievedMs === null && !open && !paused,
    breached: due !== null && due <= until,
    businessMinutes: Math.floor(used / MINUTE),
  };
}

/**
 * Every clock of the case under these targets. First response: from creation to the first public
 * message we sent. Next response: from a customer's message that follows one of ours to our next
 * public message. Resolution: from creation to solved, resuming on reopen. All pause while pending.
 */
export function computeClocks(c: CaseFacts, targets: PolicyTargets, cal: Calendar, now: Date): ClockState[] {
  const runs = statusRuns(c);
  const current = runs[runs.length - 1]!.status;
  const blocked = runs.filter((r) => blocking(r.status));
  const pausedNow = current === 'pending';
  const nowMs = now.getTime();
  const created = c.createdAt.getTime();
  const out: ClockState[] = [];
  const messages = c.facts.filter((f): f is CaseFact & { type: 'inbound' | 'outbound' } => f.type !== 'status');
  const firstReply = messages.find((m) => m.type === 'outbound');
  if (targets.firstResponse !== null) {
    const achieved = firstReply ? Math.max(firstReply.at.getTime(), created) : null;
    out.push(clock(cal, 'first_response', 1, targets.firstResponse, targets.warnPercent, created, achieved, blocked, pausedNow, nowMs));
  }
  if (targets.nextResponse !== null && firstReply) {
    let waitingSince: number | null = null;
    let occurrence = 0;
    for (const m of messages.slice(messages.indexOf(firstReply) + 1)) {
      if (m.type === 'inbound' && waitingSince === null) waitingSince = m.at.getTime();
      else if (m.type === 'outbound' && waitingSince !== null) {
        occurrence += 1;
        out.push(clock(cal, 'next_response', occurrence, targets.nextResponse, targets.warnPercent, waitingSince, m.at.getTime(), blocked, pausedNow, nowMs));
        waitingSince = null;
      }
    }
    if (waitingSince !== null) {
      out.push(clock(cal, 'next_response', occurrence + 1, targets.nextResponse, targets.warnPercent, waitingSince, null, blocked, pausedNow, nowMs));
    }
  }
  if (targets.resolution !== null) {
    const last = runs[runs.length - 1]!;
    const solved = last.status === 'solved' || last.status === 'closed';
    // The clock stops when the case becomes solved; solved→closed keeps the first instant.
    let solvedAt = last.start;
    for (let i = runs.length - 2; i >= 0 && solved; i -= 1) {
      const r = runs[i]!;
      if (r.status !== 'solved' && r.status !== 'closed') break;
      solvedAt = r.start;
    }
    out.push(clock(cal, 'resolution', 1, targets.resolution, targets.warnPercent, created, solved ? solvedAt : null, blocked, pausedNow, nowMs));
  }
  return out;
}

/** The clock a list row shows: the running one due soonest, else a paused one; null when none is open. */
export function headlineClock(clocks: readonly ClockState[]): ClockState | null {
  const running = clocks.filter((k) => !k.achievedAt && !k.paused && !k.stopped && k.dueAt);
  if (running.length) return running.reduce((a, b) => (b.dueAt! < a.dueAt! ? b : a));
  return clocks.find((k) => !k.achievedAt && k.paused) ?? null;
}

/** Whether a case matches a policy's conditions: every condition given must hold (none: any case). */
export function policyMatches(
  conditions: SlaConditions,
  c: { priority: string; channel: string; teamId: string | null; tier: string | null },
): boolean {
  if (conditions.priorities?.length && !conditions.priorities.includes(c.priority as never)) return false;
  if (conditions.channels?.length && !conditions.channels.includes(c.channel as never)) return false;
  if (conditions.teamIds?.length && (c.teamId === null || !conditions.teamIds.includes(c.teamId))) return false;
  if (conditions.tiers?.length && (c.tier === null || !conditions.tiers.map((t) => t.toLowerCase()).includes(c.tier.toLowerCase()))) return false;
  return true;
}
