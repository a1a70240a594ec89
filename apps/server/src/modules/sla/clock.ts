import { DateTime } from 'luxon';

/**
 * The business-hours clock: pure functions over instants. A calendar names wall-clock hours in
 * its time zone; a business minute is a real (elapsed) minute inside them. So an interval that
 * spans a daylight-saving switch counts what actually passed (01:00–04:00 on the night clocks
 * spring forward is two hours), and an hour that does not exist on the wall clock counts nothing.
 */

export interface CalendarSpec {
  timeZone: string;
  /** ISO weekday (1 = Monday … 7 = Sunday) with local `HH:MM` start and end (`24:00` allowed). */
  weekly: ReadonlyArray<{ day: number; start: string; end: string }>;
  /** Local dates `YYYY-MM-DD`; recurring ones match every year's same month and day. */
  holidays: ReadonlyArray<{ date: string; recurring: boolean }>;
}

/** No calendar: every minute is a business minute (24/7). */
export type Calendar = CalendarSpec | null;

const MINUTE = 60_000;
/** A calendar without a single business day in this many days is treated as broken. */
const MAX_DAYS = 3 * 366;

interface Span {
  start: number;
  end: number;
}

function parseTime(hhmm: string): { hour: number; minute: number } {
  const [h, m] = hhmm.split(':').map(Number);
  return { hour: h ?? 0, minute: m ?? 0 };
}

function isHoliday(cal: CalendarSpec, day: DateTime): boolean {
  const iso = day.toISODate()!;
  const md = iso.slice(5);
  return cal.holidays.some((h) => (h.recurring ? h.date.slice(5) === md : h.date === iso));
}

/** The instant of a wall-clock time on a local day; times skipped by a spring-forward switch move to the switch. */
function at(day: DateTime, hhmm: string): number {
  if (hhmm === '24:00') return day.plus({ days: 1 }).startOf('day').toMillis();
  const { hour, minute } = parseTime(hhmm);
  const local = day.set({ hour, minute, second: 0, millisecond: 0 });
  // Luxon moves a nonexistent local time forward by the gap (02:30 → 03:30); the day's business
  // hours must not grow by that, so a time in the gap means the first instant after it.
  if (local.hour !== hour || local.minute !== minute) {
    const shifted = local.minus({ hours: 1 });
    return Math.min(local.toMillis(), nextValidAfter(shifted, hour, minute));
  }
  return local.toMillis();
}

/** The first instant whose wall clock reads at or after hour:minute on that local day. */
function nextValidAfter(from: DateTime, hour: number, minute: number): number {
  let t = from;
  for (let i = 0; i < 180; i += 1) {
    if (t.hour > hour || (t.hour === hour && t.minute >= minute)) return t.toMillis();
    t = t.plus({ minutes: 1 });
  }
  return t.toMillis();
}

/** Business spans of one local day, sorted and merged. */
function daySpans(cal: CalendarSpec, day: DateTime): Span[] {
  if (isHoliday(cal, day)) return [];
  const spans = cal.weekly
    .filter((i) => i.day === day.weekday)
    .map((i) => ({ start: at(day, i.start), end: at(day, i.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Business spans from `fromMs` on, in order, clipped to start at `fromMs`; ends after MAX_DAYS days without hours. */
function* spansFrom(cal: CalendarSpec, fromMs: number): Generator<Span> {
  let day = DateTime.fromMillis(fromMs, { zone: cal.timeZone }).startOf('day');
  if (!day.isValid) throw new Error(`unknown time zone ${cal.timeZone}`);
  let idle = 0;
  while (idle < MAX_DAYS) {
    const spans = daySpans(cal, day);
    if (spans.length === 0) idle += 1;
    else idle = 0;
    for (const s of spans) {
      if (s.end <= fromMs) continue;
      yield { start: Math.max(s.start, fromMs), end: s.end };
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
}

/** The instant `minutes` business minutes after `start` (fractions allowed). */
export function addBusinessMinutes(cal: Calendar, start: Date, minutes: number): Date {
  return new Date(addBusinessMs(cal, start.getTime(), minutes * MINUTE));
}

/** Milliseconds form of addBusinessMinutes. Zero stays at `start`, even outside business hours. */
export function addBusinessMs(cal: Calendar, startMs: number, ms: number): number {
  if (ms <= 0) return startMs;
  if (!cal) return startMs + ms;
  let left = ms;
  for (const s of spansFrom(cal, startMs)) {
    const len = s.end - s.start;
    if (len >= left) return s.start + left;
    left -= len;
  }
  throw new Error('the calendar has no business hours');
}

/** Business minutes between two instants (0 when `to` is not after `from`), fractional. */
export function businessMinutesBetween(cal: Calendar, from: Date, to: Date): number {
  return businessMsBetween(cal, from.getTime(), to.getTime()) / MINUTE;
}

/** Milliseconds form of businessMinutesBetween. */
export function businessMsBetween(cal: Calendar, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  if (!cal) return toMs - fromMs;
  let total = 0;
  for (const s of spansFrom(cal, fromMs)) {
    if (s.start >= toMs) break;
    total += Math.min(s.end, toMs) - s.start;
  }
  return total;
}

/** Whether `instant` lies inside business hours. */
export function isBusinessTime(cal: Calendar, instant: Date): boolean {
  if (!cal) return true;
  const t = instant.getTime();
  for (const s of spansFrom(cal, t)) return s.start <= t;
  return false;
}
