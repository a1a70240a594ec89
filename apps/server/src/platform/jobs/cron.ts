import { Cron } from 'croner';

/** Throws a clear error for a cron expression or time zone that cannot be evaluated. */
export function validateCron(job: string, expression: string, timeZone = 'UTC'): void {
  try {
    nextCronRun(expression, timeZone, new Date());
  } catch (err) {
    throw new Error(`job ${job}: cron "${expression}" in ${timeZone} is not valid: ${(err as Error).message}`);
  }
}

/** The first time after `after` that the cron expression names, in the given time zone. */
export function nextCronRun(expression: string, timeZone: string, after: Date): Date {
  const next = new Cron(expression, { timezone: timeZone, paused: true }).nextRun(after);
  if (!next) throw new Error('it never runs');
  return next;
}
