import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiAs, expectAccessible, launchBrowser, logins, signIn, type E2eServer } from './harness.ts';

/** axe-core inside the chat frame (its own document): serious or critical problems fail the story. */
async function expectFrameAccessible(page: Page): Promise<void> {
  const frame = page.frames().find((f) => f.url().includes('/widget/frame'))!;
  const require = createRequire(import.meta.url);
  await frame.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations).toEqual([]);
}

/**
 * The live chat across apps: a customer on a shop's page (another origin, served here) and an
 * agent in the workspace. The server is started by this file so it can be restarted mid-chat on
 * the same port and data (the harness's server cannot), and sends mail to an SMTP sink here.
 */

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createNetServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

const mails: Array<{ to: string[]; raw: string }> = [];
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (c: Buffer) => (raw += c.toString()));
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.replace(/=\r?\n/g, '') });
      callback();
    });
  },
});

let port = 0;
let smtpPort = 0;
const dataDir = mkdtempSync(join(tmpdir(), 'sb-e2e-chat-'));
let databaseUrl: string | undefined;
let child: ChildProcess | undefined;

/** Starts (or starts again) the real server on the same port and data. */
async function start(): Promise<E2eServer> {
  const require = createRequire(import.meta.url);
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'true', LOG_LEVEL: 'warn', SMTP_SERVER_PORT: '0', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, JOBS_POLL_MS: '200' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const proc = spawn(process.execPath, [require.resolve('tsx/cli'), 'apps/server/src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let output = '';
  proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`The server exited (${proc.exitCode}):\n${output}`);
    const up = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (up && output.includes('Switchboard is running')) break;
    if (Date.now() > deadline) throw new Error(`The server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop };
}
async function stop(): Promise<void> {
  const proc = child;
  if (!proc || proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (proc.exitCode === null) proc.kill('SIGKILL');
}

let server: E2eServer;
let browser: Browser;
let shop: Server;
let shopUrl = '';

beforeAll(async () => {
  execFileSync(process.execPath, ['apps/widget/scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
  port = await freePort();
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  smtpPort = (sink.server.address() as { port: number }).port;
  if (process.env.TEST_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `sb_test_e2e_chat_${Date.now()}`;
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(process.env.TEST_DATABASE_URL);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
  }
  server = await start();
  browser = await launchBrowser();
  // The shop: another origin (another port), with the one line a site owner pastes in.
  const admin = await apiAs(server, logins.admin);
  const { items } = await admin.call<{ items: Array<{ id: string; team: { name: string } | null }> }>('GET', '/chat/channels');
  const channel = items.find((c) => c.team?.name === 'Technical Support')!;
  shop = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Kaffeehaus Shop</title><style>body{font:16px serif;background:#fdf6e3}</style></head>
<body><main><h1>Kaffeehaus Shop</h1><p>Unsere Maschinen.</p></main><script src="${server.url}/widget.js" data-channel="${channel.id}" async></script></body></html>`);
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as { port: number }).port}/`;
});

afterAll(async () => {
  await browser?.close();
  await stop();
  await new Promise<void>((resolve) => (shop ? shop.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
  if (databaseUrl) {
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    await c.query(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
    await c.end();
  }
});

/** A customer's browser on the shop's page, with the chat opened. */
async function customer(): Promise<{ page: Page; chat: FrameLocator }> {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'de-DE' });
  ctx.setDefaultTimeout(15_000);
  const page = await ctx.newPage();
  await page.goto(shopUrl);
  const chat = page.frameLocator('iframe[data-switchboard-chat]');
  await chat.getByTestId('chat-launcher').click();
  await chat.getByTestId('chat-panel').waitFor();
  return { page, chat };
}

async function agentPage(): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: server.url, viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
  ctx.setDefaultTimeout(15_000);
  const page = await ctx.newPage();
  await signIn(page, logins.agent.replace('agent@', 'lukas@'));
  return page;
}

const caseNumberOf = async (email: string) => {
  const admin = await apiAs(server, logins.admin);
  const { items } = await admin.call<{ items: Array<{ id: string; email: string }> }>('GET', `/customers?q=${encodeURIComponent(email)}`);
  const cases = await admin.call<{ items: Array<{ number: number; channel: string }> }>('GET', `/cases?requesterId=${items[0]!.id}&channel=chat`);
  return cases.items[0]!.number;
};

test('nobody online: the customer leaves a message and email, and the answer arrives by email on the same case', async () => {
  const { chat } = await customer();
  await chat.getByTestId('chat-offline').waitFor();
  await expectFrameAccessible(chat.owner().page());
  await chat.locator('#sb-name').fill('Annalena Böhm');
  await chat.locator('#sb-email').fill('annalena.e2e@example.org');
  await chat.getByRole('button', { name: 'Chat starten' }).click();
  await chat.getByTestId('chat-input').fill('Die Maschine zeigt Fehler E04.');
  await chat.getByTestId('chat-send').click();
  await chat.getByTestId('chat-email-mode').waitFor();
  expect(await chat.getByTestId('chat-email-mode').textContent()).toContain('annalena.e2e@example.org');

  const agent = await agentPage();
  const number = await caseNumberOf('annalena.e2e@example.org');
  await agent.goto(`/cases/${number}`);
  await agent.locator('[data-testid="chat-mode"][data-mode="email"]').waitFor();
  await agent.getByTestId('composer-input').fill('E04 heißt: Wassertank leer. Bitte auffüllen.');
  await agent.getByTestId('composer-send').click();
  await expect.poll(() => mails.find((m) => m.to.includes('annalena.e2e@example.org'))?.raw ?? '', { timeout: 20_000 }).toContain(`[#${number}]`);
  expect(mails.find((m) => m.to.includes('annalena.e2e@example.org'))!.raw).toContain('E04 hei');
  // Still on the page: she sees it in the chat too.
  await chat.locator('[data-testid="chat-message"][data-from="agent"]', { hasText: 'Wassertank leer' }).waitFor();
  await agent.context().close();
  await chat.owner().page().context().close();
});

