import type { Actor } from '../../platform/context.ts';

/** Who a macro belongs to: a user (personal) or nobody (shared, maybe limited to a team). */
export interface MacroScope {
  ownerId: string | null;
  teamId: string | null;
}

/** Shared macros speak for the whole service: supervisors and admins curate them. */
export const mayManageSharedMacros = (actor: Actor): boolean => actor.role === 'supervisor' || actor.role === 'admin';

/** Personal macros are their owner's alone (not even admins change them); shared ones are curated. */
export function mayEditMacro(actor: Actor, m: MacroScope): boolean {
  if (m.ownerId !== null) return m.ownerId === actor.id;
  return mayManageSharedMacros(actor);
}

/**
 * May the actor apply the macro to a case: their own personal ones, and shared ones that are for
 * everyone or for a team they belong to (admins, who see every case, may use all shared ones).
 */
export function mayUseMacro(actor: Actor, m: MacroScope): boolean {
  if (actor.role === 'customer') return false;
  if (m.ownerId !== null) return m.ownerId === actor.id;
  return m.teamId === null || actor.role === 'admin' || actor.teamIds.includes(m.teamId);
}

/** Listed and readable: what one may use or manage. Anything else answers 404, so it does not leak. */
export const maySeeMacro = (actor: Actor, m: MacroScope): boolean => mayUseMacro(actor, m) || mayEditMacro(actor, m);

/**
 * The same rules as SQL over `macros m`, with parameters from `visibilityParams` starting at $1:
 * actor id, the actor's teams, manages shared macros, is admin, only usable ones.
 */
export const macroVisibilitySql = `(m.owner_id = $1 or (m.owner_id is null and (m.team_id is null or m.team_id = any($2::uuid[]) or (case when $5::boolean then $4::boolean else $3::boolean end))))`;

/** Parameters $1–$5 of `macroVisibilitySql`. */
export const visibilityParams = (actor: Actor, usable: boolean): unknown[] => [actor.id, [...actor.teamIds], mayManageSharedMacros(actor), actor.role === 'admin', usable];
