import { describe, expect, it } from 'vitest';
import { chooseAgent, type Candidate, type RoutingNeeds, type RoutingPolicy } from './choose-agent.ts';

const agent = (name: string, over: Partial<Omit<Candidate, 'skills'>> & { skills?: string[] } = {}): Candidate => ({
  id: `id-${name.toLowerCase()}`,
  name,
  available: true,
  load: 0,
  capacity: 3,
  lastRoutedAt: null,
  ...over,
  skills: new Set(over.skills ?? ['language:en']),
});
const needs = (over: Partial<RoutingNeeds> = {}): RoutingNeeds => ({ channel: 'chat', accountOwnerId: null, language: null, skills: [], ...over });
const leastBusy: RoutingPolicy = { strategy: 'least_busy', preferAccountOwner: true };
const roundRobin: RoutingPolicy = { strategy: 'round_robin', preferAccountOwner: true };
const chosen = (cs: Candidate[], n = needs(), p = leastBusy) => chooseAgent(cs, n, p).assignee?.name ?? null;

describe('chooseAgent', () => {
  it('prefers the account owner when online with room, and says so with the load after assignment', () => {
    const ayse = agent('Ayşe', { load: 1, skills: ['language:de', 'language:tr'] });
    const emma = agent('Emma', { load: 0, skills: ['language:de'] });
    const d = chooseAgent([ayse, emma], needs({ accountOwnerId: ayse.id, language: 'de' }), leastBusy);
    expect(d).toEqual({
      outcome: 'assigned',
      assignee: { id: ayse.id, name: 'Ayşe' },
      reasons: ['account_owner', 'language'],
      language: 'de',
      skills: [],
      channel: 'chat',
      load: { count: 2, capacity: 3 },
      skipped: { unavailable: 0, atCapacity: 0, missingSkills: 0 },
    });
  });

  it('gives the owner the case even without the required skills (knowing the customer wins)', () => {
    const owner = agent('Owner', { skills: [] });
    const d = chooseAgent([owner, agent('Expert', { skills: ['product:billing', 'language:de'] })], needs({ accountOwnerId: owner.id, language: 'de', skills: ['billing'] }), leastBusy);
    expect(d.assignee?.name).toBe('Owner');
    expect(d.reasons).toEqual(['account_owner']);
  });

  it.each([
    ['away', { available: false }],
    ['at capacity', { load: 3 }],
    ['with zero capacity for the channel', { capacity: 0 }],
  ])('passes over an owner who is %s and balances among the others', (_label, over) => {
    const owner = agent('Owner', over);
    const d = chooseAgent([owner, agent('Bea', { load: 2 }), agent('Carl', { load: 1 })], needs({ accountOwnerId: owner.id }), leastBusy);
    expect(d.assignee?.name).toBe('Carl');
    expect(d.reasons).toEqual(['least_busy']);
  });

  it('ignores the owner when the rule does not prefer them', () => {
    const owner = agent('Owner', { load: 2 });
    expect(chosen([owner, agent('Bea')], needs({ accountOwnerId: owner.id }), { strategy: 'least_busy', preferAccountOwner: false })).toBe('Bea');
  });

  it('ignores an owner who is not a member of the team (not among the candidates)', () => {
    expect(chosen([agent('Bea', { load: 1 })], needs({ accountOwnerId: 'someone-else' }))).toBe('Bea');
  });

  it('requires the language and every skill; counts who was passed over and why', () => {
    const cs = [
      agent('Away', { available: false, skills: ['language:de', 'product:billing'] }),
      agent('Full', { load: 3, skills: ['language:de', 'product:billing'] }),
      agent('NoGerman', { skills: ['language:en', 'product:billing'] }),
      agent('NoBilling', { skills: ['language:de'] }),
      agent('Right', { load: 2, skills: ['language:de', 'product:billing', 'product:refunds'] }),
    ];
    const d = chooseAgent(cs, needs({ language: 'de', skills: ['billing'] }), leastBusy);
    expect(d.assignee?.name).toBe('Right');
    expect(d.reasons).toEqual(['language', 'skills', 'least_busy']);
    expect(d.load).toEqual({ count: 3, capacity: 3 });
    expect(d.skipped).toEqual({ unavailable: 1, atCapacity: 1, missingSkills: 2 });
  });

  it('accepts a certification as a required skill', () => {
    expect(chosen([agent('A'), agent('B', { skills: ['certification:pci'] })], needs({ skills: ['pci'] }))).toBe('B');
  });

  it('queues when nobody is available, explaining why', () => {
    const d = chooseAgent([agent('A', { available: false }), agent('B', { load: 5, capacity: 5 }), agent('C', { skills: ['language:en'] })], needs({ language: 'et' }), leastBusy);
    expect(d).toMatchObject({ outcome: 'queued', assignee: null, reasons: [], load: null, language: 'et', skipped: { unavailable: 1, atCapacity: 1, missingSkills: 1 } });
    expect(chooseAgent([], needs(), leastBusy)).toMatchObject({ outcome: 'queued', skipped: { unavailable: 0, atCapacity: 0, missingSkills: 0 } });
  });

  it('least busy compares the share of capacity in use, then the number of cases', () => {
    // 2 of 10 is less busy than 1 of 3.
    expect(chosen([agent('Small', { load: 1, capacity: 3 }), agent('Large', { load: 2, capacity: 10 })])).toBe('Large');
    // Equal share: fewer cases wins.
    expect(chosen([agent('Two', { load: 2, capacity: 4 }), agent('One', { load: 1, capacity: 2 })])).toBe('One');
  });

  it('breaks ties by who was routed to longest ago, then by name', () => {
    expect(chosen([agent('Zoe', { lastRoutedAt: 100 }), agent('Yan', { lastRoutedAt: 50 })])).toBe('Yan');
    expect(chosen([agent('Zoe', { lastRoutedAt: 100 }), agent('Yan', { lastRoutedAt: null })])).toBe('Yan');
    expect(chosen([agent('Zoe'), agent('Anna'), agent('Mia')])).toBe('Anna');
  });

  it('round robin rotates through the eligible members regardless of load', () => {
    const team = [agent('A', { load: 2 }), agent('B', { load: 0 }), agent('C', { load: 1 })];
    const order: string[] = [];
    let clock = 1;
    for (let i = 0; i < 6; i++) {
      const d = chooseAgent(team, needs(), roundRobin);
      const c = team.find((x) => x.id === d.assignee!.id)!;
      order.push(c.name);
      c.lastRoutedAt = clock++;
    }
    // First round: never routed, so by load (B 0, C 1, A 2); afterwards strictly in rotation.
    expect(order).toEqual(['B', 'C', 'A', 'B', 'C', 'A']);
    expect(chooseAgent(team, needs(), roundRobin).reasons).toEqual(['round_robin']);
  });

  it('round robin skips members who are away or full, and they rejoin their turn later', () => {
    const a = agent('A', { lastRoutedAt: 1 });
    const b = agent('B', { lastRoutedAt: 2, available: false });
    const c = agent('C', { lastRoutedAt: 3, load: 3 });
    expect(chosen([a, b, c], needs(), roundRobin)).toBe('A');
    a.lastRoutedAt = 4;
    expect(chosen([a, b, c], needs(), roundRobin)).toBe('A');
    b.available = true;
    expect(chosen([a, b, c], needs(), roundRobin)).toBe('B');
  });

  it('fills a team evenly under least busy and stops at capacity', () => {
    const team = [agent('A', { capacity: 2 }), agent('B', { capacity: 1 }), agent('C', { capacity: 3 })];
    const got: string[] = [];
    for (let i = 0; i < 8; i++) {
      const d = chooseAgent(team, needs(), leastBusy);
      if (d.outcome === 'queued') {
        got.push('-');
        continue;
      }
      const c = team.find((x) => x.id === d.assignee!.id)!;
      c.load += 1;
      c.lastRoutedAt = i;
      got.push(c.name);
    }
    expect(got).toEqual(['A', 'B', 'C', 'C', 'A', 'C', '-', '-']);
    expect(team.map((c) => c.load)).toEqual([2, 1, 3]);
  });

  it('never assigns above capacity over many random teams and cases', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const langs = ['de', 'en', 'et', 'tr'] as const;
    for (let round = 0; round < 500; round++) {
      const cs = Array.from({ length: 1 + Math.floor(rand() * 8) }, (_, i) =>
        agent(`N${i}`, {
          available: rand() > 0.3,
          capacity: Math.floor(rand() * 4),
          load: Math.floor(rand() * 4),
          lastRoutedAt: rand() > 0.5 ? Math.floor(rand() * 100) : null,
          skills: [`language:${langs[Math.floor(rand() * 4)]}`, ...(rand() > 0.5 ? ['product:billing'] : [])],
        }),
      );
      const n = needs({
        language: rand() > 0.5 ? langs[Math.floor(rand() * 4)]! : null,
        skills: rand() > 0.7 ? ['billing'] : [],
        accountOwnerId: rand() > 0.5 ? cs[Math.floor(rand() * cs.length)]!.id : null,
      });
      const d = chooseAgent(cs, n, rand() > 0.5 ? leastBusy : roundRobin);
      const eligible = cs.filter((c) => c.available && c.load < c.capacity && (!n.language || c.skills.has(`language:${n.language}`)) && n.skills.every((s) => c.skills.has(`product:${s}`)));
      const owner = cs.find((c) => c.id === n.accountOwnerId);
      const ownerFits = owner !== undefined && owner.available && owner.load < owner.capacity;
      if (d.outcome === 'queued') {
        expect(eligible.length === 0 && !ownerFits).toBe(true);
        expect(d.skipped.unavailable + d.skipped.atCapacity + d.skipped.missingSkills).toBe(cs.length);
      } else {
        const c = cs.find((x) => x.id === d.assignee!.id)!;
        expect(c.available && c.load < c.capacity).toBe(true);
        expect(d.load!.count).toBeLessThanOrEqual(c.capacity);
        if (ownerFits) expect(c.id).toBe(owner.id);
        else expect(eligible).toContain(c);
      }
    }
  });
});
