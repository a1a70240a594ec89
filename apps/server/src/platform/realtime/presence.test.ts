import { describe, expect, it } from 'vitest';
import { PresenceRegistry, type PresenceSignal } from './presence.ts';

const emma = { id: 'u-emma', name: 'Emma' };
const ayse = { id: 'u-ayse', name: 'Ayşe' };
const sig = (connection: string, seq: number, caseId: string, state: PresenceSignal['state'], user = emma): PresenceSignal => ({ connection, seq, caseId, user, state });

describe('presence registry', () => {
  it('keeps what each connection views, per user, across several connections', () => {
    const r = new PresenceRegistry();
    r.record(sig('c1', 1, 'case-a', 'viewing'));
    r.record(sig('c2', 1, 'case-b', 'typing'));
    r.record(sig('c3', 1, 'case-a', 'viewing', ayse));
    expect(r.viewing([emma.id, ayse.id])).toEqual(new Map([[emma.id, ['case-a', 'case-b']], [ayse.id, ['case-a']]]));
    expect(r.viewing([ayse.id])).toEqual(new Map([[ayse.id, ['case-a']]]));
    // One tab leaving does not hide the case another tab still shows.
    r.record(sig('c2', 2, 'case-b', 'left'));
    r.record(sig('c4', 1, 'case-a', 'viewing'));
    r.record(sig('c1', 2, 'case-a', 'left'));
    expect(r.viewing([emma.id]).get(emma.id)).toEqual(['case-a']);
  });

  it('ignores a late, older signal (NOTIFYs sent from different pool connections may overtake)', () => {
    const r = new PresenceRegistry();
    r.record(sig('c1', 3, 'case-b', 'viewing'));
    r.record(sig('c1', 2, 'case-a', 'left'));
    r.record(sig('c1', 1, 'case-a', 'viewing'));
    expect(r.viewing([emma.id]).get(emma.id)).toEqual(['case-b']);
    r.record(sig('c1', 4, 'case-b', 'left'));
    r.record(sig('c1', 3, 'case-b', 'viewing'));
    expect(r.viewing([emma.id]).size).toBe(0);
  });

  it('forgets connections silent for longer than the TTL (an instance that died)', () => {
    let now = 1_000_000;
    const r = new PresenceRegistry(60_000, () => now);
    r.record(sig('c1', 1, 'case-a', 'viewing'));
    now += 59_000;
    expect(r.viewing([emma.id]).size).toBe(1);
    now += 2_000;
    expect(r.viewing([emma.id]).size).toBe(0);
  });
});
