/**
 * `npm run bench:chat`: the live chat widget on one instance (loopback only, bounded in time).
 *
 * Starts the real server (`apps/server/src/main.ts`, demo data: the Technical Support chat
 * channel) in its own process, signs in an agent of the team with a workspace socket, then:
 *   1. opens BENCH_CHAT_CONNECTIONS (2000) widget connections (a visitor session each, then the
 *      socket's hello) and reports the server's resident memory per open chat;
 *   2. sends BENCH_CHAT_MESSAGES (300) visitor messages over widget sockets, spread over
 *      BENCH_CHAT_VISITORS (100) visitors with an open case, and measures widget send → the
 *      agent's socket receiving `case.entry_added`: p50/p99 against the target p99 < 25 ms.
 * BENCH_DB=pglite|postgres|both (default pglite); BENCH_DATABASE_URL for PostgreSQL (loopback).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { pgliteTarget, postgresTarget, type Target } from './lib/databases.ts';
import { percentile } from './lib/stats.ts';

const int = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number`);
  return n;
};
const settings = { connections: int('BENCH_CHAT_CONNECTIONS', 2000), visitors: int('BENCH_CHAT_VISITORS', 100), messages: int('BENCH_CHAT_MESSAGES', 300), seconds: int('BENCH_SECONDS', 120) };
const TARGET_P99_MS = 25;
const host = 'http://127.0.0.1:5173';
const root = fileURLToPath(new URL('../', import.meta.url));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function startServer(target: Target): Promise<{ url: string; proc: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const require = createRequire(import.meta.url);
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'true', LOG_LEVEL: 'error', JOBS_POLL_MS: '1000' };
  if (target.config.DATABASE_URL) env.DATABASE_URL = target.config.DATABASE_URL;
  else env.DATA_DIR = target.config.DATA_DIR!;
  const proc = spawn(process.execPath, [require.resolve('tsx/cli'), 'apps/server/src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (!out.includes('Switchboard is running')) {
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    proc,
    stop: async () => {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
  };
}

/** The server's resident memory: the node process tsx started (a child of the tsx wrapper). */
function rssMb(wrapper: number): number {
  const children = readFileSync(`/proc/${wrapper}/task/${wrapper}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  const pid = children.find((c) => readFileSync(`/proc/${c}/cmdline`, 'utf8').includes('main.ts')) ?? wrapper;
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** Runs `fn` over 0..n-1 with `concurrency` at a time, until done or the deadline. */
async function pool(n: number, concurrency: number, deadline: number, fn: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n && Date.now() < deadline) {
        await fn(next++);
        done++;
      }
    }),
  );
  return done;
}

interface Visitor {
  token: string;
  ws?: WebSocket;
}

function openWidget(url: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/widget/socket`);
    const timer = setTimeout(() => reject(new Error('widget socket: no ready')), 20_000);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', token, after: 0 })));
    ws.on('message', function onReady(raw) {
      if ((JSON.parse(raw.toString()) as { type: string }).type !== 'ready') return;
      clearTimeout(timer);
      ws.off('message', onReady);
      resolve(ws);
    });
    ws.once('close', (code) => reject(new Error(`widget socket closed ${code}`)));
  });
}

