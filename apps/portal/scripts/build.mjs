// Builds the customer portal and prints the size of the JavaScript a browser loads first (gzip),
// against the 300 KB budget. `--if-stale` skips the build when dist is newer than every source.
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const BUDGET = 250 * 1024;

function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

if (process.argv.includes('--if-stale') && existsSync(join(dist, 'index.html'))) {
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'public')), statSync(join(root, 'index.html')).mtimeMs, newest(join(root, '../../packages/contracts/src')));
  if (statSync(join(dist, 'index.html')).mtimeMs > sources) process.exit(0);
}

// Callers such as vitest set NODE_ENV=test, which would bundle React's development build.
process.env.NODE_ENV = 'production';
console.log('Building the customer portal…');
await build({ root, logLevel: 'warn', mode: 'production' });

// The initial JavaScript: the entry script plus the chunks it imports statically (modulepreload).
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/portal\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of initial) total += gzipSync(readFileSync(join(dist, file))).length;
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`Initial JavaScript: ${kb(total)} gzip in ${initial.length} files (budget ${kb(BUDGET)}); ${all.length} chunks in ${relative(process.cwd(), dist)}`);
if (total > BUDGET) {
  console.error(`The initial JavaScript is over budget by ${kb(total - BUDGET)}.`);
  process.exit(1);
}
