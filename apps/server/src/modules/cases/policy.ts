import type { Actor } from '../../platform/context.ts';
import type { EventAudience } from '../../platform/events/bus.ts';

/** What visibility depends on: the case's team and assignee. */
export interface CaseScope {
  teamId: string | null;
  assigneeId: string | null;
}

/**
 * Who sees a case — the single rule, used by every read, write and real-time push:
 * admins see all; agents and supervisors see cases of their teams and cases assigned to them;
 * supervisors also see cases that have no team yet (triage). Customers see none here (the portal
 * shows a customer only their own requests).
 */
export function canSeeCase(actor: Actor, c: CaseScope): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'customer') return false;
  if (c.assigneeId === actor.id) return true;
  if (c.teamId !== null) return actor.teamIds.includes(c.teamId);
  return actor.role === 'supervisor';
}

/** The same rule as a set of index-friendly branches for list queries. */
export type Visibility =
  | { all: true }
  | { all: false; teamIds: readonly string[]; assigneeId: string; triage: boolean };

export function caseVisibility(actor: Actor): Visibility {
  if (actor.role === 'admin') return { all: true };
  if (actor.role === 'customer') return { all: false, teamIds: [], assigneeId: '00000000-0000-0000-0000-000000000000', triage: false };
  return { all: false, teamIds: actor.teamIds, assigneeId: actor.id, triage: actor.role === 'supervisor' };
}

/**
 * May the actor give the case to `assigneeId`? Agents assign to themselves or to members of the
 * case's team; supervisors and admins to anyone active.
 */
export function mayAssign(actor: Actor, assigneeId: string, assigneeTeamIds: readonly string[], caseTeamId: string | null): boolean {
  if (actor.role === 'admin' || actor.role === 'supervisor') return true;
  if (assigneeId === actor.id) return true;
  return caseTeamId !== null && assigneeTeamIds.includes(caseTeamId);
}

/** Everyone who could see the case before or after a change receives its event. */
export function caseAudience(...scopes: CaseScope[]): EventAudience {
  const teamIds = new Set<string>();
  const userIds = new Set<string>();
  let triage = false;
  for (const s of scopes) {
    if (s.teamId) teamIds.add(s.teamId);
    else triage = true;
    if (s.assigneeId) userIds.add(s.assigneeId);
  }
  return { teamIds: [...teamIds], userIds: [...userIds], triage };
}

/** Shared views appear in everyone's sidebar: supervisors and admins curate them. */
export function mayShareViews(actor: Actor): boolean {
  return actor.role === 'supervisor' || actor.role === 'admin';
}
