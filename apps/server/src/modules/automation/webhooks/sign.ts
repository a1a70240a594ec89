import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sealedColumn } from '../../../platform/secrets/index.ts';

/** The signing secret is stored sealed; it is shown once (create, regenerate), then only its last 4 characters. */
export const webhookSecretColumn = sealedColumn('webhook_endpoints', 'secret', 'update webhook_endpoints set enabled = false, secret = gen_random_uuid()::text');

/** A new signing secret: 32 random bytes, prefixed so people recognise it in their config. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the time is signed too, so an old body cannot be replayed later. */
export function signatureHeader(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/**
 * What a receiver does: checks the header against the body, and that it is at most `toleranceS`
 * old. Exported for tests and as the reference for the docs.
 */
export function verifySignature(secret: string, body: string, header: string, toleranceS = 300, now: Date = new Date()): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(now.getTime() / 1000 - t) > toleranceS) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
