import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'locales');
const languages = ['en', 'de', 'et', 'tr'];

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const load = (lng: string, file: string) => JSON.parse(readFileSync(join(dir, lng, file), 'utf8')) as Record<string, unknown>;

// A missing translation would silently show English (or the key) to a German, Estonian or Turkish user.
describe('translations', () => {
  const files = readdirSync(join(dir, 'en'));
  test.each(files)('%s has the same keys in every language, none empty', (file) => {
    const english = keys(load('en', file)).sort();
    for (const lng of languages.slice(1)) {
      const other = load(lng, file);
      expect(keys(other).sort(), `${lng}/${file}`).toEqual(english);
      const empty = keys(other).filter((k) => String(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], other)).trim() === '');
      expect(empty, `${lng}/${file} has empty values`).toEqual([]);
    }
  });
  test('interpolations are kept in every language', () => {
    for (const file of files) {
      const en = load('en', file);
      for (const lng of languages.slice(1)) {
        const other = load(lng, file);
        for (const key of keys(en)) {
          const get = (o: Record<string, unknown>) => String(key.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o));
          const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();
          expect(vars(get(other)), `${lng}/${file}: ${key}`).toEqual(vars(get(en)));
        }
      }
    }
  });
});
