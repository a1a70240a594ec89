import { createHash } from 'node:crypto';
import type { Db, Tx } from '../db/index.ts';
import { isSealed, type SecretBox } from '../secrets/index.ts';
import { AppError } from './errors.ts';

/** Thrown inside the transaction when the key was used before for the same request. */
export class IdempotentReplay extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('idempotent replay');
  }
}

interface KeyUse {
  actorId: string;
  key: string;
  request: unknown;
  status: number;
}

/**
 * Runs `fn` once per (actor, key). The key row is claimed in the same transaction as the change,
 * so a concurrent repeat waits for the first and then replays its response; a crash leaves neither.
 * The response is kept sealed: some carry a secret shown this once (a new webhook's signing secret).
 */
export async function idempotentTransaction<T>(transaction: Db['transaction'], secrets: SecretBox, use: KeyUse, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const context = `idempotency_keys.response:${use.actorId}:${use.key}`;
  const hash = createHash('sha256').update(JSON.stringify(use.request)).digest('hex');
  return transaction(async (tx) => {
    const claimed = await tx.query(
      `insert into idempotency_keys (actor_id, key, request_hash, status, response)
       values ($1, $2, $3, 0, 'null'::jsonb) on conflict do nothing returning key`,
      [use.actorId, use.key, hash],
    );
    if (claimed.rowCount === 0) {
      const { rows } = await tx.query<{ request_hash: string; status: number; response: unknown }>(
        'select request_hash, status, response from idempotency_keys where actor_id = $1 and key = $2',
        [use.actorId, use.key],
      );
      const prior = rows[0]!;
      // Claimed but not answered: only a request sharing this very transaction (group commit)
      // can see that. Failing sends each request of the group on its own, where the repeat
      // waits for the first and replays its answer.
      if (prior.status === 0) throw new Error('the Idempotency-Key is in use by a request in the same transaction');
      if (prior.request_hash !== hash) {
        throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request');
      }
      // A response stored before responses were sealed is a plain JSON value (never a sealed string).
      const response = typeof prior.response === 'string' && isSealed(prior.response) ? JSON.parse(secrets.open(prior.response, context)) : prior.response;
      throw new IdempotentReplay(prior.status, response);
    }
    const result = await fn(tx);
    await tx.query('update idempotency_keys set status = $3, response = $4::jsonb where actor_id = $1 and key = $2', [
      use.actorId,
      use.key,
      use.status,
      JSON.stringify(secrets.seal(JSON.stringify(result ?? null), context)),
    ]);
    return result;
  });
}
