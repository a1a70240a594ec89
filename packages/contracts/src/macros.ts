import { z } from 'zod';
import { Id, Language, Tags, Timestamp } from './common.ts';
import { Case, Priority, Status } from './cases.ts';

/**
 * What a macro's text may say between double braces, filled from the case it is applied to:
 * `{{customer.firstName}}`, or with a text used when the value is empty: `{{customer.firstName|there}}`.
 */
export const macroPlaceholders = [
  'customer.name',
  'customer.firstName',
  'customer.email',
  'organization.name',
  'case.number',
  'case.subject',
  'agent.name',
  'agent.firstName',
  'team.name',
] as const;
export type MacroPlaceholder = (typeof macroPlaceholders)[number];

/** One `{{…}}` in a text: where it is, the key it names and the fallback after `|`. */
export interface PlaceholderToken {
  start: number;
  end: number;
  key: string;
  fallback: string | null;
}

const tokenPattern = /\{\{([^{}]*)\}\}/g;

/** Every placeholder in a text, known or not, in order. */
export function placeholderTokens(text: string): PlaceholderToken[] {
  const out: PlaceholderToken[] = [];
  for (const m of text.matchAll(tokenPattern)) {
    const inner = m[1]!;
    const bar = inner.indexOf('|');
    const key = (bar < 0 ? inner : inner.slice(0, bar)).trim();
    out.push({ start: m.index, end: m.index + m[0].length, key, fallback: bar < 0 ? null : inner.slice(bar + 1).trim() });
  }
  return out;
}

/**
 * What is wrong with a text's placeholders, as messages naming each problem (empty: all fine).
 * An unknown name or a `{{` that is never closed would otherwise reach the customer verbatim.
 */
export function placeholderProblems(text: string): string[] {
  const known = new Set<string>(macroPlaceholders);
  const problems: string[] = [];
  for (const token of placeholderTokens(text)) {
    if (!known.has(token.key)) problems.push(`unknown placeholder {{${token.key}}}; use one of ${macroPlaceholders.map((p) => `{{${p}}}`).join(', ')}`);
  }
  const rest = text.replace(tokenPattern, '');
  if (rest.includes('{{') || rest.includes('}}')) problems.push('a placeholder is not closed: write {{name}} with two braces on each side');
  return [...new Set(problems)];
}

const MacroText = z
  .string()
  .max(20_000)
  .superRefine((text, ctx) => {
    for (const message of placeholderProblems(text)) ctx.addIssue({ code: 'custom', message });
  });

/** A text per language; a language without one falls back to the macro's default language. */
export const MacroTexts = z
  .object({ en: MacroText.optional(), de: MacroText.optional(), et: MacroText.optional(), tr: MacroText.optional() })
  .strict();
export type MacroTexts = z.infer<typeof MacroTexts>;
/** The same shape without the placeholder check, for responses (stored texts were checked when saved). */
const StoredTexts = z.object({ en: z.string().optional(), de: z.string().optional(), et: z.string().optional(), tr: z.string().optional() });

/** What applying a macro does to the case besides giving the agent a text. */
export const MacroAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set_status'), status: Status.exclude(['new']) }).strict(),
  z.object({ type: z.literal('set_priority'), priority: Priority }).strict(),
  z.object({ type: z.literal('add_tags'), tags: Tags.min(1) }).strict(),
  z.object({ type: z.literal('remove_tags'), tags: Tags.min(1) }).strict(),
  /** `me`: whoever applies it; null: nobody. */
  z.object({ type: z.literal('set_assignee'), assignee: z.union([z.literal('me'), Id]).nullable() }).strict(),
  z.object({ type: z.literal('set_team'), teamId: Id.nullable() }).strict(),
]);
export type MacroAction = z.infer<typeof MacroAction>;
export const macroActionTypes = ['set_status', 'set_priority', 'add_tags', 'remove_tags', 'set_assignee', 'set_team'] as const;

