import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config.ts';
import { createSecretBox, isSealed, keyIdFor, keyIdOf, sealedColumn, SealedSecretError } from './sealed-secrets.ts';

const key = () => randomBytes(32);
const context = 'mailboxes.imap_password:5f0c6a1e-0000-4000-8000-000000000001';

/** Changes one byte of the decoded part `index` (2: nonce, 3: ciphertext and tag) of a sealed value. */
function flip(sealed: string, index: 2 | 3, at: (length: number) => number): string {
  const parts = sealed.split(':');
  const bytes = Buffer.from(parts[index]!, 'base64');
  const i = at(bytes.length);
  bytes[i] = bytes[i]! ^ 0x01;
  parts[index] = bytes.toString('base64');
  return parts.join(':');
}

const errorOf = (fn: () => unknown): SealedSecretError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof SealedSecretError) return err;
    throw err;
  }
  throw new Error('expected a SealedSecretError');
};

describe('sealed secrets', () => {
  it('seals into the versioned text format and opens back, for any text', () => {
    const box = createSecretBox([key()]);
    for (const plaintext of ['support-secret', '', 'pässwörd with ümlauts and 🔑', 'x'.repeat(5000), 'v1:looks:like:sealed']) {
      const sealed = box.seal(plaintext, context);
      expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]{8}:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/=]+$/);
      expect(isSealed(sealed)).toBe(true);
      expect(keyIdOf(sealed)).toBe(box.keyId);
      if (plaintext) expect(sealed).not.toContain(plaintext);
      expect(box.open(sealed, context)).toBe(plaintext);
    }
  });

  it('uses a fresh nonce every time: the same secret never seals to the same text', () => {
    const box = createSecretBox([key()]);
    const a = box.seal('same', context);
    const b = box.seal('same', context);
    expect(a).not.toBe(b);
    expect(a.split(':')[2]).not.toBe(b.split(':')[2]);
  });

  it('detects any change to the nonce, the ciphertext or the tag', () => {
    const box = createSecretBox([key()]);
    const sealed = box.seal('whsec_abcdefghijklmnop', context);
    const changed = [
      flip(sealed, 2, () => 0),
      flip(sealed, 3, () => 0), // ciphertext
      flip(sealed, 3, (n) => n - 1), // tag
      sealed.slice(0, sealed.lastIndexOf(':') + 1) + Buffer.alloc(8).toString('base64'), // shorter than a tag
    ];
    for (const value of changed) {
      const err = errorOf(() => box.open(value, context));
      expect(err.reason).toBe('damaged');
      expect(err.message).toContain(context);
    }
  });

  it('refuses a value moved to another column or row (the context is authenticated)', () => {
    const box = createSecretBox([key()]);
    const sealed = box.seal('support-secret', context);
    for (const other of ['webhook_endpoints.secret:5f0c6a1e-0000-4000-8000-000000000001', 'mailboxes.imap_password:5f0c6a1e-0000-4000-8000-000000000002']) {
      const err = errorOf(() => box.open(sealed, other));
      expect(err.reason).toBe('damaged');
      expect(err.message).toMatch(/sealed for another column or row/);
    }
  });

  it('refuses a value of another key with a message naming both keys and what to set', () => {
    const ours = createSecretBox([key()]);
    const theirs = createSecretBox([key()]);
    const err = errorOf(() => ours.open(theirs.seal('support-secret', context), context));
    expect(err.reason).toBe('unknown_key');
    expect(err.message).toContain(theirs.keyId);
    expect(err.message).toContain(ours.keyId);
    expect(err.message).toMatch(/SECRETS_KEY/);
    // A forged key id does not get past the tag either.
    const forged = theirs.seal('support-secret', context).replace(`:${theirs.keyId}:`, `:${ours.keyId}:`);
    expect(errorOf(() => ours.open(forged, context)).reason).toBe('damaged');
  });

  it('opens with previous keys after a rotation and seals with the current one', () => {
    const oldKey = key();
    const before = createSecretBox([oldKey]);
    const sealedBefore = before.seal('support-secret', context);
    const rotated = createSecretBox([key(), oldKey]);
    expect(rotated.keyIds).toEqual([rotated.keyId, before.keyId]);
    expect(rotated.open(sealedBefore, context)).toBe('support-secret');
    const sealedAfter = rotated.seal('support-secret', context);
    expect(keyIdOf(sealedAfter)).toBe(rotated.keyId);
    expect(errorOf(() => before.open(sealedAfter, context)).reason).toBe('unknown_key');
  });

  it('tells clear text from sealed values, and refuses to open clear text', () => {
    for (const plain of ['support-secret', 'whsec_abc', 'a'.repeat(64), 'v1:', 'v1:abc:def:ghi', '']) expect(isSealed(plain), plain).toBe(false);
    expect(errorOf(() => createSecretBox([key()]).open('support-secret', context)).reason).toBe('not_sealed');
  });

  it('derives stable key ids and refuses keys of the wrong length', () => {
    const k = key();
    expect(keyIdFor(k)).toBe(keyIdFor(Buffer.from(k)));
    expect(keyIdFor(k)).not.toBe(keyIdFor(key()));
    expect(() => createSecretBox([randomBytes(16)])).toThrow(/32 bytes/);
    expect(() => createSecretBox([])).toThrow();
    expect(sealedColumn('mailboxes', 'imap_password', '').context('42')).toBe('mailboxes.imap_password:42');
    expect(() => sealedColumn('mailboxes; drop table x', 'imap_password', '')).toThrow();
  });

  it('takes SECRETS_KEY and SECRETS_KEY_PREVIOUS only as 32 bytes in base64', () => {
    const good = randomBytes(32).toString('base64');
    expect(parseConfig({ SECRETS_KEY: good, SECRETS_KEY_PREVIOUS: `${randomBytes(32).toString('base64')}, ${good}` }).SECRETS_KEY).toBe(good);
    expect(() => parseConfig({ SECRETS_KEY: randomBytes(16).toString('base64') })).toThrow(/SECRETS_KEY: must be 32 random bytes in base64 \(make one with: openssl rand -base64 32\)/);
    expect(() => parseConfig({ SECRETS_KEY: 'correct horse battery staple' })).toThrow(/SECRETS_KEY/);
    expect(() => parseConfig({ SECRETS_KEY_PREVIOUS: `${good},nope` })).toThrow(/SECRETS_KEY_PREVIOUS/);
  });
});
