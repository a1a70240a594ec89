import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime, type CalendarSpec } from './clock.ts';

/** A local wall-clock time in a zone, as an instant. */
const local = (iso: string, zone: string) => {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`bad test time ${iso}`);
  return dt.toJSDate();
};
const utc = (iso: string) => new Date(iso);
const inZone = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm ZZ");

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));
const office = (timeZone: string, holidays: CalendarSpec['holidays'] = []): CalendarSpec => ({ timeZone, weekly: weekdays('08:00', '18:00'), holidays });
const allDay = (timeZone: string, days = [1, 2, 3, 4, 5, 6, 7]): CalendarSpec => ({ timeZone, weekly: days.map((day) => ({ day, start: '00:00', end: '24:00' })), holidays: [] });
const only = (timeZone: string, day: number, start: string, end: string): CalendarSpec => ({ timeZone, weekly: [{ day, start, end }], holidays: [] });

const berlinHolidays = [
  { date: '2026-12-25', recurring: false },
  { date: '2026-12-26', recurring: false },
  { date: '2020-01-01', recurring: true },
];
const B = 'Europe/Berlin';
const NY = 'America/New_York';
const IST = 'Europe/Istanbul';
const TLL = 'Europe/Tallinn';

describe('24/7 (no calendar)', () => {
  it('adds and measures plain elapsed minutes, across DST switches too', () => {
    const start = utc('2026-03-28T23:30:00Z');
    expect(addBusinessMinutes(null, start, 120).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(businessMinutesBetween(null, start, utc('2026-03-30T23:30:00Z'))).toBe(2880);
    expect(businessMinutesBetween(null, utc('2026-01-02T00:00:00Z'), utc('2026-01-01T00:00:00Z'))).toBe(0);
  });
});

describe('business hours within a week (Europe/Berlin, Mon–Fri 08:00–18:00)', () => {
  const cal = office(B, berlinHolidays);
  it('adds within the same day', () => {
    expect(inZone(addBusinessMinutes(cal, local('2026-12-07T10:00', B), 60), B)).toBe('2026-12-07T11:00 +01:00');
  });
  it('ends exactly at closing time rather than next morning', () => {
    expect(inZone(addBusinessMinutes(cal, local('2026-12-07T10:00', B), 480), B)).toBe('2026-12-07T18:00 +01:00');
    expect(inZone(addBusinessMinutes(cal, local('2026-12-07T10:00', B), 481), B)).toBe('2026-12-08T08:01 +01:00');
  });
  it('starts counting at opening when the case arrives at night or on a weekend', () => {
    expect(inZone(addBusinessMinutes(cal, local('2026-12-08T03:00', B), 30), B)).toBe('2026-12-08T08:30 +01:00');
    expect(inZone(addBusinessMinutes(cal, local('2026-12-12T11:00', B), 30), B)).toBe('2026-12-14T08:30 +01:00');
    expect(inZone(addBusinessMinutes(cal, local('2026-12-07T19:00', B), 600), B)).toBe('2026-12-08T18:00 +01:00');
  });
  it('carries over the weekend', () => {
    expect(inZone(addBusinessMinutes(cal, local('2026-12-11T17:00', B), 120), B)).toBe('2026-12-14T09:00 +01:00');
    expect(businessMinutesBetween(cal, local('2026-12-11T16:00', B), local('2026-12-14T10:00', B))).toBe(240);
  });
  it('skips holidays, dated and recurring', () => {
    // Thu 24 Dec 17:00 + 2 h: Fri 25 is Christmas, then the weekend.
    expect(inZone(addBusinessMinutes(cal, local('2026-12-24T17:00', B), 120), B)).toBe('2026-12-28T09:00 +01:00');
    // New Year's Day 2027 (Friday) recurs from a 2020 entry.
    expect(inZone(addBusinessMinutes(cal, local('2026-12-31T17:30', B), 60), B)).toBe('2027-01-04T08:30 +01:00');
    expect(businessMinutesBetween(cal, local('2027-01-01T00:00', B), local('2027-01-02T00:00', B))).toBe(0);
    // A dated holiday does not recur: 25 Dec 2027 is a Saturday anyway, so use 2026-12-26 → 2029 (Wed) is a business day.
    expect(businessMinutesBetween(cal, local('2029-12-26T00:00', B), local('2029-12-27T00:00', B))).toBe(600);
  });
  it('adds zero minutes as the start itself, even out of hours', () => {
    const night = local('2026-12-08T03:00', B);
    expect(addBusinessMinutes(cal, night, 0).getTime()).toBe(night.getTime());
  });
  it('measures zero for reversed or out-of-hours ranges', () => {
    expect(businessMinutesBetween(cal, local('2026-12-08T12:00', B), local('2026-12-08T11:00', B))).toBe(0);
    expect(businessMinutesBetween(cal, local('2026-12-12T09:00', B), local('2026-12-13T17:00', B))).toBe(0);
  });
  it('counts whole weeks', () => {
    expect(businessMinutesBetween(cal, local('2026-11-30T00:00', B), local('2026-12-07T00:00', B))).toBe(5 * 600);
  });
  it('knows whether an instant is in business hours (closing time is not)', () => {
    expect(isBusinessTime(cal, local('2026-12-07T08:00', B))).toBe(true);
    expect(isBusinessTime(cal, local('2026-12-07T17:59', B))).toBe(true);
    expect(isBusinessTime(cal, local('2026-12-07T18:00', B))).toBe(false);
    expect(isBusinessTime(cal, local('2026-12-25T10:00', B))).toBe(false);
    expect(isBusinessTime(null, local('2026-12-25T10:00', B))).toBe(true);
  });
});

describe('several intervals per weekday', () => {
  const cal: CalendarSpec = {
    timeZone: B,
    weekly: [
      { day: 1, start: '13:00', end: '17:00' },
      { day: 1, start: '09:00', end: '12:00' },
      { day: 3, start: '10:00', end: '11:00' },
    ],
    holidays: [],
  };
  it('jumps the lunch break', () => {
    expect(inZone(addBusinessMinutes(cal, local('2026-12-07T11:30', B), 60), B)).toBe('2026-12-07T13:30 +01:00');
    expect(businessMinutesBetween(cal, local('2026-12-07T11:00', B), local('2026-12-07T14:00', B))).toBe(120);
  });
  it('goes to the next day that has hours', () => {
    expect(inZone(addBusinessMinutes(cal, local('2026-12-07T16:30', B), 60), B)).toBe('2026-12-09T10:30 +01:00');
  });
  it('merges overlapping intervals instead of counting them twice', () => {
    const overlap: CalendarSpec = { timeZone: B, weekly: [{ day: 1, start: '09:00', end: '12:00' }, { day: 1, start: '11:00', end: '13:00' }], holidays: [] };
    expect(businessMinutesBetween(overlap, local('2026-12-07T00:00', B), local('2026-12-08T00:00', B))).toBe(240);
  });
});

describe('time zones', () => {
  it('counts the calendar’s own wall clock, not UTC (New York)', () => {
    const cal: CalendarSpec = { timeZone: NY, weekly: weekdays('09:00', '17:00'), holidays: [{ date: '2026-11-26', recurring: false }] };
    // 16:00 Wed 25 Nov in New York = 21:00 UTC; Thanksgiving Thursday is a holiday.
    expect(addBusinessMinutes(cal, utc('2026-11-25T21:00:00Z'), 90).toISOString()).toBe('2026-11-27T14:30:00.000Z');
  });
  it('Istanbul (UTC+3 all year, no daylight saving)', () => {
    const cal = office(IST);
    expect(addBusinessMinutes(cal, utc('2026-07-06T04:00:00Z'), 30).toISOString()).toBe('2026-07-06T05:30:00.000Z');
    expect(addBusinessMinutes(cal, utc('2026-01-05T04:00:00Z'), 30).toISOString()).toBe('2026-01-05T05:30:00.000Z');
    expect(businessMinutesBetween(allDay(IST), local('2026-03-29T00:00', IST), local('2026-03-30T00:00', IST))).toBe(1440);
    expect(businessMinutesBetween(allDay(IST), local('2026-10-25T00:00', IST), local('2026-10-26T00:00', IST))).toBe(1440);
  });
  it('Tallinn (UTC+2/+3)', () => {
    const cal = office(TLL);
    expect(addBusinessMinutes(cal, utc('2026-12-07T05:00:00Z'), 60).toISOString()).toBe('2026-12-07T07:00:00.000Z');
    expect(addBusinessMinutes(cal, utc('2026-06-08T05:00:00Z'), 60).toISOString()).toBe('2026-06-08T06:00:00.000Z');
  });
  it('the same instant is inside hours in one zone and outside in another', () => {
    const instant = utc('2026-12-07T15:30:00Z'); // 16:30 Berlin, 17:30 Tallinn, 18:30 Istanbul, 10:30 New York
    expect(isBusinessTime(office(B), instant)).toBe(true);
    expect(isBusinessTime(office(IST), instant)).toBe(false);
    expect(isBusinessTime(office(NY), instant)).toBe(true);
    expect(isBusinessTime(office(TLL), instant)).toBe(true);
  });
});

describe('daylight saving: spring forward', () => {
  it('a whole-day calendar has 23 hours on the switch day', () => {
    expect(businessMinutesBetween(allDay(B), local('2026-03-29T00:00', B), local('2026-03-30T00:00', B))).toBe(1380);
    expect(businessMinutesBetween(allDay(NY), local('2026-03-08T00:00', NY), local('2026-03-09T00:00', NY))).toBe(1380);
    expect(businessMinutesBetween(allDay(TLL), local('2026-03-29T00:00', TLL), local('2026-03-30T00:00', TLL))).toBe(1380);
  });
  it('an interval across the switch counts the real time (01:00–04:00 Berlin = 2 h)', () => {
    const cal = only(B, 7, '01:00', '04:00');
    expect(businessMinutesBetween(cal, utc('2026-03-28T00:00:00Z'), utc('2026-03-30T00:00:00Z'))).toBe(120);
    expect(addBusinessMinutes(cal, local('2026-03-29T01:30', B), 60).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
  });
  it('an interval inside the skipped hour counts nothing (02:00–03:00 Berlin)', () => {
    const cal = only(B, 7, '02:00', '03:00');
    expect(businessMinutesBetween(cal, utc('2026-03-28T00:00:00Z'), utc('2026-03-30T00:00:00Z'))).toBe(0);
    // …and the next Sunday has its full hour again.
    expect(addBusinessMinutes(cal, utc('2026-03-28T00:00:00Z'), 30).toISOString()).toBe('2026-04-05T00:30:00.000Z');
  });
  it('an interval starting inside the skipped hour starts at the switch (02:30–05:00 Berlin)', () => {
    const cal = only(B, 7, '02:30', '05:00');
    expect(businessMinutesBetween(cal, utc('2026-03-28T00:00:00Z'), utc('2026-03-30T00:00:00Z'))).toBe(120);
    expect(addBusinessMinutes(cal, utc('2026-03-28T00:00:00Z'), 1).toISOString()).toBe('2026-03-29T01:01:00.000Z');
  });
  it('an interval ending at the switch hour (00:00–03:00 New York = 2 h)', () => {
    const cal = only(NY, 7, '00:00', '03:00');
    expect(businessMinutesBetween(cal, utc('2026-03-07T00:00:00Z'), utc('2026-03-10T00:00:00Z'))).toBe(120);
  });
  it('Tallinn switches at 03:00 local: 03:00–05:00 is one hour', () => {
    const cal = only(TLL, 7, '03:00', '05:00');
    expect(businessMinutesBetween(cal, utc('2026-03-28T00:00:00Z'), utc('2026-03-30T00:00:00Z'))).toBe(60);
  });
  it('office hours across the switch weekend keep their local times', () => {
    const cal = office(B);
    // Fri 27 Mar 17:00 CET + 2 h = Mon 30 Mar 09:00 CEST (07:00 UTC).
    expect(addBusinessMinutes(cal, local('2026-03-27T17:00', B), 120).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(businessMinutesBetween(cal, local('2026-03-27T17:00', B), local('2026-03-30T09:00', B))).toBe(120);
  });
});

describe('daylight saving: fall back', () => {
  it('a whole-day calendar has 25 hours on the switch day', () => {
    expect(businessMinutesBetween(allDay(B), local('2026-10-25T00:00', B), local('2026-10-26T00:00', B))).toBe(1500);
    expect(businessMinutesBetween(allDay(NY), local('2026-11-01T00:00', NY), local('2026-11-02T00:00', NY))).toBe(1500);
    expect(businessMinutesBetween(allDay(TLL), local('2026-10-25T00:00', TLL), local('2026-10-26T00:00', TLL))).toBe(1500);
  });
  it('the repeated hour counts twice (02:00–03:00 Berlin = 2 h)', () => {
    const cal = only(B, 7, '02:00', '03:00');
    expect(businessMinutesBetween(cal, utc('2026-10-24T00:00:00Z'), utc('2026-10-26T00:00:00Z'))).toBe(120);
    // Starting in the first 02:30 (CEST, 00:30 UTC), one hour later the clock reads 02:30 again (CET).
    expect(addBusinessMinutes(cal, utc('2026-10-25T00:30:00Z'), 60).toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });
  it('an interval across the switch (01:00–04:00 New York = 4 h)', () => {
    const cal = only(NY, 7, '01:00', '04:00');
    expect(businessMinutesBetween(cal, utc('2026-10-31T00:00:00Z'), utc('2026-11-03T00:00:00Z'))).toBe(240);
  });
  it('Tallinn repeats 03:00–04:00', () => {
    const cal = only(TLL, 7, '03:00', '04:00');
    expect(businessMinutesBetween(cal, utc('2026-10-24T00:00:00Z'), utc('2026-10-26T00:00:00Z'))).toBe(120);
  });
  it('office hours across the switch weekend keep their local times', () => {
    const cal = office(B);
    // Fri 23 Oct 17:00 CEST (15:00 UTC) + 2 h = Mon 26 Oct 09:00 CET (08:00 UTC).
    expect(addBusinessMinutes(cal, local('2026-10-23T17:00', B), 120).toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(businessMinutesBetween(cal, utc('2026-10-23T15:00:00Z'), utc('2026-10-26T08:00:00Z'))).toBe(120);
    const ny = office(NY);
    expect(addBusinessMinutes(ny, local('2026-10-30T17:00', NY), 120).toISOString()).toBe('2026-11-02T14:00:00.000Z'); // 09:00 EST
  });
});

describe('adding and measuring agree', () => {
  const calendars: CalendarSpec[] = [
    office(B, berlinHolidays),
    office(NY),
    office(IST),
    { timeZone: TLL, weekly: [...weekdays('09:00', '12:00'), ...weekdays('13:00', '17:30'), { day: 6, start: '10:00', end: '14:00' }], holidays: [] },
    { ...allDay(B, [6, 7]), weekly: [{ day: 7, start: '01:00', end: '04:00' }, { day: 6, start: '22:00', end: '24:00' }] },
  ];
  // A fixed pseudo-random sequence: reproducible, and it crosses both switches of both years.
  let seed = 7;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  it('between(start, add(start, n)) = n for many starts and amounts', () => {
    const from = utc('2026-03-01T00:00:00Z').getTime();
    const span = utc('2027-11-30T00:00:00Z').getTime() - from;
    for (let i = 0; i < 400; i += 1) {
      const cal = calendars[i % calendars.length]!;
      const start = new Date(from + Math.floor(rand() * span));
      const minutes = Math.floor(rand() * 5000);
      const end = addBusinessMinutes(cal, start, minutes);
      expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
      expect(Math.round(businessMinutesBetween(cal, start, end) * 1000) / 1000).toBe(minutes);
    }
  });
  it('measuring is additive over a split point', () => {
    const cal = office(B, berlinHolidays);
    const a = utc('2026-10-20T10:00:00Z');
    const m = utc('2026-10-25T01:30:00Z');
    const b = utc('2026-11-02T10:00:00Z');
    expect(businessMinutesBetween(cal, a, m) + businessMinutesBetween(cal, m, b)).toBe(businessMinutesBetween(cal, a, b));
  });
});

describe('broken calendars', () => {
  it('refuses to search forever in a calendar without hours', () => {
    const closed: CalendarSpec = { timeZone: B, weekly: [{ day: 1, start: '09:00', end: '17:00' }], holidays: [{ date: '2000-01-01', recurring: true }] };
    const never: CalendarSpec = { ...closed, weekly: [] };
    expect(() => addBusinessMinutes(never, utc('2026-01-01T00:00:00Z'), 10)).toThrow(/no business hours/);
    expect(addBusinessMinutes(closed, utc('2026-12-31T12:00:00Z'), 10).toISOString()).toBe('2027-01-04T08:10:00.000Z');
  });
});
