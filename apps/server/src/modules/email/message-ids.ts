import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../../platform/db/index.ts';

const SECRET_NAME = 'email.message-id-key';
let cached: { db: Queryable; key: Buffer } | undefined;

/** The key our Message-IDs are signed with: made once per installation, kept in the database. */
async function signingKey(db: Queryable): Promise<Buffer> {
  if (cached?.db === db) return cached.key;
  await db.query(`insert into secrets (name, value) values ($1, $2) on conflict (name) do nothing`, [SECRET_NAME, randomBytes(32).toString('hex')]);
  const { rows } = await db.query<{ value: string }>(`select value from secrets where name = $1`, [SECRET_NAME]);
  cached = { db, key: Buffer.from(rows[0]!.value, 'hex') };
  return cached.key;
}

const sign = (key: Buffer, entryId: number): string => createHmac('sha256', key).update(`entry:${entryId}`).digest('hex').slice(0, 20);

/** The Message-ID of an entry we send: `sb.<entry>.<signature>@<domain>` — a forged one does not verify. */
export async function ourMessageId(db: Queryable, entryId: number, domain: string): Promise<string> {
  return `sb.${entryId}.${sign(await signingKey(db), entryId)}@${domain}`;
}

const ours = /^sb\.(\d{1,15})\.([0-9a-f]{20})@/;

/** The entry a Message-ID of ours names, when its signature holds; null for anyone else's id. */
export async function entryOfMessageId(db: Queryable, messageId: string): Promise<number | null> {
  const m = ours.exec(messageId);
  if (!m) return null;
  const entryId = Number(m[1]);
  return sign(await signingKey(db), entryId) === m[2] ? entryId : null;
}

export const looksLikeOurs = (messageId: string): boolean => ours.test(messageId);
