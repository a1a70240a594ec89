import { RuleBody } from '@switchboard/contracts';
import { systemActor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { matchingCases } from './candidates.ts';
import { createRule } from './manage-rules.ts';

const demoRules = [
  {
    name: 'Tag refund requests',
    description: 'New cases that ask for money back get the refund tag, in every language we serve.',
    kind: 'trigger',
    event: 'case.created',
    conditions: { match: 'any', items: [{ field: 'case.subject', op: 'contains_any', value: ['refund', 'erstattung', 'iade', 'tagasimakse'] }] },
    actions: [{ type: 'add_tags', tags: ['refund'] }],
  },
  {
    name: 'Remind after 3 days pending',
    description: 'A note for the assignee when the customer has not answered for three days.',
    kind: 'time',
    conditions: {
      match: 'all',
      items: [
        { field: 'case.status', op: 'is', value: 'pending' },
        { field: 'case.hours_since_status_changed', op: 'gte', value: 72 },
      ],
    },
    actions: [{ type: 'add_note', body: 'The customer has not answered for 3 days. Follow up, or solve the case if nothing is left to do.' }],
  },
  {
    name: 'Close 4 days after solved',
    description: 'Solved cases close after four days; a customer writing later opens a follow-up.',
    kind: 'time',
    conditions: {
      match: 'all',
      items: [
        { field: 'case.status', op: 'is', value: 'solved' },
        { field: 'case.hours_since_solved', op: 'gte', value: 96 },
      ],
    },
    actions: [{ type: 'set_status', status: 'closed' }],
  },
] as const;

/**
 * The demo's rules. They start from "now": the demo's own history (its seeded events and the
 * cases that are already old enough) counts as handled, so opening the demo changes nothing and
 * the rules act on what happens next.
 */
export async function seedAutomationDemo(tx: Tx): Promise<void> {
  for (const input of demoRules) {
    const rule = await createRule(systemActor, tx, RuleBody.parse(input));
    if (rule.kind === 'trigger') {
      await tx.query('insert into automation_caused_events (event_id, rule_id) select id, $1 from events on conflict do nothing', [rule.id]);
      continue;
    }
    const { matches } = await matchingCases(tx, rule, { kind: 'time', ruleId: rule.id, scan: 10_000 });
    for (const m of matches) {
      await tx.query('insert into automation_firings (rule_id, case_id, occurrence, acted) values ($1, $2, $3, false) on conflict do nothing', [rule.id, m.snapshot.id, m.occurrence]);
    }
  }
}
