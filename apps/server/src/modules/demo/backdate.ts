import type { Tx } from '../../platform/db/index.ts';

/**
 * A transaction sees one `now()`, so everything the seed wrote carries the same minute. Spread the
 * demo over the last three weeks instead: case k of n opens (n − k) × 17 hours ago (plus a few
 * minutes per case), and each of its timeline entries follows the previous one by 20–110 minutes.
 * The timeline is append-only for everyone else; only this demo step lifts the guard, inside the
 * seed's own transaction.
 */
export async function backdateDemo(tx: Tx): Promise<void> {
  await tx.exec('alter table case_entries disable trigger case_entries_append_only');
  await tx.exec(`
    with ranked as (
      select id, row_number() over (order by number) as k, count(*) over () as n from cases
    ), opened as (
      select id, now() - ((n - k) * interval '17 hours') - ((k * 7) % 50) * interval '1 minute' - interval '25 minutes' as at from ranked
    ), steps as (
      select e.id, e.case_id, row_number() over (partition by e.case_id order by e.id) - 1 as i from case_entries e
    ), timed as (
      select s.id, s.case_id, o.at + (sum(case when s.i = 0 then 0 else 20 + (s.id * 37) % 90 end)
               over (partition by s.case_id order by s.i)) * interval '1 minute' as at
      from steps s join opened o on o.id = s.case_id
    )
    update case_entries e set created_at = least(t.at, now()) from timed t where t.id = e.id;
  `);
  await tx.exec('alter table case_entries enable trigger case_entries_append_only');
  await tx.exec(`
    update cases c set created_at = x.first, updated_at = x.last,
      solved_at = case when c.solved_at is not null then x.last end,
      closed_at = case when c.closed_at is not null then x.last end
    from (select case_id, min(created_at) as first, max(created_at) as last from case_entries group by case_id) x
    where x.case_id = c.id;
    update customers c set created_at = now() - interval '400 days' + ((abs(hashtext(c.id::text)) % 300) * interval '1 day'), updated_at = now() - interval '30 days';
  `);
}
