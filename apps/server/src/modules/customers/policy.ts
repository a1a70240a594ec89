import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';

/**
 * Customer records are shared by all staff: any agent may look up and complete any customer, as a
 * contact can reach any team. Customers (portal) see only themselves — enforced where the portal reads.
 */
export function mayReadCustomers(actor: Actor): boolean {
  return actor.role !== 'customer';
}

export function assertStaff(actor: Actor): void {
  if (!mayReadCustomers(actor)) throw new AppError('forbidden', 'This is for staff only');
}
