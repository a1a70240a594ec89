import { languages, placeholderTokens, type MacroPlaceholder, type MacroTexts } from '@switchboard/contracts';

type Language = (typeof languages)[number];

/** The values placeholders are filled with; an absent or blank one counts as missing. */
export type PlaceholderValues = Partial<Record<MacroPlaceholder, string | null>>;

export interface Rendered {
  text: string;
  /** Placeholders that had no value and no `|fallback`, in order of first use. */
  missing: string[];
}

/**
 * Fills a text's placeholders: the value, else the fallback after `|`, else nothing (reported as
 * missing so the agent can fill it in before sending). An unknown placeholder stays as written —
 * saved texts cannot have one, and the editor's preview should show it, not hide it.
 */
export function renderText(text: string, values: PlaceholderValues): Rendered {
  const missing: string[] = [];
  let out = '';
  let at = 0;
  for (const token of placeholderTokens(text)) {
    out += text.slice(at, token.start);
    at = token.end;
    if (!(token.key in placeholderLabels)) {
      out += text.slice(token.start, token.end);
      continue;
    }
    const value = values[token.key as MacroPlaceholder]?.trim();
    if (value) out += value;
    else if (token.fallback) out += token.fallback;
    else if (!missing.includes(token.key)) missing.push(token.key);
  }
  return { text: out + text.slice(at), missing };
}

/** Every known placeholder, for `in` checks without widening string to the union. */
const placeholderLabels: Record<MacroPlaceholder, true> = {
  'customer.name': true,
  'customer.firstName': true,
  'customer.email': true,
  'organization.name': true,
  'case.number': true,
  'case.subject': true,
  'agent.name': true,
  'agent.firstName': true,
  'team.name': true,
};

/** Forms of address and titles that come before a first name (en, de, et, tr). */
const honorifics = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'herr', 'frau', 'hr', 'fr', 'härra', 'proua', 'pr', 'bay', 'bayan', 'sn', 'sayın', 'dipl', 'ing', 'mag']);

/**
 * The first name of a display name, or null when there is none to be sure of — then a text's
 * fallback ("Hello {{customer.firstName|there}}") reads better than a wrong name:
 * "Anna Schmidt" → "Anna"; "Dr. Anna Schmidt" → "Anna"; "Schmidt, Anna" → "Anna";
 * "Herr Müller" → null (a form of address and a surname); "kunde42" or "anna.schmidt" (a name
 * made from an email address) → null. A single plain word stays whole ("Anna").
 */
export function firstName(name: string | null | undefined): string | null {
  let text = name?.trim() ?? '';
  const comma = /^([^,]+),\s*(.+)$/.exec(text);
  if (comma) text = comma[2]!; // "Surname, Given names"
  const words = text.split(/\s+/).filter(Boolean);
  let skipped = 0;
  while (words.length > 0 && honorifics.has(words[0]!.toLocaleLowerCase().replace(/\.$/, ''))) {
    words.shift();
    skipped += 1;
  }
  const first = words[0];
  if (!first) return null;
  if (skipped > 0 && words.length === 1 && !comma) return null; // "Herr Müller": only the surname is left
  if (/[\d@._]/.test(first)) return null; // from an email address, not a name
  return first;
}

/** Whether a language has a text worth sending (blank counts as none). */
export const hasText = (texts: MacroTexts, language: string): boolean => !!texts[language as Language]?.trim();

export interface LanguageChoice {
  language: Language;
  requestedLanguage: Language | null;
  /** The customer's language had no text: the default one was used instead. */
  fellBack: boolean;
}

/** The customer's preferred language when the macro has a text in it, else the macro's default. */
export function chooseLanguage(texts: MacroTexts, defaultLanguage: Language, requested: string | null): LanguageChoice {
  const known = requested && (languages as readonly string[]).includes(requested) ? (requested as Language) : null;
  if (known && hasText(texts, known)) return { language: known, requestedLanguage: known, fellBack: false };
  return { language: defaultLanguage, requestedLanguage: known, fellBack: known !== null && known !== defaultLanguage };
}

/**
 * What must hold for a macro's texts and actions as a whole (each text's placeholders are checked
 * by the contract): it does something, and when it has texts the default language is one of them,
 * so every customer gets a text.
 */
export function macroProblems(texts: MacroTexts, defaultLanguage: Language, actionCount: number): { field: string; message: string }[] {
  const withText = languages.filter((l) => hasText(texts, l));
  if (withText.length === 0 && actionCount === 0) return [{ field: 'body.texts', message: 'a macro needs a text or an action' }];
  if (withText.length > 0 && !hasText(texts, defaultLanguage)) {
    return [{ field: `body.texts.${defaultLanguage}`, message: `the default language (${defaultLanguage}) needs a text: customers in other languages fall back to it` }];
  }
  return [];
}

/** The texts without blank ones, in the usual language order. */
export function cleanTexts(texts: MacroTexts): MacroTexts {
  const out: MacroTexts = {};
  for (const l of languages) if (hasText(texts, l)) out[l] = texts[l];
  return out;
}
