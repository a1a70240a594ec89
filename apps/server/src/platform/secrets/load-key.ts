import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, type Config } from '../config.ts';
import { createSecretBox, isKeyText, KEY_BYTES, type SecretBox } from './sealed-secrets.ts';

/**
 * The key is missing, unreadable, or not the one the database was sealed with; the message says
 * what to do. A configuration problem: the start stops with it (exit code 2).
 */
export class SecretsKeyError extends ConfigError {}

interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const keyOf = (text: string): Buffer => Buffer.from(text.trim(), 'base64');

/** Where the key file is: SECRETS_KEY_FILE, else `secrets.key` in DATA_DIR; none for an in-memory DATA_DIR. */
export function keyFilePath(config: Pick<Config, 'SECRETS_KEY_FILE' | 'DATA_DIR'>): string | null {
  if (config.SECRETS_KEY_FILE) return resolve(config.SECRETS_KEY_FILE);
  return config.DATA_DIR === 'memory://' ? null : join(resolve(config.DATA_DIR), 'secrets.key');
}

const fileHeader = [
  '# Switchboard secrets key: opens the IMAP passwords, webhook and chat secrets stored in the database.',
  '# Back it up SEPARATELY from the database: a backup holding both gives the secrets away, and without',
  '# this key they cannot be read. First line: the current key; lines below: previous keys (still opened).',
].join('\n');

/** Reads the keys of a key file: one base64 key per line, the current one first; # starts a comment. */
function readKeyFile(path: string): Buffer[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const keys: Buffer[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (!isKeyText(line)) throw new SecretsKeyError(`Line ${i + 1} of the secrets key file ${path} is not a key (32 bytes in base64, e.g. from: openssl rand -base64 32).`);
    keys.push(keyOf(line));
  });
  if (keys.length === 0) throw new SecretsKeyError(`The secrets key file ${path} holds no key. Restore it from your backup, or delete it to have a new one made (only on a new installation).`);
  return keys;
}

/**
 * Makes the key file once: written beside it, then linked into place, so two instances starting
 * together end up with the same file (the second finds the first's). Returns whether this call made it.
 */
function createKeyFile(path: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${fileHeader}\n${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

export interface LoadedKey {
  box: SecretBox;
  /** Where the key came from, for messages. */
  source: string;
  /** The key file this call made (first start), else null: a start that fails removes it again. */
  madeFile: string | null;
}

/**
 * The box this instance seals and opens secrets with. The key comes from SECRETS_KEY, else from
 * the key file (made on first start, mode 0600); previous keys (SECRETS_KEY_PREVIOUS, further
 * lines of the file) still open what they sealed. With DATA_DIR=memory:// and no SECRETS_KEY the
 * key lives as long as the process, like the database.
 */
export function loadSecretBox(config: Pick<Config, 'SECRETS_KEY' | 'SECRETS_KEY_PREVIOUS' | 'SECRETS_KEY_FILE' | 'DATA_DIR' | 'DATABASE_URL'>, log: Logger): LoadedKey {
  const previous = (config.SECRETS_KEY_PREVIOUS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map(keyOf);
  if (config.SECRETS_KEY) {
    const box = createSecretBox([keyOf(config.SECRETS_KEY), ...previous]);
    log.info({ keyId: box.keyId, previous: box.keyIds.slice(1) }, 'secrets key from SECRETS_KEY');
    return { box, source: 'from SECRETS_KEY', madeFile: null };
  }
  const path = keyFilePath(config);
  if (path === null) {
    if (config.DATABASE_URL) log.warn({}, 'no SECRETS_KEY and DATA_DIR=memory://: secrets are sealed with a key that is lost when this process ends');
    return { box: createSecretBox([randomBytes(KEY_BYTES), ...previous]), source: 'a key made for this process only (DATA_DIR=memory://)', madeFile: null };
  }
  let generated = false;
  try {
    generated = createKeyFileIfMissing(path);
  } catch (err) {
    throw new SecretsKeyError(`Could not make the secrets key file ${path}: ${(err as Error).message}. Set SECRETS_KEY, or SECRETS_KEY_FILE to a writable place.`);
  }
  let keys: Buffer[];
  try {
    keys = readKeyFile(path);
  } catch (err) {
    if (err instanceof SecretsKeyError) throw err;
    throw new SecretsKeyError(`Could not read the secrets key file ${path}: ${(err as Error).message}`);
  }
  const box = createSecretBox([...keys, ...previous]);
  const where = { keyId: box.keyId, keyFile: path };
  if (generated) {
    log.warn(
      where,
      `made a new secrets key in ${path}: back it up separately from the database (without it the stored IMAP passwords, webhook and chat secrets cannot be read)` +
        (config.DATABASE_URL ? '; every instance on this database needs the same key: copy this file to them, or set SECRETS_KEY on all' : ''),
    );
  } else {
    log.info({ ...where, previous: box.keyIds.slice(1) }, 'secrets key from the key file');
  }
  if ((statSync(path).mode & 0o077) !== 0) log.warn(where, `the secrets key file ${path} can be read by other users: chmod 600 it`);
  return { box, source: `from the key file ${path}`, madeFile: generated ? path : null };
}

function createKeyFileIfMissing(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return createKeyFile(path);
}

/** A new key as SECRETS_KEY takes it (for docs and tests). */
export const newKeyText = (): string => randomBytes(KEY_BYTES).toString('base64');

