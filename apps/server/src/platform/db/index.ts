import type { Config } from '../config.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Db } from './types.ts';

export type { Db, Tx, Queryable, Row, QueryResult } from './types.ts';
export { sqlState, sqlConstraint } from './types.ts';
export { migrate } from './migrate.ts';
export { FolderLockedError } from './folder-lock.ts';

interface Logger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Opens the database the configuration names: a PostgreSQL server, or PGlite in DATA_DIR. */
export async function openDb(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'DB_POOL_SIZE'>, log: Logger): Promise<Db> {
  const onHookError = (err: unknown): void => log.error({ err }, 'after-commit hook failed');
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL, config.DB_POOL_SIZE, log, onHookError);
  return openPglite(config.DATA_DIR, onHookError);
}
