import type { RoutingExplanation } from '@switchboard/contracts';

/** A team member as the router sees them at the moment of the decision. */
export interface Candidate {
  id: string;
  name: string;
  /** Online and heard from within the grace period. */
  available: boolean;
  /** `kind:name`, e.g. `language:de`, `product:billing`. */
  skills: ReadonlySet<string>;
  /** Open cases (new, open, on hold) assigned to them in the case's channel, in any team. */
  load: number;
  capacity: number;
  /** When this team last routed a case to them (ms since epoch), for round robin. */
  lastRoutedAt: number | null;
}

/** What the case asks for. */
export interface RoutingNeeds {
  channel: RoutingExplanation['channel'];
  accountOwnerId: string | null;
  /** A required language skill (the customer's preferred language), or null. */
  language: RoutingExplanation['language'];
  /** Required product or certification skill names. */
  skills: readonly string[];
}

export interface RoutingPolicy {
  strategy: 'least_busy' | 'round_robin';
  preferAccountOwner: boolean;
}

const hasSkill = (c: Candidate, name: string) => c.skills.has(`product:${name}`) || c.skills.has(`certification:${name}`);
const ratio = (c: Candidate) => (c.capacity === 0 ? Infinity : c.load / c.capacity);
const byName = (a: Candidate, b: Candidate) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Never routed before goes first; then whoever waited longest. */
const byRotation = (a: Candidate, b: Candidate) => (a.lastRoutedAt ?? -Infinity) - (b.lastRoutedAt ?? -Infinity);
const byLoad = (a: Candidate, b: Candidate) => ratio(a) - ratio(b) || a.load - b.load;

/**
 * Chooses who gets a case, a pure function of the team's state (unit-tested over many
 * combinations; the job gives it a consistent snapshot under the team's lock):
 * 1. the customer's account owner, when the rule prefers them and they are available with room —
 *    knowing the customer outweighs skills;
 * 2. otherwise members who are available, below capacity in the case's channel and have every
 *    required skill and the language, balanced by load (the lowest share of capacity in use, then
 *    fewest cases, then longest since last routed) or by round robin (longest since last routed,
 *    then load); names break remaining ties so the choice is deterministic.
 * Nobody eligible: the case waits in the team's queue. The explanation says why, in numbers.
 */
export function chooseAgent(candidates: readonly Candidate[], needs: RoutingNeeds, policy: RoutingPolicy): RoutingExplanation {
  const base = { language: needs.language, skills: [...needs.skills], channel: needs.channel };
  const assign = (c: Candidate, reasons: RoutingExplanation['reasons']): RoutingExplanation => ({
    ...base,
    outcome: 'assigned',
    assignee: { id: c.id, name: c.name },
    reasons,
    load: { count: c.load + 1, capacity: c.capacity },
    skipped,
  });
  const skipped = { unavailable: 0, atCapacity: 0, missingSkills: 0 };

  const owner = policy.preferAccountOwner && needs.accountOwnerId ? candidates.find((c) => c.id === needs.accountOwnerId) : undefined;
  if (owner && owner.available && owner.load < owner.capacity) {
    const speaks = needs.language !== null && owner.skills.has(`language:${needs.language}`);
    return assign(owner, speaks ? ['account_owner', 'language'] : ['account_owner']);
  }

  const eligible: Candidate[] = [];
  for (const c of candidates) {
    if (!c.available) skipped.unavailable += 1;
    else if (c.load >= c.capacity) skipped.atCapacity += 1;
    else if ((needs.language && !c.skills.has(`language:${needs.language}`)) || !needs.skills.every((s) => hasSkill(c, s))) skipped.missingSkills += 1;
    else eligible.push(c);
  }
  if (eligible.length === 0) return { ...base, outcome: 'queued', assignee: null, reasons: [], load: null, skipped };

  const order = policy.strategy === 'round_robin' ? (a: Candidate, b: Candidate) => byRotation(a, b) || byLoad(a, b) || byName(a, b) : (a: Candidate, b: Candidate) => byLoad(a, b) || byRotation(a, b) || byName(a, b);
  // One pass for the minimum: a decision stays linear in the team's size.
  const chosen = eligible.reduce((best, c) => (order(c, best) < 0 ? c : best));
  const reasons: RoutingExplanation['reasons'] = [];
  if (needs.language) reasons.push('language');
  if (needs.skills.length > 0) reasons.push('skills');
  reasons.push(policy.strategy);
  return assign(chosen, reasons);
}
