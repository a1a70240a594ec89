import { describe, expect, it } from 'vitest';
import type { CalendarSpec } from './clock.ts';
import { computeClocks, headlineClock, policyMatches, type CaseFact } from './compute.ts';

const t0 = new Date('2026-12-07T09:00:00Z'); // a Monday, 10:00 in Berlin
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();
const inbound = (m: number): CaseFact => ({ at: at(m), type: 'inbound' });
const outbound = (m: number): CaseFact => ({ at: at(m), type: 'outbound' });
const status = (m: number, s: 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed'): CaseFact => ({ at: at(m), type: 'status', status: s });
const targets = { firstResponse: 60, nextResponse: 30, resolution: 480, warnPercent: 80 };
const created = (...facts: CaseFact[]) => ({ createdAt: t0, facts: [status(0, 'new'), inbound(0), ...facts] });
const byMetric = (clocks: ReturnType<typeof computeClocks>, metric: string, occurrence = 1) => clocks.find((k) => k.metric === metric && k.occurrence === occurrence)!;

describe('SLA clocks of a case (24/7)', () => {
  it('runs first response and resolution from creation, with a warning at 80 %', () => {
    const clocks = computeClocks(created(), targets, null, at(10));
    expect(byMetric(clocks, 'first_response')).toMatchObject({ dueAt: at(60), warnAt: at(48), achievedAt: null, paused: false, breached: false, businessMinutes: 10 });
    expect(byMetric(clocks, 'resolution').dueAt?.toISOString()).toBe(iso(480));
    expect(clocks.some((k) => k.metric === 'next_response')).toBe(false);
    expect(headlineClock(clocks)?.metric).toBe('first_response');
  });
  it('a late first reply is achieved but breached; an early one is not', () => {
    expect(byMetric(computeClocks(created(status(5, 'open'), outbound(75)), targets, null, at(80)), 'first_response')).toMatchObject({ achievedAt: at(75), breached: true, businessMinutes: 75 });
    expect(byMetric(computeClocks(created(outbound(20)), targets, null, at(80)), 'first_response')).toMatchObject({ achievedAt: at(20), dueAt: at(60), breached: false });
  });
  it('is breached once now passes the due time', () => {
    expect(byMetric(computeClocks(created(), targets, null, at(61)), 'first_response').breached).toBe(true);
  });
  it('pending pauses every clock; the paused time moves the due time on', () => {
    const paused = computeClocks(created(status(10, 'pending')), targets, null, at(100));
    expect(byMetric(paused, 'first_response')).toMatchObject({ paused: true, dueAt: null, businessMinutes: 10, breached: false });
    expect(headlineClock(paused)).toMatchObject({ metric: 'first_response', paused: true });
    const resumed = computeClocks(created(status(10, 'pending'), status(40, 'open')), targets, null, at(50));
    expect(byMetric(resumed, 'first_response')).toMatchObject({ paused: false, dueAt: at(90), businessMinutes: 20 });
    expect(byMetric(resumed, 'resolution').dueAt).toEqual(at(510));
  });
  it('on hold does not pause (we wait on a third party, not on the customer)', () => {
    expect(byMetric(computeClocks(created(status(10, 'on_hold')), targets, null, at(30)), 'first_response')).toMatchObject({ paused: false, dueAt: at(60) });
  });
  it('next response: from the first unanswered customer message to our next reply, once per exchange', () => {
    const clocks = computeClocks(created(outbound(5), inbound(100), inbound(110), outbound(120), outbound(125), inbound(200)), targets, null, at(210));
    expect(byMetric(clocks, 'next_response', 1)).toMatchObject({ startedAt: at(100), dueAt: at(130), achievedAt: at(120), breached: false });
    expect(byMetric(clocks, 'next_response', 2)).toMatchObject({ startedAt: at(200), dueAt: at(230), achievedAt: null });
    expect(clocks.filter((k) => k.metric === 'next_response')).toHaveLength(2);
    expect(headlineClock(clocks)).toMatchObject({ metric: 'next_response', occurrence: 2 });
  });
  it('resolution stops at solved and resumes on reopen, counting only unsolved time', () => {
    const solved = computeClocks(created(outbound(5), status(5, 'open'), status(100, 'solved')), targets, null, at(300));
    expect(byMetric(solved, 'resolution')).toMatchObject({ achievedAt: at(100), businessMinutes: 100, breached: false });
    expect(headlineClock(solved)).toBeNull();
    const reopened = computeClocks(created(outbound(5), status(5, 'open'), status(100, 'solved'), status(300, 'open')), targets, null, at(310));
    expect(byMetric(reopened, 'resolution')).toMatchObject({ achievedAt: null, dueAt: at(680), businessMinutes: 110 });
    const closedLater = computeClocks(created(outbound(5), status(100, 'solved'), status(200, 'closed')), targets, null, at(300));
    expect(byMetric(closedLater, 'resolution').achievedAt).toEqual(at(100));
  });
  it('a case solved without a reply stops the response clock without calling it paused', () => {
    const clocks = computeClocks(created(status(10, 'solved')), targets, null, at(100));
    expect(byMetric(clocks, 'first_response')).toMatchObject({ achievedAt: null, paused: false, stopped: true, breached: false });
    expect(headlineClock(clocks)).toBeNull();
  });
  it('a case we opened with our own message has its first response at creation', () => {
    const clocks = computeClocks({ createdAt: t0, facts: [status(0, 'open'), outbound(0)] }, targets, null, at(5));
    expect(byMetric(clocks, 'first_response').achievedAt).toEqual(t0);
  });
  it('targets left out are not measured', () => {
    expect(computeClocks(created(), { ...targets, firstResponse: null, resolution: null }, null, at(5))).toEqual([]);
  });
});

describe('SLA clocks in business hours', () => {
  const office: CalendarSpec = { timeZone: 'Europe/Berlin', weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' })), holidays: [] };
  it('a case arriving on Friday afternoon is due on Monday', () => {
    const friday = new Date('2026-12-11T16:30:00Z'); // 17:30 Berlin
    const clocks = computeClocks({ createdAt: friday, facts: [status(0, 'new')] }, { ...targets, resolution: null }, office, friday);
    expect(byMetric(clocks, 'first_response').dueAt?.toISOString()).toBe('2026-12-14T07:30:00.000Z'); // 08:30 Monday
    expect(byMetric(clocks, 'first_response').warnAt?.toISOString()).toBe('2026-12-14T07:18:00.000Z');
  });
  it('pending over the weekend adds no business time', () => {
    const friday = new Date('2026-12-11T16:00:00Z'); // 17:00 Berlin
    const facts: CaseFact[] = [{ at: friday, type: 'status', status: 'new' }, { at: new Date('2026-12-11T16:30:00Z'), type: 'status', status: 'pending' }, { at: new Date('2026-12-14T09:00:00Z'), type: 'status', status: 'open' }];
    const clocks = computeClocks({ createdAt: friday, facts }, { ...targets, resolution: null }, office, new Date('2026-12-14T09:00:00Z'));
    // 30 min on Friday, paused Monday 08:00–10:00, 30 left from 10:00.
    expect(byMetric(clocks, 'first_response')).toMatchObject({ businessMinutes: 30, dueAt: new Date('2026-12-14T09:30:00Z') });
  });
});

describe('policy conditions', () => {
  const c = { priority: 'high', channel: 'email', teamId: 't1', tier: 'Gold' };
  it('every given condition must hold; none given matches every case', () => {
    expect(policyMatches({}, c)).toBe(true);
    expect(policyMatches({ priorities: ['high', 'urgent'], channels: ['email'], teamIds: ['t1'], tiers: ['gold'] }, c)).toBe(true);
    expect(policyMatches({ priorities: ['urgent'] }, c)).toBe(false);
    expect(policyMatches({ channels: ['chat'] }, c)).toBe(false);
    expect(policyMatches({ teamIds: ['t2'] }, c)).toBe(false);
    expect(policyMatches({ teamIds: ['t1'] }, { ...c, teamId: null })).toBe(false);
    expect(policyMatches({ tiers: ['gold'] }, { ...c, tier: null })).toBe(false);
  });
});
