import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Credentials Switchboard must read back (IMAP passwords, webhook signing secrets, chat identity
 * secrets) are stored sealed: AES-256-GCM under a key that is not in the database, so a dump or a
 * backup alone gives none of them away.
 *
 * Text format: `v1:<key id>:<base64 nonce>:<base64 ciphertext and tag>`. The key id (derived from
 * the key) says which key opens it, so values sealed with a previous key still open after a
 * rotation. The context (`table.column:row id`) is authenticated, not stored: a sealed value
 * copied to another column or row does not open.
 */

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;
const format = /^v1:([A-Za-z0-9_-]{8}):([A-Za-z0-9+/]{16}):([A-Za-z0-9+/]+={0,2})$/;

/** A value could not be sealed or opened; the message says why and what to do. */
export class SealedSecretError extends Error {
  constructor(
    message: string,
    /** unknown_key: no key of this instance has the id; damaged: changed, or another context. */
    readonly reason: 'not_sealed' | 'unknown_key' | 'damaged',
  ) {
    super(message);
  }
}

/** Seals and opens secrets with the current key; opens with previous keys too. */
export interface SecretBox {
  /** Id of the key new values are sealed with. */
  readonly keyId: string;
  /** Ids of every key this box opens with, the current one first. */
  readonly keyIds: readonly string[];
  /** Seals `plaintext` for `context` (e.g. `mailboxes.imap_password:<id>`) with the current key. */
  seal(plaintext: string, context: string): string;
  /** Opens a sealed value for the context it was sealed for; throws SealedSecretError otherwise. */
  open(sealed: string, context: string): string;
}

/** Whether `text` is a secrets key: 32 bytes in base64, as `openssl rand -base64 32` prints them. */
export const isKeyText = (text: string): boolean => /^[A-Za-z0-9+/_-]{43}=?$/.test(text) && Buffer.from(text, 'base64').length === KEY_BYTES;

/** Whether a stored value is in the sealed format (anything else was stored before sealing). */
export const isSealed = (value: string): boolean => format.test(value);

/** The key id a sealed value names, or null for a value that is not sealed. */
export const keyIdOf = (value: string): string | null => format.exec(value)?.[1] ?? null;

/** A short, stable id of a key: it names the key in sealed values and logs without revealing it. */
export function keyIdFor(key: Buffer): string {
  return createHash('sha256').update('switchboard sealed-secrets key id\0').update(key).digest('base64url').slice(0, 8);
}

/** A box over `keys`: the first seals, all open. Keys are 32 bytes each. */
export function createSecretBox(keys: readonly Buffer[]): SecretBox {
  if (keys.length === 0) throw new Error('A secret box needs at least one key');
  for (const k of keys) if (k.length !== KEY_BYTES) throw new Error(`A secrets key is ${KEY_BYTES} bytes, not ${k.length}`);
  const byId = new Map(keys.map((k) => [keyIdFor(k), k] as const));
  const current = keys[0]!;
  const keyId = keyIdFor(current);
  return {
    keyId,
    keyIds: [...byId.keys()],
    seal(plaintext, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, nonce);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}:${keyId}:${nonce.toString('base64')}:${body.toString('base64')}`;
    },
    open(sealed, context) {
      const m = format.exec(sealed);
      if (!m) throw new SealedSecretError(`The value stored for ${context} is not sealed`, 'not_sealed');
      const key = byId.get(m[1]!);
      if (!key) {
        throw new SealedSecretError(
          `The value stored for ${context} was sealed with key ${m[1]}, which this instance does not have (it has ${[...byId.keys()].join(', ')}). ` +
            'Start it with the key the database was sealed with (SECRETS_KEY, or the key file), or give that key as SECRETS_KEY_PREVIOUS.',
          'unknown_key',
        );
      }
      const body = Buffer.from(m[3]!, 'base64');
      if (body.length < TAG_BYTES) throw new SealedSecretError(`The value stored for ${context} is damaged (too short)`, 'damaged');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(m[2]!, 'base64'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SealedSecretError(`The value stored for ${context} does not open: it was changed, or it was sealed for another column or row`, 'damaged');
      }
    },
  };
}

/** A column whose values are stored sealed, with the context a row's value is sealed for. */
export interface SealedColumn {
  readonly table: string;
  readonly column: string;
  /** The authenticated context of one row's value: `table.column:<id>`. */
  context(id: string): string;
  /**
   * SQL that throws every value away when the key is lost (`npm run secrets -- forget`): what
   * stops working without it is switched off, or given a random placeholder that an admin replaces.
   */
  readonly forget: string;
}

const identifier = /^[a-z_][a-z0-9_]*$/;

/** Declares a sealed column of a table whose primary key is `id` (modules list theirs in index.ts). */
export function sealedColumn(table: string, column: string, forget: string): SealedColumn {
  if (!identifier.test(table) || !identifier.test(column)) throw new Error(`Not a plain SQL name: ${table}.${column}`);
  return { table, column, context: (id) => `${table}.${column}:${id}`, forget };
}