test('a live chat both ways, with typing and read receipts, survives a server restart without lost or doubled messages', async () => {
  const agent = await agentPage();
  await agent.goto('/inbox/all');
  const { chat } = await customer();
  // Lukas is online now: no offline notice, the ordinary form.
  await chat.locator('#sb-name').fill('Jürgen Weiß');
  await chat.locator('#sb-email').fill('juergen.e2e@example.com');
  await chat.getByRole('button', { name: 'Chat starten' }).click();
  await chat.getByTestId('chat-input').fill('Hallo, mein Laptop startet nicht.');
  await chat.getByTestId('chat-send').click();
  await chat.locator('[data-testid="chat-message"][data-from="visitor"]').waitFor();
  expect(await chat.getByTestId('chat-offline').count()).toBe(0);

  // The chat arrives in the inbox in real time and opens as a case.
  const row = agent.locator('[data-testid="case-row"]', { hasText: 'Hallo, mein Laptop startet nicht.' });
  await row.waitFor({ timeout: 20_000 });
  await row.click();
  await agent.locator('[data-testid="chat-visitor-online"][data-online="true"]').waitFor();
  await expectAccessible(agent, 'a chat case');

  // Typing, both ways.
  await chat.getByTestId('chat-input').pressSequentially('Noch etwas', { delay: 30 });
  await expect.poll(() => agent.getByTestId('chat-visitor-typing').textContent()).toContain('Jürgen Weiß');
  await chat.getByTestId('chat-input').fill('');
  await agent.getByTestId('composer-input').pressSequentially('Halten', { delay: 30 });
  await chat.getByTestId('chat-typing').waitFor();
  await agent.getByTestId('composer-input').fill('Halten Sie den Einschaltknopf 10 Sekunden gedrückt.');
  await agent.getByTestId('composer-send').click();
  await chat.locator('[data-testid="chat-message"][data-from="agent"]', { hasText: 'Einschaltknopf' }).waitFor();
  // The agent has the case open: the customer's message shows as read; the customer read the reply.
  await expect.poll(() => chat.getByTestId('chat-receipt').textContent()).toContain('Gelesen');
  await expect.poll(() => agent.getByTestId('chat-seen').textContent()).toContain('Antwort gelesen');

  // The server restarts; meanwhile the customer writes. Nothing is lost, nothing doubled.
  await stop();
  await chat.getByTestId('chat-input').fill('Jetzt blinkt eine orange Lampe.');
  await chat.getByTestId('chat-send').click();
  await chat.getByTestId('chat-pending').waitFor();
  server = await start();
  await chat.locator('[data-testid="chat-message"][data-from="visitor"]', { hasText: 'orange Lampe' }).waitFor({ timeout: 30_000 });
  await agent.locator('[data-testid="timeline-message"]', { hasText: 'orange Lampe' }).waitFor({ timeout: 30_000 });
  await agent.getByTestId('composer-input').fill('Dann bitte das Netzteil tauschen.');
  await agent.getByTestId('composer-send').click();
  await chat.locator('[data-testid="chat-message"][data-from="agent"]', { hasText: 'Netzteil' }).waitFor();
  const texts = await chat.getByTestId('chat-message').allTextContents();
  expect(texts.filter((x) => x.includes('orange Lampe'))).toHaveLength(1);
  expect(texts.filter((x) => x.includes('Netzteil'))).toHaveLength(1);
  expect(await chat.getByTestId('chat-pending').count()).toBe(0);
  expect(await agent.locator('[data-testid="timeline-message"]', { hasText: 'orange Lampe' }).count()).toBe(1);

  // A reload keeps the history (the token in the frame's storage).
  await chat.owner().page().reload();
  const again = chat.owner().page().frameLocator('iframe[data-switchboard-chat]');
  // The chat stays open across the reload (the frame remembers it for this tab).
  await again.locator('[data-testid="chat-message"]', { hasText: 'Netzteil' }).waitFor();
  expect(await again.getByTestId('chat-message').count()).toBe(texts.length);
});
