import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'locales');
const load = (lng: string) => JSON.parse(readFileSync(join(dir, `${lng}.json`), 'utf8')) as Record<string, unknown>;
const flatten = (obj: Record<string, unknown>, prefix = ''): Array<[string, string]> =>
  Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]]));
const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();

// A missing portal translation would show a German, Estonian or Turkish customer English or a key.
describe('portal translations', () => {
  const en = new Map(flatten(load('en')));
  test.each(['de', 'et', 'tr'])('%s has every key of English, none empty, the same placeholders', (lng) => {
    const other = new Map(flatten(load(lng)));
    expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of other) {
      expect(text.trim(), `${lng}: ${key}`).not.toBe('');
      expect(vars(text), `${lng}: ${key}`).toEqual(vars(en.get(key)!));
    }
  });
});
