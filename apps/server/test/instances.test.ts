import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, onPostgres, type TestDatabase } from './harness.ts';
import { json, root, sharedSecretsKey, startInstance, type Instance } from './processes.ts';
import { TestSocket } from './ws-client.ts';

describe.skipIf(!onPostgres)('two server processes on one PostgreSQL database', () => {
  let db: TestDatabase;
  const instances: Instance[] = [];
  afterAll(async () => {
    for (const i of instances) i.proc.kill('SIGKILL');
    await db?.drop();
  });

  it('start together (migrations race safely), and each delivers events caused on the other', async () => {
    db = await freshDatabase();
    const [a, b] = await Promise.all([startInstance({ DATABASE_URL: db.url! }), startInstance({ DATABASE_URL: db.url! })]);
    instances.push(a!, b!);

    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/admin.ts', 'create', '--email', 'admin@example.com', '--name', 'Ada Admin', '--password', 'a long password'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url!, SECRETS_KEY: sharedSecretsKey },
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/Created admin admin@example.com/);

    const login = await fetch(`${a!.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: 'a long password' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const token = await json(`${b!.url}/api/v1/tokens`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'test' }) });
    expect(token.status).toBe(201); // the session made on A works on B: nothing lives in one process
    const auth = { authorization: `Bearer ${token.body.token}` };

    const onB = await TestSocket.open(b!.url, auth);
    const onA = await TestSocket.open(a!.url, auth);
    const created = await json(`${a!.url}/api/v1/cases`, { method: 'POST', headers: auth, body: JSON.stringify({ subject: 'Falscher Preis an der Kasse', requester: { name: 'Jürgen Weber', phone: '+49 30 1234567' }, channel: 'walk_in' }) });
    expect(created.status).toBe(201);
    const seen = await onB.waitFor((m) => m.event?.type === 'case.created');
    expect(seen.event!.payload.caseId).toBe(created.body.id);

    const updated = await json(`${b!.url}/api/v1/cases/${created.body.number}`, { method: 'PATCH', headers: { ...auth, 'if-match': '"1"' }, body: JSON.stringify({ priority: 'high' }) });
    expect(updated.status).toBe(200);
    await onA.waitFor((m) => m.event?.type === 'case.updated');
    // Exactly once each, though both instances listen.
    await new Promise((r) => setTimeout(r, 300));
    expect(onB.events('case.created')).toHaveLength(1);
    expect(onA.events('case.updated')).toHaveLength(1);

    // Presence crosses instances too.
    onA.send({ type: 'viewing', caseId: created.body.id });
    const agent = await json(`${a!.url}/api/v1/users`, { method: 'POST', headers: auth, body: JSON.stringify({ email: 'kadri@example.com', name: 'Kadri Kask', role: 'agent', password: 'another long password' }) });
    expect(agent.status).toBe(201);
    await json(`${a!.url}/api/v1/cases/${created.body.id}`, { method: 'PATCH', headers: { ...auth, 'if-match': '"2"' }, body: JSON.stringify({ assigneeId: agent.body.id }) });
    const agentLogin = await fetch(`${b!.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'kadri@example.com', password: 'another long password' }) });
    const other = await TestSocket.open(b!.url, { cookie: agentLogin.headers.get('set-cookie')!.split(';')[0]! });
    other.send({ type: 'viewing', caseId: created.body.id });
    // Kadri, on B, learns that Ada, on A, is on the case already; Ada learns Kadri arrived.
    expect((await other.waitFor((m) => m.type === 'presence')).user).toMatchObject({ name: 'Ada Admin' });
    expect((await onA.waitFor((m) => m.type === 'presence')).user).toMatchObject({ name: 'Kadri Kask' });
    for (const s of [onA, onB, other]) s.close();

    // Graceful shutdown on SIGTERM: exits 0; the other instance keeps serving.
    a!.proc.kill('SIGTERM');
    expect(await a!.exit).toBe(0);
    expect((await json(`${b!.url}/healthz`)).body.status).toBe('ok');
  });
});

describe.skipIf(onPostgres)('the embedded database in a real process', () => {
  it('refuses a second process on the same data folder with a clear message, and a start without the folder’s secrets key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-two-'));
    try {
      const first = await startInstance({ DATA_DIR: dir });
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dir, PORT: '0', DEMO_DATA: 'false', LOG_LEVEL: 'warn' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).toBe(3);
      expect(second.stderr).toMatch(/in use by another Switchboard process \(pid \d+\)/);
      expect((await json(`${first.url}/healthz`)).body).toEqual({ status: 'ok', database: 'pglite' });
      // kill -9 leaves the lock behind; the next start clears it and finds the data intact.
      first.proc.kill('SIGKILL');
      await first.exit;
      const again = await startInstance({ DATA_DIR: dir });
      expect((await json(`${again.url}/healthz`)).body.status).toBe('ok');
      again.proc.kill('SIGTERM');
      expect(await again.exit).toBe(0);

      // The secrets key was made in the folder on first start; without it the start stops and says what to do.
      const keyFile = join(dir, 'secrets.key');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const key = readFileSync(keyFile, 'utf8');
      rmSync(keyFile);
      const keyless = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dir, PORT: '0', DEMO_DATA: 'false', LOG_LEVEL: 'warn' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(keyless.status, keyless.stderr).toBe(2);
      expect(keyless.stderr).toMatch(/sealed with key \S+, but this instance has \S+ \(from the key file .*secrets\.key\)/);
      expect(keyless.stderr).toMatch(/put the key file from your backup back in place/);
      // The key file that failed start made is gone again: nothing to mistake for the real key.
      expect(() => statSync(keyFile)).toThrow();
      // The key back from the backup: it starts.
      writeFileSync(keyFile, key, { mode: 0o600 });
      const restored = await startInstance({ DATA_DIR: dir });
      expect((await json(`${restored.url}/healthz`)).body.status).toBe('ok');
      restored.proc.kill('SIGTERM');
      expect(await restored.exit).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
