import type { z } from 'zod';
import type { Case, MacroAction, MacroApplied, MacroAppliedActivity, MacroPreview, MacroRendering, PreviewMacroBody } from '@switchboard/contracts';
import { placeholderProblems } from '@switchboard/contracts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { addActivity, getCase, updateCase } from '../cases/index.ts';
import { mayUseMacro } from './policy.ts';
import { loadMacro, type MacroRow } from './queries.ts';
import { chooseLanguage, firstName, renderText, type PlaceholderValues } from './render.ts';

type CaseChanges = Parameters<typeof updateCase>[5];

/** What the placeholders read on a case, written by `actor`; `teamName` overrides the case's team. */
function caseValues(c: Case, actor: Actor, teamName?: string | null): PlaceholderValues {
  return {
    'customer.name': c.requester.name,
    'customer.firstName': firstName(c.requester.name),
    'customer.email': c.requester.email,
    'organization.name': c.organization?.name ?? null,
    'case.number': String(c.number),
    'case.subject': c.subject,
    'agent.name': actor.name,
    'agent.firstName': firstName(actor.name),
    'team.name': teamName !== undefined ? teamName : (c.team?.name ?? null),
  };
}

async function preferredLanguage(db: Queryable, customerId: string): Promise<string | null> {
  const { rows } = await db.query<{ preferred_language: string | null }>('select preferred_language from customers where id = $1', [customerId]);
  return rows[0]?.preferred_language ?? null;
}

/** The team a macro's actions would put the case in, by name (undefined: the actions keep it). */
async function teamAfter(db: Queryable, actions: readonly MacroAction[]): Promise<string | null | undefined> {
  const last = actions.filter((a) => a.type === 'set_team').at(-1);
  if (!last) return undefined;
  if (!last.teamId) return null;
  const { rows } = await db.query<{ name: string }>('select name from teams where id = $1', [last.teamId]);
  return rows[0]?.name ?? null;
}

async function render(db: Queryable, actor: Actor, macro: MacroRow, c: Case, teamName?: string | null): Promise<MacroRendering> {
  const choice = chooseLanguage(macro.texts, macro.default_language, await preferredLanguage(db, c.requester.id));
  const { text, missing } = renderText(macro.texts[choice.language] ?? '', caseValues(c, actor, teamName));
  return { macroId: macro.id, text, missing, ...choice };
}

async function usableMacro(db: Queryable, actor: Actor, macroId: string): Promise<MacroRow> {
  const macro = await loadMacro(db, actor, macroId);
  if (!mayUseMacro(actor, { ownerId: macro.owner_id, teamId: macro.team_id })) {
    throw forbidden(`The macro ${macro.name} is for the team ${macro.team_name ?? ''}; only its members apply it`);
  }
  return macro;
}

/** A macro's text for a case, as applying it would give it, without changing anything. */
export async function previewMacro(db: Queryable, actor: Actor, caseRef: string | number, macroId: string): Promise<MacroRendering> {
  const macro = await usableMacro(db, actor, macroId);
  const c = await getCase(db, actor, caseRef);
  return render(db, actor, macro, c, await teamAfter(db, macro.actions));
}

/** The case changes a macro's actions make, starting from the case as it is now. */
function changesFor(actions: readonly MacroAction[], actor: Actor, c: Case): CaseChanges {
  const changes: CaseChanges = {};
  const tags = new Set(c.tags);
  let tagsTouched = false;
  for (const a of actions) {
    if (a.type === 'set_status') changes.status = a.status;
    else if (a.type === 'set_priority') changes.priority = a.priority;
    else if (a.type === 'set_team') changes.teamId = a.teamId;
    else if (a.type === 'set_assignee') changes.assigneeId = a.assignee === 'me' ? actor.id : a.assignee;
    else {
      tagsTouched = true;
      for (const t of a.tags) {
        if (a.type === 'add_tags') tags.add(t);
        else tags.delete(t);
      }
    }
  }
  if (tagsTouched) changes.tags = [...tags];
  return changes;
}

