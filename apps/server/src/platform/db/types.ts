/** The one query layer every module uses; PGlite and node-postgres implement it alike. */
export type Row = Record<string, unknown>;

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface QueryOptions {
  /**
   * Keep a server-side prepared statement for this text (PostgreSQL server only), so it is
   * parsed and planned once per connection. Only for hot statements whose plan does not depend on
   * the values — inserts, lookups by key: PostgreSQL may switch a prepared statement to a generic
   * plan, which is wrong for queries whose best plan depends on them (counts, searches).
   */
  prepare?: boolean;
}

export interface Queryable {
  /** One parameterised statement ($1, $2 …). */
  query<T = Row>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<T>>;
  /** A script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Tx extends Queryable {
  /** Runs after this transaction commits; never when it rolls back. */
  afterCommit(hook: () => void | Promise<void>): void;
}

export interface ListenOptions {
  /** Called after the listening connection was lost and re-established, to catch up. */
  onReconnect?: () => void;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * A transaction that may share its BEGIN and COMMIT with others arriving at the same moment
   * (group commit, on a PostgreSQL server): for bursts of small independent writes. What `fn`
   * writes commits or rolls back as with `transaction`. `fn` must touch the database only
   * through `tx`, take no savepoints, and may run twice: when another member of its group fails,
   * the group rolls back and each member runs again on its own.
   */
  groupTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  listen(channel: string, onPayload: (payload: string) => void, options?: ListenOptions): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Collects after-commit hooks of one transaction and runs them once it committed. */
export class CommitHooks {
  private readonly hooks: Array<() => void | Promise<void>> = [];
  add(hook: () => void | Promise<void>): void {
    this.hooks.push(hook);
  }
  async run(onError: (err: unknown) => void): Promise<void> {
    for (const hook of this.hooks) {
      try {
        await hook();
      } catch (err) {
        onError(err);
      }
    }
  }
}

/** SQLSTATE of an error thrown by either driver, if it has one. */
export function sqlState(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    return (err as { code: string }).code;
  }
  return undefined;
}

/** The constraint a failed statement named, if any. */
export function sqlConstraint(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'constraint' in err) {
    const c = (err as { constraint: unknown }).constraint;
    return typeof c === 'string' ? c : undefined;
  }
  return undefined;
}
