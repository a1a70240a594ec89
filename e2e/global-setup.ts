import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.ts';

/** Builds the web app once (if its sources changed) and checks that Chromium is there. */
export default function setup(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Browser tests need Chromium at ${chromiumPath}: apt-get install chromium (or set CHROMIUM_PATH). .ci/run installs it.`);
  }
  execFileSync(process.execPath, ['apps/web/scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
}
