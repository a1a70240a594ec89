/**
 * `npm run bench:routing`: routing decisions per second of the pure chooser (no database), over a
 * team of BENCH_AGENTS (200) agents with mixed presence, load, capacity, languages and skills.
 * Each scenario makes BENCH_DECISIONS (20000) decisions; the state changes after each one as the
 * job would leave it (the chosen agent's load and rotation), so no result is cached.
 */
import { performance } from 'node:perf_hooks';
import { chooseAgent, type Candidate, type RoutingNeeds, type RoutingPolicy } from '../apps/server/src/modules/routing/choose-agent.ts';
import { formatTable, summarize, type Measurement } from './lib/stats.ts';

const int = (name: string, fallback: number): number => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
};
const settings = { agents: int('BENCH_AGENTS', 200), decisions: int('BENCH_DECISIONS', 20_000) };
/** A decision is pure CPU over a few hundred agents: well under a millisecond is the bar. */
const p99TargetMs = 1;

const languages = ['de', 'en', 'et', 'tr'] as const;
const products = ['billing', 'refunds', 'laptops', 'phones', 'hotels', 'quotes'];

/** A deterministic team: the same figures on every run. */
function team(size: number): Candidate[] {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: size }, (_, i) => {
    const skills = new Set<string>([`language:${languages[i % 4]}`, 'language:en', `product:${products[i % products.length]}`, `product:${products[(i + 2) % products.length]}`]);
    if (i % 10 === 0) skills.add('certification:pci');
    return { id: `agent-${i}`, name: `Agent ${String(i).padStart(3, '0')}`, available: rand() > 0.25, skills, load: Math.floor(rand() * 10), capacity: 10 + Math.floor(rand() * 20), lastRoutedAt: null };
  });
}

interface Scenario {
  name: string;
  policy: RoutingPolicy;
  needs: (i: number, agents: Candidate[]) => RoutingNeeds;
}

const scenarios: Scenario[] = [
  { name: 'least busy, no requirements', policy: { strategy: 'least_busy', preferAccountOwner: false }, needs: () => ({ channel: 'email', accountOwnerId: null, language: null, skills: [] }) },
  {
    name: 'least busy, language + product skill',
    policy: { strategy: 'least_busy', preferAccountOwner: true },
    needs: (i) => ({ channel: 'email', accountOwnerId: null, language: languages[i % 4]!, skills: [products[i % products.length]!] }),
  },
  { name: 'round robin, language', policy: { strategy: 'round_robin', preferAccountOwner: true }, needs: (i) => ({ channel: 'email', accountOwnerId: null, language: languages[i % 4]!, skills: [] }) },
  {
    name: 'account owner first (half the cases)',
    policy: { strategy: 'least_busy', preferAccountOwner: true },
    needs: (i, agents) => ({ channel: 'email', accountOwnerId: i % 2 === 0 ? agents[i % agents.length]!.id : null, language: 'en', skills: [] }),
  },
];

function run(s: Scenario): Measurement {
  const agents = team(settings.agents);
  const latencies: number[] = [];
  let assigned = 0;
  const t0 = performance.now();
  for (let i = 0; i < settings.decisions; i++) {
    const needs = s.needs(i, agents);
    const start = performance.now();
    const d = chooseAgent(agents, needs, s.policy);
    latencies.push(performance.now() - start);
    if (d.assignee) {
      assigned++;
      const a = agents.find((x) => x.id === d.assignee!.id)!;
      a.lastRoutedAt = i;
      // Keep the team from filling up: someone else solves a case now and then.
      a.load = a.load + 1 >= a.capacity ? 0 : a.load + 1;
    }
  }
  const m = summarize(`${s.name} (${settings.agents} agents)`, latencies, (performance.now() - t0) / 1000);
  m.target = `p99 < ${p99TargetMs} ms`;
  m.pass = m.p99 < p99TargetMs;
  m.note = `${Math.round(m.throughput).toLocaleString('en')} decisions/s, ${assigned} of ${settings.decisions} assigned`;
  return m;
}

function main(): void {
  // Warm the JIT so the first scenario is not penalised.
  for (let i = 0; i < 2000; i++) chooseAgent(team(20), { channel: 'email', accountOwnerId: null, language: 'de', skills: [] }, { strategy: 'least_busy', preferAccountOwner: false });
  const rows = scenarios.map(run);
  console.log('\n' + formatTable('Routing decisions (pure chooser, no database)', rows) + '\n');
  if (rows.some((r) => r.pass === false)) process.exitCode = 1;
}

main();
