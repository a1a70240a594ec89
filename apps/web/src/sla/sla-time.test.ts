import { describe, expect, it } from 'vitest';
import { durationParts, urgencyOf, type CaseSla } from './sla-time.ts';

const now = Date.parse('2026-12-07T10:00:00Z');
const sla = (dueInMinutes: number | null, extra: Partial<CaseSla> = {}): CaseSla => ({
  policy: { id: '00000000-0000-4000-8000-000000000001', name: 'Standard' },
  metric: 'first_response',
  dueAt: dueInMinutes === null ? null : new Date(now + dueInMinutes * 60_000).toISOString(),
  paused: dueInMinutes === null,
  breached: false,
  warning: false,
  ...extra,
});

describe('SLA badge urgency', () => {
  it('goes teal → yellow under an hour → orange past the warning → red when overdue; grey while paused', () => {
    expect(urgencyOf(sla(180), now)).toBe('ok');
    expect(urgencyOf(sla(45), now)).toBe('soon');
    expect(urgencyOf(sla(120, { warning: true }), now)).toBe('warning');
    expect(urgencyOf(sla(0), now)).toBe('overdue');
    expect(urgencyOf(sla(-5), now)).toBe('overdue');
    expect(urgencyOf(sla(null), now)).toBe('paused');
  });
  it('turns red by the clock even before the server says breached', () => {
    expect(urgencyOf(sla(1), now + 2 * 60_000)).toBe('overdue');
  });
  it('splits durations into days, hours and minutes', () => {
    expect(durationParts(3 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000)).toEqual({ d: 3, h: 4, m: 5 });
    expect(durationParts(-(90 * 60_000))).toEqual({ d: 0, h: 1, m: 30 });
    expect(durationParts(59_999)).toEqual({ d: 0, h: 0, m: 0 });
  });
});
