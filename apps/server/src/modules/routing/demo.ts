import type { Tx } from '../../platform/db/index.ts';

/** Demo staff's skills by login: languages match who they are; products match their teams. */
const demoSkills: Record<string, { languages: string[]; products: string[]; certifications?: string[] }> = {
  'agent@demo.switchboard.dev': { languages: ['de', 'en'], products: ['billing', 'refunds'] },
  'lukas@demo.switchboard.dev': { languages: ['de', 'en'], products: ['laptops', 'coffee-machines'], certifications: ['apple-certified'] },
  'mari@demo.switchboard.dev': { languages: ['et', 'en'], products: ['laptops', 'phones', 'billing'] },
  'andres@demo.switchboard.dev': { languages: ['et', 'en'], products: ['hotels'] },
  'emre@demo.switchboard.dev': { languages: ['tr', 'en'], products: ['phones', 'tvs', 'hotels'] },
  'ayse@demo.switchboard.dev': { languages: ['tr', 'de', 'en'], products: ['refunds'] },
  'oliver@demo.switchboard.dev': { languages: ['en'], products: ['quotes'] },
  'charlotte@demo.switchboard.dev': { languages: ['en'], products: ['hotels', 'billing'] },
};

/** Capacities that differ from the defaults: a trainee takes fewer chats, a senior more emails. */
const demoCapacity: Record<string, Record<string, number>> = {
  'oliver@demo.switchboard.dev': { chat: 2, email: 15 },
  'lukas@demo.switchboard.dev': { chat: 4, email: 25 },
};

/** Routing switched on for a few teams; the others are assigned by hand. */
const demoRules = [
  { team: 'Technical Support', strategy: 'least_busy', preferOwner: true },
  { team: 'Sales', strategy: 'round_robin', preferOwner: true },
];

/** Seeds skills, capacities and routing rules for the demo company (part of the demo transaction). */
export async function seedRoutingDemo(tx: Tx): Promise<void> {
  for (const [email, s] of Object.entries(demoSkills)) {
    const skills = [...s.languages.map((n) => ['language', n]), ...s.products.map((n) => ['product', n]), ...(s.certifications ?? []).map((n) => ['certification', n])];
    await tx.query(
      `insert into agent_skills (user_id, kind, name)
       select u.id, s.kind, s.name from users u, unnest($2::text[], $3::text[]) as s(kind, name) where lower(u.email) = $1 on conflict do nothing`,
      [email, skills.map((x) => x[0]), skills.map((x) => x[1])],
    );
  }
  for (const [email, caps] of Object.entries(demoCapacity)) {
    for (const [channel, max] of Object.entries(caps)) {
      await tx.query(`insert into agent_capacity (user_id, channel, max_open) select id, $2, $3 from users where lower(email) = $1 on conflict do nothing`, [email, channel, max]);
    }
  }
  for (const r of demoRules) {
    await tx.query(
      `insert into routing_rules (team_id, enabled, strategy, prefer_account_owner) select id, true, $2, $3 from teams where lower(name) = lower($1) on conflict do nothing`,
      [r.team, r.strategy, r.preferOwner],
    );
  }
}
