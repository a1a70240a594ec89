/**
 * Pure helpers of the knowledge search: which text search configuration each language uses, how a
 * query becomes a tsquery for it, and how ts_headline's marked output becomes highlight parts.
 */
import type { KnowledgeHighlightPart } from '@switchboard/contracts';
import type { HelpLanguage } from './help-strings.ts';

/**
 * PostgreSQL text search configuration per article language (the SQL function
 * knowledge_ts_config says the same). PostgreSQL 15 has no Estonian one: 'simple' (no stemming).
 */
export const tsConfigs: Record<HelpLanguage, 'german' | 'english' | 'turkish' | 'simple'> = { de: 'german', en: 'english', tr: 'turkish', et: 'simple' };

/** Words of a query: letters and digits only, so they never carry tsquery operators. */
export function queryWords(q: string, max = 32): string[] {
  return (q.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= 60).slice(0, max);
}

/**
 * The stem-like prefix searched for an Estonian word. Estonian inflects with suffixes
 * (tagastus, tagastuse, tagastamine); without a stemmer, a prefix match is the nearest thing.
 */
export function estonianPrefix(word: string): string {
  const chars = [...word];
  if (chars.length <= 5) return word;
  return chars.slice(0, Math.max(5, chars.length - 3)).join('');
}

/**
 * The to_tsquery() text for `words` in a language: all words (`&`) for a search box, any word
 * (`|`) for suggestions from a case's text. Estonian words become prefixes (`tagas:*`).
 */
export function tsQueryText(language: HelpLanguage, words: readonly string[], mode: 'all' | 'any'): string {
  const terms = words.map((w) => (language === 'et' ? `${estonianPrefix(w)}:*` : w));
  return terms.join(mode === 'all' ? ' & ' : ' | ');
}

/** Start and stop markers for ts_headline: private-use characters no article text contains. */
export const markStart = '\uE000';
export const markStop = '\uE001';
export const headlineOptions = `StartSel=${markStart}, StopSel=${markStop}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** Splits ts_headline output into plain and matched pieces (rendered as <mark> by clients). */
export function highlightParts(headline: string): KnowledgeHighlightPart[] {
  const parts: KnowledgeHighlightPart[] = [];
  let rest = headline.replace(/\s+/g, ' ');
  while (rest.length) {
    const start = rest.indexOf(markStart);
    if (start < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const stop = rest.indexOf(markStop, start);
    const end = stop < 0 ? rest.length : stop;
    parts.push({ text: rest.slice(start + 1, end), match: true });
    rest = stop < 0 ? '' : rest.slice(stop + 1);
  }
  // adjacent matched words read better as one highlight
  return parts.reduce<KnowledgeHighlightPart[]>((acc, p) => {
    const last = acc.at(-1);
    if (last && last.match === p.match) last.text += p.text;
    else if (p.text) acc.push({ ...p });
    return acc;
  }, []);
}

/** A URL-safe slug of a title: "Rückgabe & Erstattung" → "rueckgabe-erstattung". */
export function slugify(title: string): string {
  const map: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', õ: 'o', ş: 's', ğ: 'g', ı: 'i', ç: 'c', š: 's', ž: 'z' };
  const slug = title
    .toLowerCase()
    .replace(/[äöüßõşğıçšž]/g, (c) => map[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'article';
}

const stopwords: Record<HelpLanguage, string[]> = {
  de: ['und', 'der', 'die', 'das', 'ist', 'nicht', 'ich', 'ein', 'eine', 'mit', 'für', 'auf', 'bitte', 'ihr', 'wir', 'sie', 'mein', 'meine', 'haben', 'wurde'],
  en: ['the', 'and', 'is', 'not', 'my', 'you', 'your', 'with', 'for', 'have', 'this', 'that', 'was', 'please', 'are', 'of', 'to', 'it'],
  et: ['ja', 'on', 'ei', 'see', 'mis', 'kas', 'ma', 'mul', 'te', 'teie', 'palun', 'oli', 'aga', 'et', 'kui', 'selle', 'ning', 'siis', 'nii', 'veel'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'da', 'de', 'ben', 'benim', 'ama', 'çok', 'mi', 'ne', 'lütfen', 'olarak', 'daha', 'gibi', 'değil', 'var', 'mı'],
};

/**
 * A guess at the language of a customer's text, by its most common short words — for cases whose
 * requester has no preferred language. Null when no language stands out.
 */
export function guessLanguage(text: string): HelpLanguage | null {
  const words = (text.toLocaleLowerCase().match(/[\p{L}]+/gu) ?? []).slice(0, 2000);
  let best: HelpLanguage | null = null;
  let bestScore = 0;
  for (const [lang, list] of Object.entries(stopwords) as Array<[HelpLanguage, string[]]>) {
    const set = new Set(list);
    const score = words.filter((w) => set.has(w)).length;
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  return bestScore >= 2 ? best : null;
}

/** Words of a case's text worth searching for: distinct, not too short, no Estonian filler words. */
export function caseTextWords(text: string, max = 40): string[] {
  const et = new Set(stopwords.et);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of queryWords(text, 400)) {
    const key = w.toLocaleLowerCase();
    if ([...w].length < 3 || et.has(key) || /^\d+$/.test(w) || seen.has(key)) continue;
    seen.add(key);
    out.push(w);
    if (out.length >= max) break;
  }
  return out;
}
