import type { z } from 'zod';
import { languages, type Macro, type MacroAction, type MacroQuery, type MacroTexts } from '@switchboard/contracts';
import type { Actor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import { macroVisibilitySql, mayEditMacro, maySeeMacro, mayUseMacro, visibilityParams } from './policy.ts';
import { hasText } from './render.ts';

export interface MacroRow {
  id: string;
  name: string;
  description: string;
  owner_id: string | null;
  owner_name: string | null;
  team_id: string | null;
  team_name: string | null;
  default_language: Macro['defaultLanguage'];
  texts: MacroTexts;
  actions: MacroAction[];
  usage_count: number;
  my_uses: number;
  last_used_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** `$1` is the actor, for their own usage count. */
const macroSelect = `select m.*, o.name as owner_name, t.name as team_name, coalesce(mu.uses, 0)::int as my_uses
  from macros m
  left join users o on o.id = m.owner_id
  left join teams t on t.id = m.team_id
  left join macro_usage mu on mu.macro_id = m.id and mu.user_id = $1`;

export function toMacro(actor: Actor, r: MacroRow): Macro {
  const scope = { ownerId: r.owner_id, teamId: r.team_id };
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    scope: r.owner_id ? 'personal' : 'shared',
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    team: r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null,
    defaultLanguage: r.default_language,
    texts: r.texts,
    languages: languages.filter((l) => hasText(r.texts, l)),
    actions: r.actions,
    usageCount: r.usage_count,
    myUsageCount: r.my_uses,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    editable: mayEditMacro(actor, scope),
    usable: mayUseMacro(actor, scope),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** The row of a macro the actor may see, or 404 (someone else's personal macro does not exist for you). */
export async function loadMacro(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<MacroRow> {
  const { rows } = await db.query<MacroRow>(`${macroSelect} where m.id = $2${forUpdate ? ' for update of m' : ''}`, [actor.id, id]);
  const row = rows[0];
  if (!row || !maySeeMacro(actor, { ownerId: row.owner_id, teamId: row.team_id })) throw notFound('The macro');
  return row;
}

export async function getMacro(db: Queryable, actor: Actor, id: string): Promise<Macro> {
  return toMacro(actor, await loadMacro(db, actor, id));
}

/** `%`, `_` and `\` match themselves in a search word. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Macros the actor may see, best first for the composer's picker: names starting with what was
 * typed, then the ones you use most, then the most used overall. Every word of `q` must appear in
 * the name, description or one of the texts (any language: an agent may search in their own).
 */
export async function listMacros(db: Queryable, actor: Actor, query: z.output<typeof MacroQuery>): Promise<Macro[]> {
  const params: unknown[] = visibilityParams(actor, query.usable === 'true');
  const where = [macroVisibilitySql];
  if (query.scope === 'personal') where.push('m.owner_id is not null');
  if (query.scope === 'shared') where.push('m.owner_id is null');
  const words = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
  for (const w of words) {
    params.push(`%${likeEscape(w)}%`);
    const p = `$${params.length}`;
    where.push(`(m.name ilike ${p} or m.description ilike ${p} or m.texts::text ilike ${p})`);
  }
  params.push(words.length ? `${likeEscape(words.join(' '))}%` : '');
  const prefix = `$${params.length}`;
  params.push(query.limit);
  const { rows } = await db.query<MacroRow>(
    `${macroSelect} where ${where.join(' and ')}
     order by (${prefix} <> '' and m.name ilike ${prefix}) desc, coalesce(mu.uses, 0) desc, m.usage_count desc, lower(m.name), m.id
     limit $${params.length}`,
    params,
  );
  return rows.map((r) => toMacro(actor, r));
}
