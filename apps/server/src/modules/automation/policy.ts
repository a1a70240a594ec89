import type { Actor } from '../../platform/context.ts';
import { forbidden } from '../../platform/http/errors.ts';

/** Rules and webhooks act on every case and send data out: only admins manage them. */
export const mayManageAutomation = (actor: Actor): boolean => actor.role === 'admin';

export function assertMayManageAutomation(actor: Actor): void {
  if (!mayManageAutomation(actor)) throw forbidden('Only admins manage automation rules and webhooks');
}