async function runOn(target: Target): Promise<string[]> {
  const server = await startServer(target);
  const deadline = Date.now() + settings.seconds * 1000;
  const lines: string[] = [];
  const sockets: WebSocket[] = [];
  try {
    const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'lukas@demo.switchboard.dev', password: 'switchboard-demo' }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const staff = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    await json(`${server.url}/api/v1/routing/presence`, { method: 'PUT', headers: staff, body: JSON.stringify({ status: 'online' }) });
    // The demo host page names the demo channel (an agent may not read the channel settings).
    const demo = await (await fetch(`${server.url}/widget/demo`)).text();
    const channelId = /data-channel="([0-9a-f-]{36})"/.exec(demo)![1]!;

    // The agent's workspace socket: where a visitor's message must arrive.
    const agent = new WebSocket(`${server.url.replace(/^http/, 'ws')}/api/v1/realtime`, { headers: { cookie } });
    const arrived = new Map<string, (at: number) => void>();
    agent.on('message', (raw) => {
      const msg = JSON.parse(raw.toString()) as { type: string; event?: { type: string; payload: { entry?: { body?: string } } } };
      const body = msg.event?.type === 'case.entry_added' ? msg.event.payload.entry?.body : undefined;
      if (body) arrived.get(body)?.(performance.now());
    });
    await new Promise((r) => agent.once('open', r));

    // 1. Sessions and sockets for every visitor; memory before and after.
    await new Promise((r) => setTimeout(r, 3000)); // let start-up work settle
    const visitors: Visitor[] = [];
    const t0 = performance.now();
    const sessions = await pool(settings.connections, 16, deadline, async (i) => {
      const s = await json<{ token: string }>(`${server.url}/api/v1/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channelId, host, language: 'en' }) });
      visitors[i] = { token: s.token };
    });
    const sessionSeconds = (performance.now() - t0) / 1000;
    // Memory is compared around the sockets only: the sessions' rows grow the database's own memory (PGlite).
    await new Promise((r) => setTimeout(r, 2000));
    const before = rssMb(server.proc.pid!);
    const t1 = performance.now();
    await pool(sessions, 32, deadline, async (i) => {
      const ws = await openWidget(server.url, visitors[i]!.token);
      visitors[i]!.ws = ws;
      sockets.push(ws);
    });
    const socketSeconds = (performance.now() - t1) / 1000;
    await new Promise((r) => setTimeout(r, 2000));
    const after = rssMb(server.proc.pid!);
    const open = sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
    const perChat = ((after - before) * 1024) / Math.max(1, open);
    const memory = perChat > 0 ? `${perChat.toFixed(1)} KB per open chat` : 'per open chat not measurable here (the embedded database’s WebAssembly heap moved by more)';
    lines.push(`${open} widget connections open (sessions ${sessionSeconds.toFixed(1)} s, sockets ${socketSeconds.toFixed(1)} s); server RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB: ${memory}`);

    // 2. Visitors with a case: pre-chat form, a first message (opens the case).
    const chatting = visitors.filter((v) => v.ws).slice(0, settings.visitors);
    await pool(chatting.length, 8, deadline, async (i) => {
      const v = chatting[i]!;
      const headers = { 'content-type': 'application/json', 'x-widget-token': v.token };
      await json(`${server.url}/api/v1/widget/profile`, { method: 'POST', headers, body: JSON.stringify({ name: `Bench visitor ${i}`, email: `bench.visitor.${i}@example.com` }) });
      await json(`${server.url}/api/v1/widget/messages`, { method: 'POST', headers, body: JSON.stringify({ clientId: `bench-open-${i}`, body: `Bench chat ${i}` }) });
    });
    await new Promise((r) => setTimeout(r, 3000)); // routing and SLA jobs of the new cases settle

    // 3. Widget → agent latency, one message at a time, round robin over the chatting visitors.
    const latencies: number[] = [];
    let lost = 0;
    for (let i = 0; i < settings.messages && Date.now() < deadline; i++) {
      const v = chatting[i % chatting.length]!;
      const body = `bench message ${i} ${Math.random().toString(36).slice(2)}`;
      const got = new Promise<number>((resolve) => arrived.set(body, resolve));
      const sent = performance.now();
      v.ws!.send(JSON.stringify({ type: 'message', clientId: `bench-${i}-${Date.now()}`, body }));
      const at = await Promise.race([got, new Promise<number>((r) => setTimeout(() => r(-1), 5000))]);
      arrived.delete(body);
      if (at < 0) lost++;
      else latencies.push(at - sent);
      await new Promise((r) => setTimeout(r, 20));
    }
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    lines.push(
      `widget → agent socket, ${latencies.length} messages (${lost} not arrived) with ${open} chats open: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms — target p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS && lost === 0 ? 'PASS' : 'FAIL'}`,
    );
    agent.close();
  } finally {
    for (const s of sockets) s.terminate();
    await server.stop();
    await target.dispose();
  }
  return lines;
}

const which = (process.env.BENCH_DB ?? 'pglite').split(/[,|]/).flatMap((d) => (d === 'both' ? ['pglite', 'postgres'] : [d]));
console.log(`Chat widget benchmark: ${settings.connections} connections, ${settings.messages} messages over ${settings.visitors} chats (at most ${settings.seconds} s per database)`);
for (const db of which) {
  const target = db === 'postgres' ? await postgresTarget() : await pgliteTarget();
  if ('skipped' in target) {
    console.log(`\n${db}: skipped — ${target.skipped}`);
    continue;
  }
  console.log(`\n${target.label}`);
  for (const line of await runOn(target)) console.log(`  ${line}`);
}
