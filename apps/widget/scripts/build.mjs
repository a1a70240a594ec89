// Builds the chat widget: the chat frame (Preact, hashed assets) and the loader a website pastes
// in (/widget.js, one classic script). Prints the gzip size of what a host page downloads for the
// chat — loader, frame JavaScript and CSS — against the 25 KB budget, and fails when over.
// `--if-stale` skips the build when dist is newer than every source.
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const BUDGET = 25 * 1024;

function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

if (process.argv.includes('--if-stale') && existsSync(join(dist, 'widget.js')) && existsSync(join(dist, 'frame.html'))) {
  const sources = Math.max(newest(join(root, 'src')), statSync(join(root, 'frame.html')).mtimeMs, statSync(join(root, 'vite.config.ts')).mtimeMs, statSync(join(root, 'scripts/build.mjs')).mtimeMs);
  if (statSync(join(dist, 'frame.html')).mtimeMs > sources && statSync(join(dist, 'widget.js')).mtimeMs > sources) process.exit(0);
}

process.env.NODE_ENV = 'production';
console.log('Building the chat widget…');
rmSync(dist, { recursive: true, force: true });
await build({ root, logLevel: 'warn', mode: 'production', configFile: join(root, 'vite.config.ts') });
await build({
  root,
  logLevel: 'warn',
  mode: 'production',
  configFile: false,
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2017',
    lib: { entry: join(root, 'src/loader.ts'), name: 'SwitchboardWidget', formats: ['iife'], fileName: () => 'widget.js' },
  },
});

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (file) => gzipSync(readFileSync(file)).length;
const loader = gz(join(dist, 'widget.js'));
const html = readFileSync(join(dist, 'frame.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\/widget\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const frame = assets.reduce((sum, f) => sum + gz(join(dist, f)), 0);
const total = loader + frame;
console.log(`Chat widget: loader ${kb(loader)} + frame ${kb(frame)} (${assets.length} files) = ${kb(total)} gzip (budget ${kb(BUDGET)})`);
if (total > BUDGET) {
  console.error(`The chat widget is over budget by ${kb(total - BUDGET)}.`);
  process.exit(1);
}
