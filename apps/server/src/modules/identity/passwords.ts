import { hash, verify } from '@node-rs/argon2';

/** @node-rs/argon2 hashes with argon2id by default (OWASP parameters); tests check the `$argon2id$` prefix. */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
let dummy: Promise<string> | undefined;

/** argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Verifies; with no stored hash it still does the work, so timing tells nothing about accounts. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword('switchboard-timing-equaliser');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
