import type { EscalationAction, SlaConditions } from '@switchboard/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { recomputeCaseSla } from './recompute.ts';

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));
const everyDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));

/** Public holidays observed in every German state, 2026 and 2027. */
export const germanHolidays = [
  ['2026-01-01', 'Neujahr'],
  ['2026-04-03', 'Karfreitag'],
  ['2026-04-06', 'Ostermontag'],
  ['2026-05-01', 'Tag der Arbeit'],
  ['2026-05-14', 'Christi Himmelfahrt'],
  ['2026-05-25', 'Pfingstmontag'],
  ['2026-10-03', 'Tag der Deutschen Einheit'],
  ['2026-12-25', '1. Weihnachtstag'],
  ['2026-12-26', '2. Weihnachtstag'],
  ['2027-01-01', 'Neujahr'],
  ['2027-03-26', 'Karfreitag'],
  ['2027-03-29', 'Ostermontag'],
  ['2027-05-01', 'Tag der Arbeit'],
  ['2027-05-06', 'Christi Himmelfahrt'],
  ['2027-05-17', 'Pfingstmontag'],
  ['2027-10-03', 'Tag der Deutschen Einheit'],
  ['2027-12-25', '1. Weihnachtstag'],
  ['2027-12-26', '2. Weihnachtstag'],
].map(([date, name]) => ({ date: date!, name: name!, recurring: false }));

interface DemoPolicy {
  name: string;
  conditions: SlaConditions;
  targets: [number, number, number];
  warnPercent: number;
  escalation: EscalationAction[];
}

const policies: DemoPolicy[] = [
  { name: 'Urgent', conditions: { priorities: ['urgent'] }, targets: [30, 60, 240], warnPercent: 75, escalation: [{ type: 'notify' }] },
  { name: 'Gold and platinum customers', conditions: { tiers: ['gold', 'platinum'] }, targets: [60, 120, 960], warnPercent: 80, escalation: [{ type: 'notify' }, { type: 'raise_priority' }] },
  { name: 'High priority', conditions: { priorities: ['high'] }, targets: [120, 240, 1440], warnPercent: 80, escalation: [{ type: 'notify' }] },
  { name: 'Standard', conditions: {}, targets: [480, 480, 3000], warnPercent: 80, escalation: [{ type: 'notify' }] },
];

/**
 * Demo SLAs: "Office hours" (Mon–Fri 08:00–18:00 Berlin, German holidays) for every team but
 * Reservations, which answers around the clock; four policies. The demo's cases are measured at
 * once, quietly: targets they missed in the backdated past are marked, not escalated.
 */
export async function seedSlaDemo(app: AppContext, tx: Tx): Promise<void> {
  const { rows: office } = await tx.query<{ id: string }>(
    `insert into business_calendars (name, time_zone, weekly, holidays) values ('Office hours', 'Europe/Berlin', $1::jsonb, $2::jsonb) returning id`,
    [JSON.stringify(weekdays('08:00', '18:00')), JSON.stringify(germanHolidays)],
  );
  const { rows: allDay } = await tx.query<{ id: string }>(
    `insert into business_calendars (name, time_zone, weekly, holidays) values ('Around the clock', 'Europe/Berlin', $1::jsonb, '[]') returning id`,
    [JSON.stringify(everyDay)],
  );
  await tx.query(
    `insert into team_calendars (team_id, calendar_id)
     select id, case when name = 'Reservations' then $2::uuid else $1::uuid end from teams`,
    [office[0]!.id, allDay[0]!.id],
  );
  for (const [i, p] of policies.entries()) {
    await tx.query(
      `insert into sla_policies (name, position, conditions, first_response_minutes, next_response_minutes, resolution_minutes, warn_percent, escalation)
       values ($1, $2, $3::jsonb, $4, $5, $6, $7, $8::jsonb)`,
      [p.name, i + 1, JSON.stringify(p.conditions), ...p.targets, p.warnPercent, JSON.stringify(p.escalation)],
    );
  }
  const { rows: cases } = await tx.query<{ id: string }>(`select id from cases where status <> 'closed' and merged_into_id is null order by number`);
  const now = new Date();
  for (const c of cases) await recomputeCaseSla(app, tx, c.id, now, { quiet: true });
}
