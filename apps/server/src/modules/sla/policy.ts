import type { Actor } from '../../platform/context.ts';
import { forbidden } from '../../platform/http/errors.ts';

/** Calendars and policies decide every case's deadlines: admins change them. */
export const mayManageSla = (actor: Actor): boolean => actor.role === 'admin';
/** Supervisors plan their teams around them, so they may read them. */
export const mayReadSla = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'supervisor';

export function assertMayManageSla(actor: Actor): void {
  if (!mayManageSla(actor)) throw forbidden('Only admins change business hours and SLA policies');
}

export function assertMayReadSla(actor: Actor): void {
  if (!mayReadSla(actor)) throw forbidden('Only supervisors and admins see business hours and SLA policies');
}
