import type { Tx } from '../../platform/db/index.ts';

/** Demo mailboxes: one address per department, each routing new cases to its team. */
const demoMailboxes = [
  { name: 'Customer service', address: 'service@demo.switchboard.dev', team: 'Billing' },
  { name: 'Technical support', address: 'support@demo.switchboard.dev', team: 'Technical Support' },
  { name: 'Returns', address: 'returns@demo.switchboard.dev', team: 'Returns' },
  { name: 'Reservations', address: 'reservations@demo.switchboard.dev', team: 'Reservations' },
];

export async function seedDemoMailboxes(tx: Tx): Promise<void> {
  for (const m of demoMailboxes) {
    await tx.query(`insert into mailboxes (name, address, team_id) select $1, $2, (select id from teams where name = $3)`, [m.name, m.address, m.team]);
  }
}
