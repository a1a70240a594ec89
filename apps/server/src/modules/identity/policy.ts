import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';

/** Who may do what with users, teams and tokens. Pure functions; routes and use-cases call them. */
export const isStaff = (a: Actor): boolean => a.role !== 'customer';
export const isAdmin = (a: Actor): boolean => a.role === 'admin';
export const isSupervisorOrAdmin = (a: Actor): boolean => a.role === 'supervisor' || a.role === 'admin';

export const mayManageUsers = isAdmin;
export const mayManageTeams = isAdmin;

export function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError('forbidden', 'Only admins may do this');
}

export function assertSupervisorOrAdmin(actor: Actor): void {
  if (!isSupervisorOrAdmin(actor)) throw new AppError('forbidden', 'Only supervisors and admins may do this');
}