const macroShape = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
  /** shared: the whole team or everyone uses it (supervisors and admins manage those); personal: only its owner. */
  scope: z.enum(['personal', 'shared']),
  /** Shared macros only: just members of this team see and apply it. */
  teamId: Id.nullable().default(null),
  defaultLanguage: Language,
  texts: MacroTexts,
  actions: z.array(MacroAction).max(20).default([]),
};

export const CreateMacroBody = z
  .object(macroShape)
  .strict()
  .refine((b) => b.scope === 'shared' || b.teamId === null, { message: 'only shared macros are limited to a team', path: ['teamId'] });
export type CreateMacroBody = z.input<typeof CreateMacroBody>;

export const UpdateMacroBody = z
  .object({
    name: macroShape.name.optional(),
    description: z.string().trim().max(2000).optional(),
    teamId: Id.nullable().optional(),
    defaultLanguage: Language.optional(),
    texts: MacroTexts.optional(),
    actions: z.array(MacroAction).max(20).optional(),
    version: z.number().int().optional(),
  })
  .strict();
export type UpdateMacroBody = z.input<typeof UpdateMacroBody>;

export const Macro = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  scope: z.enum(['personal', 'shared']),
  /** Personal macros: the user they belong to. */
  owner: z.object({ id: Id, name: z.string() }).nullable(),
  team: z.object({ id: Id, name: z.string() }).nullable(),
  defaultLanguage: Language,
  texts: StoredTexts,
  /** The languages with a text, in the usual order. */
  languages: z.array(Language),
  actions: z.array(MacroAction),
  /** How often anyone applied it, and how often you did. */
  usageCount: z.number().int(),
  myUsageCount: z.number().int(),
  lastUsedAt: Timestamp.nullable(),
  /** May you change or delete it. */
  editable: z.boolean(),
  /** May you apply it to a case (a team-limited macro: members of that team). */
  usable: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type Macro = z.infer<typeof Macro>;

export const MacroQuery = z
  .object({
    /** Words to find in the name, description or texts. */
    q: z.string().trim().max(200).optional(),
    scope: z.enum(['personal', 'shared']).optional(),
    /** Only macros you may apply (the composer's picker). */
    usable: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .strict();

/** A macro's text as it reads for one case: the language chosen and why. */
export const MacroRendering = z.object({
  macroId: Id,
  text: z.string(),
  language: Language,
  /** The customer's preferred language (null: not known). */
  requestedLanguage: Language.nullable(),
  /** The customer's language has no text here, so the default language was used. */
  fellBack: z.boolean(),
  /** Placeholders that had no value on this case and no fallback (they read as empty). */
  missing: z.array(z.string()),
});
export type MacroRendering = z.infer<typeof MacroRendering>;

/** Apply: the rendered text for the composer, the case after the actions, and what changed. */
export const MacroApplied = MacroRendering.extend({
  case: Case,
  /** Fields the actions changed (status, tags, assignee, team, priority). */
  changed: z.array(z.string()),
});
export type MacroApplied = z.infer<typeof MacroApplied>;

export const CaseMacroParams = z
  .object({
    id: z.union([Id, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)], { error: 'must be a case UUID or number' }),
    macroId: Id,
  })
  .strict();

/** Renders an unsaved text (the editor's live preview) for a case, or for an example case. */
export const PreviewMacroBody = z
  .object({
    text: z.string().max(20_000),
    caseId: Id.optional(),
    /** Actions of the unsaved macro: a team change shows in {{team.name}}. */
    actions: z.array(MacroAction).max(20).default([]),
  })
  .strict();

export const MacroPreview = z.object({
  text: z.string(),
  /** What is wrong with the placeholders, as saving would report it. */
  problems: z.array(z.string()),
  missing: z.array(z.string()),
});
export type MacroPreview = z.infer<typeof MacroPreview>;

/** The data of a `macros.applied` timeline activity. */
export const MacroAppliedActivity = z.object({
  macroId: Id,
  name: z.string(),
  scope: z.enum(['personal', 'shared']),
  language: Language,
  fellBack: z.boolean(),
  actions: z.array(MacroAction),
  changed: z.array(z.string()),
});
export type MacroAppliedActivity = z.infer<typeof MacroAppliedActivity>;
