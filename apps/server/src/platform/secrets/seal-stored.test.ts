import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, onPostgres, type TestDatabase } from '../../../test/harness.ts';
import { allSealedColumns, buildApp } from '../../app.ts';
import { configWith } from '../config.ts';
import { migrate, openDb, type Db } from '../db/index.ts';
import { SecretsKeyError } from './load-key.ts';
import { forgetSealedSecrets, sealStoredSecrets } from './seal-stored.ts';
import { createSecretBox, isSealed, keyIdOf, sealedColumn, type SecretBox } from './sealed-secrets.ts';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const key = () => randomBytes(32);
const imap = sealedColumn('mailboxes', 'imap_password', '');
const webhook = sealedColumn('webhook_endpoints', 'secret', '');
const chat = sealedColumn('chat_channels', 'identity_secret', '');

/**
 * The start-up step on a database as an older version left it: credentials in clear text. It
 * seals them once, re-seals after a key rotation, and refuses a key the database was not sealed with.
 */
describe(`sealing stored secrets at start on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: TestDatabase;
  let db: Db;
  const ids = { mailbox: '', webhook: '', chat: '' };
  const stored = async () => {
    const q = async (sql: string, id: string) => (await db.query<{ v: string }>(sql, [id])).rows[0]!.v;
    return {
      mailbox: await q('select imap_password as v from mailboxes where id = $1', ids.mailbox),
      webhook: await q('select secret as v from webhook_endpoints where id = $1', ids.webhook),
      chat: await q('select identity_secret as v from chat_channels where id = $1', ids.chat),
    };
  };
  const opened = async (box: SecretBox) => {
    const s = await stored();
    return { mailbox: box.open(s.mailbox, imap.context(ids.mailbox)), webhook: box.open(s.webhook, webhook.context(ids.webhook)), chat: box.open(s.chat, chat.context(ids.chat)) };
  };
  const plaintext = { mailbox: 'support-secret', webhook: 'whsec_0123456789abcdef', chat: 'f'.repeat(64) };

  beforeAll(async () => {
    database = await freshDatabase();
    db = await openDb(configWith({ DATABASE_URL: database.url, DATA_DIR: 'memory://' }), silent);
    await migrate(db);
    const one = async (sql: string, params: unknown[]) => (await db.query<{ id: string }>(sql, params)).rows[0]!.id;
    ids.mailbox = await one(
      `insert into mailboxes (name, address, imap_enabled, imap_host, imap_user, imap_password) values ('Support', 'support@example.com', true, 'imap.example.com', 'support', $1) returning id`,
      [plaintext.mailbox],
    );
    await db.query(`insert into mailboxes (name, address) values ('No IMAP', 'plain@example.com')`);
    ids.webhook = await one(`insert into webhook_endpoints (name, url, secret) values ('CRM', 'https://crm.example.com/hook', $1) returning id`, [plaintext.webhook]);
    ids.chat = await one(`insert into chat_channels (name, identity_secret) values ('Website', $1) returning id`, [plaintext.chat]);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  const oldKey = key();
  const newKey = key();

  it('seals every value still in clear text, bound to its row; a second run changes nothing', async () => {
    const box = createSecretBox([oldKey]);
    expect(await sealStoredSecrets(db, box, allSealedColumns, 'test', silent)).toEqual({ sealed: 3, resealed: 0, damaged: [] });
    const s = await stored();
    for (const [what, value] of Object.entries(s)) {
      expect(isSealed(value), what).toBe(true);
      expect(value).not.toContain(plaintext[what as keyof typeof plaintext]);
    }
    expect(await opened(box)).toEqual(plaintext);
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from mailboxes where imap_password is null');
    expect(rows[0]!.n).toBe(1); // no password stays no password

    expect(await sealStoredSecrets(db, box, allSealedColumns, 'test', silent)).toEqual({ sealed: 0, resealed: 0, damaged: [] });
    expect(await stored()).toEqual(s);
  });

  it('refuses to start with another key, telling the operator what to do, and changes nothing', async () => {
    const before = await stored();
    const wrong = createSecretBox([key()]);
    const attempt = sealStoredSecrets(db, wrong, allSealedColumns, 'from SECRETS_KEY', silent);
    await expect(attempt).rejects.toBeInstanceOf(SecretsKeyError);
    await expect(attempt).rejects.toThrow(new RegExp(`sealed with key ${createSecretBox([oldKey]).keyId}, but this instance has ${wrong.keyId} \\(from SECRETS_KEY\\)`));
    await expect(attempt).rejects.toThrow(/set SECRETS_KEY to it, or put the key file from your backup back in place/);
    expect(await stored()).toEqual(before);
  });

  it('after a rotation opens with the previous key and seals everything again with the new one', async () => {
    const rotated = createSecretBox([newKey, oldKey]);
    expect(await sealStoredSecrets(db, rotated, allSealedColumns, 'test', silent)).toEqual({ sealed: 0, resealed: 3, damaged: [] });
    for (const value of Object.values(await stored())) expect(keyIdOf(value)).toBe(rotated.keyId);
    // The previous key is no longer needed; the old key alone no longer fits.
    const onlyNew = createSecretBox([newKey]);
    expect(await opened(onlyNew)).toEqual(plaintext);
    expect(await sealStoredSecrets(db, onlyNew, allSealedColumns, 'test', silent)).toEqual({ sealed: 0, resealed: 0, damaged: [] });
    await expect(sealStoredSecrets(db, createSecretBox([oldKey]), allSealedColumns, 'test', silent)).rejects.toBeInstanceOf(SecretsKeyError);
  });

  it('seals a value written in clear text later (by SQL), and reports one that does not open without stopping', async () => {
    const box = createSecretBox([newKey]);
    await db.query('update webhook_endpoints set secret = $2 where id = $1', [ids.webhook, 'whsec_set_by_hand']);
    // A sealed value copied from another row does not open for this one.
    const copied = (await stored()).mailbox;
    await db.query('update chat_channels set identity_secret = $2 where id = $1', [ids.chat, copied]);
    // Only values not sealed with the current key are looked at: the copied one shows when it is read.
    expect(await sealStoredSecrets(db, box, allSealedColumns, 'test', silent)).toEqual({ sealed: 1, resealed: 0, damaged: [] });
    expect(box.open((await stored()).webhook, webhook.context(ids.webhook))).toBe('whsec_set_by_hand');
    expect(() => box.open(copied, chat.context(ids.chat))).toThrow(/sealed for another column or row/);

    // A value sealed with a key this installation never had: reported, the start goes on.
    const foreign = createSecretBox([key()]);
    await db.query('update chat_channels set identity_secret = $2 where id = $1', [ids.chat, foreign.seal('x', chat.context(ids.chat))]);
    const report = await sealStoredSecrets(db, box, allSealedColumns, 'test', silent);
    expect(report.damaged).toEqual([chat.context(ids.chat)]);
  });

  it('two instances starting together seal once (advisory lock)', async () => {
    await db.query('update webhook_endpoints set secret = $2 where id = $1', [ids.webhook, 'whsec_concurrent']);
    const box = createSecretBox([newKey]);
    const second = onPostgres ? await openDb(configWith({ DATABASE_URL: database.url, DATA_DIR: 'memory://' }), silent) : db;
    try {
      const reports = await Promise.all([sealStoredSecrets(db, box, allSealedColumns, 'test', silent), sealStoredSecrets(second, box, allSealedColumns, 'test', silent)]);
      expect(reports.map((r) => r.sealed).sort()).toEqual([0, 1]);
      expect(box.open((await stored()).webhook, webhook.context(ids.webhook))).toBe('whsec_concurrent');
    } finally {
      if (second !== db) await second.close();
    }
  });

  it('starts again with a new key after the old one is lost, once `npm run secrets -- forget` threw the stored secrets away', async () => {
    const lost = createSecretBox([key()]);
    await expect(sealStoredSecrets(db, lost, allSealedColumns, 'test', silent)).rejects.toBeInstanceOf(SecretsKeyError);
    await db.query(`insert into idempotency_keys (actor_id, key, request_hash, status, response) values (gen_random_uuid(), 'k', 'h', 201, '"v1:sealed"')`);
    expect(await forgetSealedSecrets(db, allSealedColumns)).toEqual({ 'mailboxes.imap_password': 1, 'webhook_endpoints.secret': 1, 'chat_channels.identity_secret': 1 });
    const { rows } = await db.query<{ enabled: boolean; imap: boolean; keys: number }>(
      `select (select enabled from webhook_endpoints) as enabled, (select bool_or(imap_enabled) from mailboxes) as imap, (select count(*)::int from idempotency_keys) as keys`,
    );
    expect(rows[0]).toEqual({ enabled: false, imap: false, keys: 0 });
    expect(await sealStoredSecrets(db, lost, allSealedColumns, 'test', silent)).toEqual({ sealed: 2, resealed: 0, damaged: [] });
    const s = await stored();
    expect(s.mailbox).toBeNull();
    expect(keyIdOf(s.webhook)).toBe(lost.keyId);
    expect(lost.open(s.chat, chat.context(ids.chat))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the server refuses to start with a key the database was not sealed with (exit code 2 in main.ts)', async () => {
    const right = randomBytes(32).toString('base64');
    const fresh = await freshDatabase();
    const own = await openDb(configWith({ DATABASE_URL: fresh.url, DATA_DIR: 'memory://' }), silent);
    try {
      const config = configWith({ DATABASE_URL: fresh.url, DATA_DIR: 'memory://', LOG_LEVEL: 'silent', JOBS_CONCURRENCY: 0, EMAIL_IMAP_POLL_MS: 0 });
      await (await buildApp({ ...config, SECRETS_KEY: right }, { db: own })).close();
      const start = buildApp({ ...config, SECRETS_KEY: randomBytes(32).toString('base64') }, { db: own });
      await expect(start).rejects.toBeInstanceOf(SecretsKeyError);
      await expect(start).rejects.toThrow(/Start it with the key this database was sealed with/);
      await (await buildApp({ ...config, SECRETS_KEY: randomBytes(32).toString('base64'), SECRETS_KEY_PREVIOUS: right }, { db: own })).close();
    } finally {
      await own.close();
      await fresh.drop();
    }
  });
});
