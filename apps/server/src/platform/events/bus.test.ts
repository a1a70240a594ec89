import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, onPostgres, type TestDatabase } from '../../../test/harness.ts';
import { configWith } from '../config.ts';
import { migrate, openDb, type Db } from '../db/index.ts';
import { createMetrics } from '../metrics.ts';
import { EventBus, type DomainEvent } from './bus.ts';

const log = { warn: () => {}, error: () => {}, info: () => {}, debug: () => {} } as never;

describe(`the event outbox on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: TestDatabase;
  let db: Db;
  let bus: EventBus;
  const seen: DomainEvent[] = [];
  beforeAll(async () => {
    database = await freshDatabase();
    db = await openDb(configWith({ DATABASE_URL: database.url, DATA_DIR: 'memory://' }), log);
    await migrate(db);
    bus = new EventBus(db, log, createMetrics());
    bus.subscribe((e) => void seen.push(e));
    await bus.start();
  });
  afterAll(async () => {
    await bus?.stop();
    await db?.close();
    await database?.drop();
  });

  const waitFor = async (n: number): Promise<void> => {
    for (let i = 0; i < 200 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('delivers committed events once, in order, whole — a large one too; a rolled-back one never', async () => {
    const audience = { teamIds: [], userIds: [], staff: true };
    const large = { text: 'Ü'.repeat(6000), list: Array.from({ length: 50 }, (_, i) => ({ i })) }; // beyond a notification's 8000 bytes
    await db.transaction(async (tx) => {
      await bus.emit(tx, { type: 'test.small', actorId: null, audience, payload: { n: 1 } });
      await bus.emit(tx, { type: 'test.large', actorId: null, audience, payload: large });
      await bus.emit(tx, { type: 'test.after', actorId: null, audience, payload: { n: 3 } });
    });
    await expect(
      db.transaction(async (tx) => {
        await bus.emit(tx, { type: 'test.rolled-back', actorId: null, audience, payload: {} });
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    await waitFor(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.map((e) => e.type)).toEqual(['test.small', 'test.large', 'test.after']);
    expect(seen[1]!.payload).toEqual(large);
    expect(seen[0]).toMatchObject({ actorId: null, audience, payload: { n: 1 } });
    expect(new Date(seen[0]!.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(seen[0]!.id).toBeLessThan(seen[1]!.id);
  });
});
