import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { chromiumPath } from './chromium.ts';

export { chromiumPath };
export const DEMO_PASSWORD = 'switchboard-demo';
export const logins = {
  admin: 'admin@demo.switchboard.dev',
  supervisor: 'supervisor@demo.switchboard.dev',
  /** Jonas Becker (Billing, Returns); his interface language is German. */
  agent: 'agent@demo.switchboard.dev',
  /** Charlotte Davies (Reservations, Billing); English. */
  charlotte: 'charlotte@demo.switchboard.dev',
} as const;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface E2eServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server (`tsx apps/server/src/main.ts`, as `npm start` does) with the demo data,
 * on the embedded database in a fresh folder, or on a fresh PostgreSQL database when
 * TEST_DATABASE_URL is set.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<E2eServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-e2e-'));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'true', LOG_LEVEL: 'warn', SMTP_SERVER_PORT: '0', ...extraEnv };
  let dropDb: (() => Promise<void>) | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `sb_test_e2e_${Date.now()}_${process.pid}`;
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx/cli');
  const child: ChildProcess = spawn(process.execPath, [tsx, 'apps/server/src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok && output.includes('Switchboard is running')) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`The server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
      await dropDb?.();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newContext(browser: Browser, server: E2eServer, opts: { colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    colorScheme: opts.colorScheme ?? 'light',
    locale: 'en-GB',
  });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Signs in through the login form and waits for the inbox. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/email|e-mail|e-post|e-posta/i).fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('case-list').waitFor();
}

let axeSource: string | undefined;

/** Runs axe-core in the page; fails on serious or critical violations, naming each element. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const require = createRequire(import.meta.url);
  // Evaluated through the DevTools protocol: the app's CSP (rightly) refuses injected script tags.
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  await page.waitForTimeout(300); // let transitions finish, so colors are final
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const detail = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${n.target.join(' ')} — ${n.failureSummary.split('\n').slice(1, 2).join('')}`).join('\n')}`).join('\n');
    throw new Error(`axe found ${bad.length} serious/critical problems on ${screen}:\n${detail}`);
  }
}

/** A signed-in API client for arranging test data (cookie session + CSRF token, like the web app). */
export async function apiAs(server: E2eServer, email: string) {
  const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const session = (await res.json()) as { user: { id: string; teams: { id: string; name: string }[] }; csrfToken: string };
  const call = async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const r = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': session.csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return { user: session.user, call };
}
