/** The lists the macro editor offers; the server's contracts (packages/contracts/src/macros.ts) check them. */
import type { MacroAction } from './types.ts';

/** Placeholders in the order the insert menu shows them. */
export const macroPlaceholders = [
  'customer.firstName',
  'customer.name',
  'customer.email',
  'organization.name',
  'case.number',
  'case.subject',
  'agent.firstName',
  'agent.name',
  'team.name',
] as const;

export const macroActionTypes = ['set_status', 'add_tags', 'remove_tags', 'set_assignee', 'set_team', 'set_priority'] as const;
export type MacroActionType = (typeof macroActionTypes)[number];

/** A new action of a type, with a sensible first value. */
export function blankMacroAction(type: MacroActionType): MacroAction {
  switch (type) {
    case 'set_status':
      return { type, status: 'pending' };
    case 'set_priority':
      return { type, priority: 'high' };
    case 'add_tags':
    case 'remove_tags':
      return { type, tags: [] };
    case 'set_assignee':
      return { type, assignee: 'me' };
    case 'set_team':
      return { type, teamId: null };
  }
}
