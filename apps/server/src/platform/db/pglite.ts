import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { CommitHooks, type Db, type QueryResult, type Tx } from './types.ts';
import { acquireFolderLock } from './folder-lock.ts';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const parsers = {
  20: (v: string) => Number(v), // int8 as number, as on the node-postgres side
  1082: (v: string) => v, // date stays 'YYYY-MM-DD'
};

/**
 * The embedded database. PGlite has one session: its own transaction() serialises every other
 * query behind an open transaction, so this is the only access path we use.
 */
export async function openPglite(dataDir: string, onHookError: (err: unknown) => void): Promise<Db> {
  let release = async (): Promise<void> => {};
  let target: string | undefined;
  if (dataDir !== 'memory://') {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    release = acquireFolderLock(dir);
    target = `${dir}/pgdata`;
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(target ?? 'memory://', { extensions: { pg_trgm }, parsers });
  } catch (err) {
    await release();
    throw err;
  }

  const wrap = async <T>(p: Promise<{ rows: unknown[]; affectedRows?: number }>): Promise<QueryResult<T>> => {
    const res = await p;
    // PGlite reports affectedRows 0 for a SELECT: the row count is whichever is larger.
    return { rows: res.rows as T[], rowCount: Math.max(res.affectedRows ?? 0, res.rows.length) };
  };

  const transaction = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const hooks = new CommitHooks();
    const result = await pg.transaction(async (ptx) => {
      const tx: Tx = {
        query: <R>(text: string, params?: readonly unknown[]) => wrap<R>(ptx.query(text, params as unknown[])),
        exec: async (script: string) => {
          await ptx.exec(script);
        },
        afterCommit: (hook) => hooks.add(hook),
      };
      return fn(tx);
    });
    await hooks.run(onHookError);
    return result;
  };

  return {
    kind: 'pglite',
    // PGlite is in-process: there is no round trip a prepared statement would save.
    query: <T>(text: string, params?: readonly unknown[]) => wrap<T>(pg.query(text, params as unknown[])),
    exec: async (script: string) => {
      await pg.exec(script);
    },
    transaction,
    // One in-process session: there is no round trip or commit a group would share.
    groupTransaction: transaction,
    async listen(channel, onPayload) {
      const unsubscribe = await pg.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    async close() {
      try {
        await pg.close();
      } finally {
        await release();
      }
    },
  };
}
