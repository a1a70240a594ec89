import type { Db, Tx } from '../db/index.ts';
import { SecretsKeyError } from './load-key.ts';
import { isSealed, keyIdOf, type SealedColumn, type SecretBox } from './sealed-secrets.ts';

/** A known value sealed with the installation's key: proves at start that this instance has that key. */
const CHECK_NAME = 'sealed-secrets.check';
const CHECK_CONTEXT = `secrets.value:${CHECK_NAME}`;

interface Logger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SealingReport {
  /** Values found in clear text (stored before sealing) and sealed now. */
  sealed: number;
  /** Values sealed with a previous key and sealed again with the current one. */
  resealed: number;
  /** Contexts of values that do not open (changed, or moved from another row): left as they are. */
  damaged: string[];
}

const wrongKey = (found: string | null, box: SecretBox, keySource: string): SecretsKeyError =>
  new SecretsKeyError(
    [
      `The secrets stored in this database were sealed with key ${found ?? '(unreadable)'}, but this instance has ${box.keyIds.join(', ')} (${keySource}).`,
      'Start it with the key this database was sealed with: set SECRETS_KEY to it, or put the key file from your backup back in place.',
      'Instances sharing one database need the same key. After a key change, give the old key as SECRETS_KEY_PREVIOUS until every instance has started once.',
      'Lost the key? `npm run secrets -- forget --yes` throws the stored secrets away so it starts with a new one (docs/operations.md, "Lost secrets key").',
    ].join('\n'),
  );

/** Checks (or, on a new database, records) that this instance has the key the database was sealed with. */
async function checkInstallationKey(tx: Tx, box: SecretBox, keySource: string): Promise<'created' | 'known'> {
  const { rows } = await tx.query<{ value: string }>('select value from secrets where name = $1', [CHECK_NAME]);
  const stored = rows[0]?.value;
  if (stored === undefined) {
    await tx.query('insert into secrets (name, value) values ($1, $2)', [CHECK_NAME, box.seal('switchboard', CHECK_CONTEXT)]);
    return 'created';
  }
  const found = keyIdOf(stored);
  if (!found || !box.keyIds.includes(found)) throw wrongKey(found, box, keySource);
  try {
    box.open(stored, CHECK_CONTEXT);
  } catch {
    throw wrongKey(found, box, keySource);
  }
  if (found !== box.keyId) await tx.query('update secrets set value = $2 where name = $1', [CHECK_NAME, box.seal('switchboard', CHECK_CONTEXT)]);
  return 'known';
}

/**
 * Run at start, after migrations: seals values still in clear text (stored before sealing, or
 * written by SQL), seals values of a previous key again with the current one, and refuses to
 * start with a key the database was not sealed with. One transaction under an advisory lock, so
 * instances starting together do it once; running it again changes nothing.
 */
export async function sealStoredSecrets(db: Db, box: SecretBox, columns: readonly SealedColumn[], keySource: string, log: Logger): Promise<SealingReport> {
  const report = await db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('switchboard:sealed-secrets'))`);
    const check = await checkInstallationKey(tx, box, keySource);
    const result: SealingReport = { sealed: 0, resealed: 0, damaged: [] };
    const unknown: Array<{ context: string; keyId: string }> = [];
    const current = `v1:${box.keyId}:`;
    for (const col of columns) {
      const { rows } = await tx.query<{ id: string; value: string }>(
        `select id::text as id, ${col.column} as value from ${col.table} where ${col.column} is not null and left(${col.column}, $2) <> $1`,
        [current, current.length],
      );
      for (const r of rows) {
        const context = col.context(r.id);
        let plaintext: string;
        if (!isSealed(r.value)) {
          plaintext = r.value;
          result.sealed += 1;
        } else {
          const keyId = keyIdOf(r.value)!;
          if (!box.keyIds.includes(keyId)) {
            unknown.push({ context, keyId });
            continue;
          }
          try {
            plaintext = box.open(r.value, context);
          } catch {
            result.damaged.push(context);
            continue;
          }
          result.resealed += 1;
        }
        await tx.query(`update ${col.table} set ${col.column} = $2 where id = $1`, [r.id, box.seal(plaintext, context)]);
      }
    }
    // No record of the installation's key yet, but values sealed with a key we lack: the key is wrong.
    if (unknown.length && check === 'created') throw wrongKey(unknown[0]!.keyId, box, keySource);
    result.damaged.push(...unknown.map((u) => u.context));
    return result;
  });
  if (report.sealed || report.resealed) log.info({ sealed: report.sealed, resealed: report.resealed, keyId: box.keyId }, 'stored secrets sealed with the current key');
  for (const context of report.damaged) {
    log.error({ context }, `the secret stored for ${context} cannot be opened (changed, moved from another row, or sealed with a key this instance lacks): enter or regenerate it`);
  }
  return report;
}

/**
 * When the key is lost: throws every sealed value away (each column's `forget`: switched off, or a
 * random placeholder that the next start seals), the idempotency store's sealed responses, and the
 * record of the old key, so Switchboard starts with a new key. Returns the rows changed per column.
 */
export async function forgetSealedSecrets(db: Db, columns: readonly SealedColumn[]): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('switchboard:sealed-secrets'))`);
    const changed: Record<string, number> = {};
    for (const col of columns) changed[`${col.table}.${col.column}`] = (await tx.query(col.forget)).rowCount;
    await tx.query('delete from idempotency_keys');
    await tx.query('delete from secrets where name = $1', [CHECK_NAME]);
    return changed;
  });
}
