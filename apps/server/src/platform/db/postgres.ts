import pg from 'pg';
import { createHash } from 'node:crypto';
import { CommitHooks, type Db, type QueryOptions, type QueryResult, type Tx } from './types.ts';

pg.types.setTypeParser(20, (v) => Number(v)); // int8 as number, as on the PGlite side
pg.types.setTypeParser(1082, (v) => v); // date stays 'YYYY-MM-DD'

interface Logger {
  warn(obj: object, msg: string): void;
}

/** A PostgreSQL server through a node-postgres pool. */
export async function openPostgres(
  url: string,
  poolSize: number,
  log: Logger,
  onHookError: (err: unknown) => void,
): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'switchboard' });
  pool.on('error', (err) => log.warn({ err }, 'idle database connection failed'));
  const listeners = new Set<() => Promise<void>>();

  const toResult = <T>(res: pg.QueryResult): QueryResult<T> => ({
    rows: res.rows as T[],
    rowCount: res.rowCount ?? res.rows.length,
  });

  const statement = (text: string, params: readonly unknown[] | undefined, options: QueryOptions | undefined): pg.QueryConfig => ({
    text,
    values: params as unknown[],
    ...(options?.prepare ? { name: `sb_${createHash('sha1').update(text).digest('hex').slice(0, 24)}` } : {}),
  });

  const runTransaction = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    const hooks = new CommitHooks();
    let result: T;
    try {
      await client.query('BEGIN');
      const tx: Tx = {
        query: async <R>(text: string, params?: readonly unknown[], options?: QueryOptions) =>
          toResult<R>(await client.query(statement(text, params, options))),
        exec: async (script: string) => {
          await client.query(script);
        },
        afterCommit: (hook) => hooks.add(hook),
      };
      result = await fn(tx);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw err;
    }
    client.release();
    await hooks.run(onHookError);
    return result;
  };

  await pool.query('select 1'); // fail fast with a clear error when the server is unreachable

  return {
    kind: 'postgres',
    query: async <T>(text: string, params?: readonly unknown[], options?: QueryOptions) =>
      toResult<T>(await pool.query(statement(text, params, options))),
    exec: async (script: string) => {
      await pool.query(script);
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      // A deadlock or serialization failure aborts one of the transactions involved; it did
      // nothing, so it is run again (a request or job meeting a concurrent job on the same rows).
      for (let attempt = 1; ; attempt++) {
        try {
          return await runTransaction(fn);
        } catch (err) {
          const state = (err as { code?: string }).code;
          if (attempt >= 3 || (state !== '40P01' && state !== '40001')) throw err;
          log.warn({ err, attempt }, 'transaction aborted by a concurrent one; running it again');
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
        }
      }
    },
    async listen(channel, onPayload, options) {
      let client: pg.Client | undefined;
      let stopped = false;
      let retry: NodeJS.Timeout | undefined;
      const connect = async (isReconnect: boolean): Promise<void> => {
        const c = new pg.Client({ connectionString: url, application_name: 'switchboard-listen' });
        c.on('notification', (msg) => {
          if (msg.channel === channel && msg.payload !== undefined) onPayload(msg.payload);
        });
        c.on('error', (err) => {
          log.warn({ err }, 'event listener connection lost; reconnecting');
          c.end().catch(() => undefined);
          scheduleReconnect();
        });
        await c.connect();
        await c.query(`LISTEN "${channel.replace(/"/g, '')}"`);
        client = c;
        if (isReconnect) options?.onReconnect?.();
      };
      const scheduleReconnect = (): void => {
        if (stopped || retry) return;
        retry = setTimeout(() => {
          retry = undefined;
          connect(true).catch(() => scheduleReconnect());
        }, 500);
      };
      await connect(false);
      const stop = async (): Promise<void> => {
        stopped = true;
        if (retry) clearTimeout(retry);
        listeners.delete(stop);
        await client?.end().catch(() => undefined);
      };
      listeners.add(stop);
      return stop;
    },
    async close() {
      for (const stop of [...listeners]) await stop();
      await pool.end();
    },
  };
}
