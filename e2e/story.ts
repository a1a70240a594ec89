import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startServer, type E2eServer } from './harness.ts';

/**
 * Per test file: one server with demo data and one Chromium, started before the first story and
 * stopped after the last (`extraEnv`: more configuration for the server). The fields are set once
 * `beforeAll` has run.
 */
export function storySetup(extraEnv: Record<string, string> = {}): { server: E2eServer; browser: Browser } {
  const env = {} as { server: E2eServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer(extraEnv);
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