function changedFields(before: Case, after: Case): string[] {
  const out: string[] = [];
  if (before.status !== after.status) out.push('status');
  if (before.priority !== after.priority) out.push('priority');
  if ((before.team?.id ?? null) !== (after.team?.id ?? null)) out.push('team');
  if ((before.assignee?.id ?? null) !== (after.assignee?.id ?? null)) out.push('assignee');
  if ([...before.tags].sort().join(',') !== [...after.tags].sort().join(',')) out.push('tags');
  return out;
}

/**
 * Applies a macro to a case in the caller's transaction: its actions change the case through the
 * cases module as the actor (so a macro grants nothing its user could not do by hand, and a closed
 * case or a forbidden assignment fails the whole apply), an `macros.applied` activity documents it,
 * and the text comes back rendered for the composer — the agent reviews and sends it.
 */
export async function applyMacro(app: AppContext, actor: Actor, tx: Tx, caseRef: string | number, macroId: string): Promise<MacroApplied> {
  const macro = await usableMacro(tx, actor, macroId);
  const visible = await getCase(tx, actor, caseRef);
  // Lock first, so tags added by someone else meanwhile are not lost when ours are written.
  await tx.query('select 1 from cases where id = $1 for update', [visible.id]);
  const before = await getCase(tx, actor, visible.id);
  const changes = changesFor(macro.actions, actor, before);
  const after = Object.keys(changes).length ? await updateCase(app, actor, tx, before.id, 'current', changes) : before;
  const changed = changedFields(before, after);
  const rendering = await render(tx, actor, macro, after);

  const data: MacroAppliedActivity = {
    macroId: macro.id,
    name: macro.name,
    scope: macro.owner_id ? 'personal' : 'shared',
    language: rendering.language,
    fellBack: rendering.fellBack,
    actions: macro.actions,
    changed,
  };
  await addActivity(app, actor, tx, after.id, {
    type: 'macros.applied',
    summary: `applied the macro “${macro.name}” (${rendering.language}${changed.length ? `; changed ${changed.join(', ')}` : ''})`,
    data,
  });
  await tx.query('update macros set usage_count = usage_count + 1, last_used_at = now() where id = $1', [macro.id]);
  await tx.query(
    `insert into macro_usage (macro_id, user_id, uses) values ($1, $2, 1)
     on conflict (macro_id, user_id) do update set uses = macro_usage.uses + 1, last_used_at = now()`,
    [macro.id, actor.id],
  );
  // The activity touched the case (updated_at): hand back what the case page will show.
  return { ...rendering, case: await getCase(tx, actor, after.id), changed };
}

const example = (actor: Actor): PlaceholderValues => ({
  'customer.name': 'Anna Schmidt',
  'customer.firstName': 'Anna',
  'customer.email': 'anna.schmidt@example.com',
  'organization.name': 'Example GmbH',
  'case.number': '1042',
  'case.subject': 'Wrong price at the checkout',
  'agent.name': actor.name,
  'agent.firstName': firstName(actor.name),
  'team.name': null,
});

/**
 * The editor's live preview of an unsaved text: filled from a case the actor may see, else from an
 * example customer, with the problems saving it would report.
 */
export async function previewText(db: Queryable, actor: Actor, input: z.output<typeof PreviewMacroBody>): Promise<MacroPreview> {
  const teamName = await teamAfter(db, input.actions);
  let values: PlaceholderValues;
  if (input.caseId) values = caseValues(await getCase(db, actor, input.caseId), actor, teamName);
  else {
    const { rows } = await db.query<{ name: string }>('select name from teams where id = any($1::uuid[]) order by name limit 1', [[...actor.teamIds]]);
    values = { ...example(actor), 'team.name': teamName !== undefined ? teamName : (rows[0]?.name ?? 'Support') };
  }
  const { text, missing } = renderText(input.text, values);
  return { text, missing, problems: placeholderProblems(input.text) };
}
