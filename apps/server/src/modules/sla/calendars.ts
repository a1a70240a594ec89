import type { z } from 'zod';
import type { BusinessCalendar, CreateCalendarBody, UpdateCalendarBody } from '@switchboard/contracts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { AppError, assertVersion, notFound } from '../../platform/http/errors.ts';
import { enqueueRecomputeAll } from './recompute-all.ts';
import { assertMayManageSla, assertMayReadSla } from './policy.ts';

interface CalendarRow {
  id: string;
  name: string;
  time_zone: string;
  weekly: BusinessCalendar['weekly'];
  holidays: BusinessCalendar['holidays'];
  version: number;
  teams: BusinessCalendar['teams'] | null;
}

const calendarSelect = `
  select b.id, b.name, b.time_zone, b.weekly, b.holidays, b.version,
    (select jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name) order by lower(t.name))
       from team_calendars tc join teams t on t.id = tc.team_id where tc.calendar_id = b.id) as teams
  from business_calendars b`;

const toCalendar = (r: CalendarRow): BusinessCalendar => ({
  id: r.id,
  name: r.name,
  timeZone: r.time_zone,
  weekly: r.weekly,
  holidays: r.holidays,
  teams: r.teams ?? [],
  version: r.version,
});

/** Every calendar with the teams that use it. */
export async function listCalendars(db: Queryable, actor: Actor): Promise<BusinessCalendar[]> {
  assertMayReadSla(actor);
  const { rows } = await db.query<CalendarRow>(`${calendarSelect} order by lower(b.name)`);
  return rows.map(toCalendar);
}

async function getCalendar(db: Queryable, id: string): Promise<BusinessCalendar> {
  const { rows } = await db.query<CalendarRow>(`${calendarSelect} where b.id = $1`, [id]);
  if (!rows[0]) throw notFound(`Calendar ${id}`);
  return toCalendar(rows[0]);
}

const sortedWeekly = (w: BusinessCalendar['weekly']) => [...w].sort((a, b) => a.day - b.day || a.start.localeCompare(b.start));
const sortedHolidays = (h: BusinessCalendar['holidays']) => [...h].sort((a, b) => a.date.localeCompare(b.date));

/** Points the teams at this calendar (a team leaves its previous one) and drops teams no longer listed. */
async function setTeams(tx: Tx, calendarId: string, teamIds: readonly string[]): Promise<void> {
  const ids = [...new Set(teamIds)];
  if (ids.length) {
    const { rows } = await tx.query<{ id: string }>('select id from teams where id = any($1::uuid[])', [ids]);
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw new AppError('validation_failed', 'Unknown team', missing.map((id) => ({ field: 'body.teamIds', message: `team ${id} not found` })));
  }
  await tx.query('delete from team_calendars where calendar_id = $1 and team_id <> all($2::uuid[])', [calendarId, ids]);
  if (ids.length) {
    await tx.query(
      `insert into team_calendars (team_id, calendar_id) select unnest($1::uuid[]), $2
       on conflict (team_id) do update set calendar_id = excluded.calendar_id`,
      [ids, calendarId],
    );
  }
}

/** Adds a calendar and gives it to the listed teams. */
export async function createCalendar(app: AppContext, actor: Actor, tx: Tx, input: z.output<typeof CreateCalendarBody>): Promise<BusinessCalendar> {
  assertMayManageSla(actor);
  const { rows } = await tx.query<{ id: string }>(
    `insert into business_calendars (name, time_zone, weekly, holidays) values ($1, $2, $3::jsonb, $4::jsonb) returning id`,
    [input.name, input.timeZone, JSON.stringify(sortedWeekly(input.weekly)), JSON.stringify(sortedHolidays(input.holidays))],
  );
  const id = rows[0]!.id;
  await setTeams(tx, id, input.teamIds);
  if (input.teamIds.length) await enqueueRecomputeAll(app, tx);
  return getCalendar(tx, id);
}

/** Changes a calendar; open cases of its teams get their due times recomputed. */
export async function updateCalendar(
  app: AppContext,
  actor: Actor,
  tx: Tx,
  id: string,
  expectedVersion: number,
  input: z.output<typeof UpdateCalendarBody>,
): Promise<BusinessCalendar> {
  assertMayManageSla(actor);
  const { rows } = await tx.query<{ version: number; name: string }>('select version, name from business_calendars where id = $1 for update', [id]);
  if (!rows[0]) throw notFound(`Calendar ${id}`);
  assertVersion(`Calendar ${rows[0].name}`, rows[0].version, expectedVersion);
  await tx.query(
    `update business_calendars set name = coalesce($2, name), time_zone = coalesce($3, time_zone),
       weekly = coalesce($4::jsonb, weekly), holidays = coalesce($5::jsonb, holidays), updated_at = now(), version = version + 1
     where id = $1`,
    [
      id,
      input.name ?? null,
      input.timeZone ?? null,
      input.weekly ? JSON.stringify(sortedWeekly(input.weekly)) : null,
      input.holidays ? JSON.stringify(sortedHolidays(input.holidays)) : null,
    ],
  );
  if (input.teamIds) await setTeams(tx, id, input.teamIds);
  await enqueueRecomputeAll(app, tx);
  return getCalendar(tx, id);
}

/** Deletes a calendar: its teams fall back to 24/7. */
export async function deleteCalendar(app: AppContext, actor: Actor, tx: Tx, id: string): Promise<void> {
  assertMayManageSla(actor);
  const { rowCount } = await tx.query('delete from business_calendars where id = $1', [id]);
  if (!rowCount) throw notFound(`Calendar ${id}`);
  await enqueueRecomputeAll(app, tx);
}
