import type { Actor } from '../../platform/context.ts';
import { forbidden } from '../../platform/http/errors.ts';

/**
 * Flows decide what agents tell customers and what happens to their cases: supervisors and admins
 * write and publish them; every agent runs them (on cases they can see).
 */
export const mayManageFlows = (actor: Actor): boolean => actor.role === 'supervisor' || actor.role === 'admin';

/** Throws 403 unless the actor may edit, publish and analyse flows. */
export function assertMayManageFlows(actor: Actor): void {
  if (!mayManageFlows(actor)) throw forbidden('Only supervisors and admins edit and publish troubleshooting flows');
}

/** Agents, supervisors and admins run flows; customers use the help center's self-service pages. */
export const mayRunFlows = (actor: Actor): boolean => actor.role !== 'customer';
