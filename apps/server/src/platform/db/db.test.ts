import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, onPostgres, type TestDatabase } from '../../../test/harness.ts';
import { configWith } from '../config.ts';
import { FolderLockedError, migrate, openDb, type Db } from './index.ts';

const log = { warn: () => {}, error: () => {} };

describe(`the query layer on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await freshDatabase();
    db = await openDb(configWith({ DATABASE_URL: database.url, DATA_DIR: 'memory://' }), log);
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('applies migrations once; a second run applies nothing', async () => {
    expect(await migrate(db)).toEqual([]);
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from schema_migrations');
    expect(rows[0]!.n).toBeGreaterThanOrEqual(4);
  });

  it('commits a transaction and runs after-commit hooks only then', async () => {
    const ran: string[] = [];
    await db.transaction(async (tx) => {
      await tx.query(`insert into teams (name) values ('Committed')`);
      tx.afterCommit(() => void ran.push('committed'));
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`insert into teams (name) values ('Rolled back')`);
        tx.afterCommit(() => void ran.push('rolled back'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.query<{ name: string }>(`select name from teams where name in ('Committed', 'Rolled back')`);
    expect(rows.map((r) => r.name)).toEqual(['Committed']);
    expect(ran).toEqual(['committed']);
  });

  it('reports row counts of selects and writes alike on both drivers', async () => {
    expect((await db.query(`select 1 from teams where name = 'Committed'`)).rowCount).toBe(1);
    expect((await db.query(`select 1 from teams where name = 'nobody'`)).rowCount).toBe(0);
    expect((await db.query(`update teams set description = 'x' where name = 'Committed'`)).rowCount).toBe(1);
  });

  it('returns the same JavaScript types: int8 as number, timestamps as Date, jsonb as objects', async () => {
    const { rows } = await db.query<{ n: number; at: Date; j: { a: number[] }; arr: string[] }>(
      `select 42::int8 as n, now() as at, '{"a":[1,2]}'::jsonb as j, array['x','y'] as arr`,
    );
    expect(rows[0]).toMatchObject({ n: 42, j: { a: [1, 2] }, arr: ['x', 'y'] });
    expect(rows[0]!.at).toBeInstanceOf(Date);
  });

  it.skipIf(!onPostgres)('runs a transaction again when PostgreSQL aborts it to break a deadlock', async () => {
    const { rows } = await db.query<{ id: string }>(`insert into teams (name) values ('Deadlock A'), ('Deadlock B') returning id`);
    const [a, b] = rows.map((r) => r.id);
    const attempts = { first: 0, second: 0 };
    const lockBoth = (first: string, second: string, counter: 'first' | 'second') =>
      db.transaction(async (tx) => {
        attempts[counter]++;
        await tx.query(`update teams set description = description || '.' where id = $1`, [first]);
        await new Promise((r) => setTimeout(r, 150));
        await tx.query(`update teams set description = description || '.' where id = $1`, [second]);
      });
    // Opposite lock orders: PostgreSQL kills one with 40P01; it is retried and both commit.
    await Promise.all([lockBoth(a!, b!, 'first'), lockBoth(b!, a!, 'second')]);
    expect(attempts.first + attempts.second).toBe(3);
    const { rows: after } = await db.query<{ description: string }>(`select description from teams where id = any($1::uuid[])`, [[a, b]]);
    expect(after.map((r) => r.description)).toEqual(['..', '..']);
  });

  it('group commit: requests arriving together commit together, each with its own result and hooks', async () => {
    const ran: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.groupTransaction(async (tx) => {
          await tx.query(`insert into teams (name) values ($1)`, [`Grouped ${i}`]);
          const { rows } = await tx.query<{ n: number }>(`select count(*)::int as n from teams where name = $1`, [`Grouped ${i}`]);
          tx.afterCommit(() => void ran.push(i));
          return { i, seen: rows[0]!.n, xid: (await tx.query<{ x: string }>('select txid_current()::text as x')).rows[0]!.x };
        }),
      ),
    );
    expect(results.map((r) => [r.i, r.seen])).toEqual(Array.from({ length: 8 }, (_, i) => [i, 1]));
    expect(ran.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from teams where name like 'Grouped %'`);
    expect(rows[0]!.n).toBe(8);
    // On a server they shared transactions (PGlite has one session: one transaction each).
    const transactions = new Set(results.map((r) => r.xid)).size;
    if (onPostgres) expect(transactions).toBeLessThan(8);
    else expect(transactions).toBe(8);
  });

  it('group commit: a member that fails, in code or in SQL, fails alone; the others commit', async () => {
    const hooks: string[] = [];
    const outcomes = await Promise.allSettled(
      ['ok 1', 'throws', 'ok 2', 'bad sql', 'ok 3'].map((name) =>
        db.groupTransaction(async (tx) => {
          await tx.query(`insert into teams (name) values ($1)`, [`Member ${name}`]);
          tx.afterCommit(() => void hooks.push(name));
          if (name === 'throws') throw new Error('refused by the handler');
          if (name === 'bad sql') await tx.query(`insert into teams (id, name) values ('not a uuid', 'x')`);
          return name;
        }),
      ),
    );
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([
      'ok 1',
      'refused by the handler',
      'ok 2',
      expect.stringContaining('invalid input syntax for type uuid'),
      'ok 3',
    ]);
    const { rows } = await db.query<{ name: string }>(`select name from teams where name like 'Member %' order by name`);
    expect(rows.map((r) => r.name)).toEqual(['Member ok 1', 'Member ok 2', 'Member ok 3']);
    expect(hooks.sort()).toEqual(['ok 1', 'ok 2', 'ok 3']);
  });

  it('serialises concurrent transactions without losing updates', async () => {
    await db.query(`insert into teams (name, description) values ('Counter', '0')`);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction(async (tx) => {
          const { rows } = await tx.query<{ description: string }>(`select description from teams where name = 'Counter' for update`);
          await tx.query(`update teams set description = $1 where name = 'Counter'`, [String(Number(rows[0]!.description) + 1)]);
        }),
      ),
    );
    const { rows } = await db.query<{ description: string }>(`select description from teams where name = 'Counter'`);
    expect(rows[0]!.description).toBe('20');
  });
});

describe.skipIf(onPostgres)('the embedded database folder', () => {
  it('refuses a second open while held, and clears a lock whose process died', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-lock-'));
    try {
      const first = await openDb(configWith({ DATA_DIR: dir }), log);
      await expect(openDb(configWith({ DATA_DIR: dir }), log)).rejects.toThrow(FolderLockedError);
      await first.close();
      // Another live process holds it: refused, with what to do about it.
      writeFileSync(join(dir, 'switchboard.lock'), String(process.ppid));
      await expect(openDb(configWith({ DATA_DIR: dir }), log)).rejects.toThrow(/in use by another Switchboard process .*another DATA_DIR/);
      // A lock left by a process that died (kill -9) is cleared on the next start.
      writeFileSync(join(dir, 'switchboard.lock'), '999999');
      const again = await openDb(configWith({ DATA_DIR: dir }), log);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
