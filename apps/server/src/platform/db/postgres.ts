import pg from 'pg';
import { createHash } from 'node:crypto';
import { GroupCommit, type GroupMember } from './group-commit.ts';
import { CommitHooks, type Db, type QueryOptions, type QueryResult, type Tx } from './types.ts';

pg.types.setTypeParser(20, (v) => Number(v)); // int8 as number, as on the PGlite side
pg.types.setTypeParser(1082, (v) => v); // date stays 'YYYY-MM-DD'

/** Groups running at once (each on its own connection), and members per group. */
const GROUPS_IN_FLIGHT = 2;
const GROUP_MAX_SIZE = 32;

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

  const transaction = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
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
  };

  // Group commit (see group-commit.ts): the members of a group run side by side on one
  // connection in pipeline mode, so their statements go out together and share BEGIN and COMMIT.
  // Its statements are the hot writes marked `prepare` (plans that do not depend on the values):
  // planned once, not re-planned per call as PostgreSQL may otherwise choose to.
  const groupPool = new pg.Pool({
    connectionString: url,
    max: GROUPS_IN_FLIGHT,
    application_name: 'switchboard-group',
    options: '-c plan_cache_mode=force_generic_plan',
    pipeline: true,
  } as pg.PoolConfig);
  groupPool.on('error', (err) => log.warn({ err }, 'idle database connection failed'));
  const alone = async (m: GroupMember): Promise<void> => {
    try {
      m.resolve(await transaction(m.fn));
    } catch (err) {
      m.reject(err);
    }
  };
  const runGroup = async (members: GroupMember[]): Promise<void> => {
    if (members.length === 1) return alone(members[0]!);
    const hooks = members.map(() => new CommitHooks());
    let committed = false;
    let results: unknown[] = [];
    const client = await groupPool.connect().catch(() => null);
    if (client) {
      let broken: unknown;
      // The members move in step: what they send in one turn of the event loop leaves in one
      // write (the socket is corked at the first statement, uncorked once their synchronous parts
      // have run), and they see their answers together, when the whole batch is answered — so
      // their next statements leave together again. (The server answers a batch in order anyway.)
      const stream = (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
      let batch: { sent: Array<Promise<unknown>>; answered: Promise<unknown> } | null = null;
      const send = <R extends pg.QueryResultRow>(config: pg.QueryConfig | string): Promise<pg.QueryResult<R>> => {
        if (!batch) {
          let open!: () => void;
          const current = { sent: [] as Array<Promise<unknown>>, answered: new Promise<void>((r) => (open = r)) };
          batch = current;
          stream.cork();
          process.nextTick(() => {
            batch = null;
            stream.uncork();
            void Promise.allSettled(current.sent).then(open);
          });
        }
        const sent = client.query<R>(config);
        batch.sent.push(sent);
        return batch.answered.then(() => sent);
      };
      try {
        // BEGIN goes out ahead of the members' first statements, in the same write.
        const begun = send('BEGIN');
        const settled = await Promise.allSettled(
          members.map((m, i) =>
            m.fn({
              query: async <R>(text: string, params?: readonly unknown[], options?: QueryOptions) =>
                toResult<R>(await send(statement(text, params, options))),
              exec: async (script: string) => {
                await send(script);
              },
              afterCommit: (hook) => hooks[i]!.add(hook),
            }),
          ),
        );
        await begun;
        if (settled.every((s) => s.status === 'fulfilled')) {
          await client.query('COMMIT');
          committed = true;
          results = settled.map((s) => (s as PromiseFulfilledResult<unknown>).value);
        } else {
          await client.query('ROLLBACK');
        }
      } catch (err) {
        broken = err;
        await client.query('ROLLBACK').catch(() => undefined);
      }
      client.release(broken instanceof Error ? broken : undefined);
    }
    if (committed) {
      // As with `transaction`: the after-commit hooks have run when the caller gets its result.
      for (const h of hooks) await h.run(onHookError);
      members.forEach((m, i) => m.resolve(results[i]));
      return;
    }
    // Someone failed (or the group could not run): nothing of the group was written; each
    // member runs on its own, and gets its own answer.
    await Promise.all(members.map(alone));
  };
  const groups = new GroupCommit(runGroup, GROUPS_IN_FLIGHT, GROUP_MAX_SIZE);

  await pool.query('select 1'); // fail fast with a clear error when the server is unreachable

  return {
    kind: 'postgres',
    query: async <T>(text: string, params?: readonly unknown[], options?: QueryOptions) =>
      toResult<T>(await pool.query(statement(text, params, options))),
    exec: async (script: string) => {
      await pool.query(script);
    },
    transaction,
    groupTransaction: (fn) => groups.submit(fn),
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
      await Promise.all([pool.end(), groupPool.end()]);
    },
  };
}
