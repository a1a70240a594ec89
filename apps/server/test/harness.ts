import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp, type App, type BuildOptions } from '../src/app.ts';
import { configWith, type Config } from '../src/platform/config.ts';
import { systemActor, type Actor } from '../src/platform/context.ts';
import { actorFor, createApiToken, createTeam, createUser } from '../src/modules/identity/index.ts';
import { sharedSecretsKey } from './processes.ts';

/**
 * Integration tests run against PGlite by default and against a PostgreSQL server when
 * TEST_DATABASE_URL is set (CI runs the suite once each way). Each test app gets a fresh database.
 */
export const serverUrl = process.env.TEST_DATABASE_URL;
export const onPostgres = serverUrl !== undefined && serverUrl !== '';

export interface TestDatabase {
  /** DATABASE_URL for the app, or undefined for PGlite in memory. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh, empty database: a new database on the server, or nothing to make for PGlite. */
export async function freshDatabase(): Promise<TestDatabase> {
  if (!onPostgres) return { url: undefined, drop: async () => {} };
  const name = `sb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface Response<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  token: string;
  actor: Actor;
}

export interface TestApp {
  app: App;
  url: string;
  databaseUrl: string | undefined;
  /** Calls the API over real HTTP. `token` sends a Bearer token. */
  api<T = any>(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<Response<T>>;
  team(name: string): Promise<string>;
  user(role: Actor['role'], teamIds?: string[], extra?: { email?: string; name?: string; password?: string }): Promise<TestUser>;
  close(): Promise<void>;
}

let counter = 0;

/** Starts a real server on a random loopback port with a fresh database. */
export async function startTestApp(overrides: Partial<Config> = {}, options: BuildOptions = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const config = configWith({
    DATA_DIR: 'memory://',
    DATABASE_URL: database.url,
    // one key for every test app of this run: a second instance on the same database opens its secrets
    SECRETS_KEY: sharedSecretsKey,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    PORT: 0,
    DB_POOL_SIZE: 5,
    ...overrides,
  });
  const app = await buildApp(config, options);
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.http.server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;

  const t: TestApp = {
    app,
    url,
    databaseUrl: database.url,
    async api(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined = options.raw;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(url + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
      return { status: res.status, headers: res.headers, body: parsed as never };
    },
    async team(name) {
      return app.ctx.db.transaction(async (tx) => (await createTeam(app.ctx, systemActor, tx, { name, description: '', memberIds: [] })).id);
    },
    async user(role, teamIds = [], extra = {}) {
      counter += 1;
      const email = extra.email ?? `${role}${counter}.${randomBytes(3).toString('hex')}@test.example`;
      const name = extra.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${counter}`;
      const created = await app.ctx.db.transaction((tx) =>
        createUser(app.ctx, systemActor, tx, { email, name, role, password: extra.password, language: 'en', timeZone: 'Europe/Berlin', teamIds }),
      );
      const actor = (await actorFor(app.ctx.db, created.id, 'token'))!;
      const token = await createApiToken(app.ctx.db, actor, { name: 'test' });
      return { id: created.id, email, name, token: token.token, actor };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
  return t;
}

/** Polls until `check` returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Signs in with a password and returns cookie + CSRF token, as the web app would hold them. */
export async function signInWithPassword(t: TestApp, email: string, password: string): Promise<{ cookie: string; csrf: string; status: number }> {
  const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const body = (await res.json()) as { csrfToken?: string };
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0] ?? '', csrf: body.csrfToken ?? '', status: res.status };
}
