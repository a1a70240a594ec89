/**
 * `npm run secrets -- forget --yes`: when the secrets key is lost, throws the stored credentials
 * away (IMAP passwords, webhook and chat secrets cannot be opened without it), so Switchboard
 * starts with a new key; admins then enter them anew. Stop the server first on the embedded
 * database (one process at a time).
 */
import { allSealedColumns } from '../app.ts';
import { ConfigError, parseConfig } from '../platform/config.ts';
import { FolderLockedError, migrate, openDb } from '../platform/db/index.ts';
import { forgetSealedSecrets } from '../platform/secrets/index.ts';

const usage = `Usage:
  npm run secrets -- forget --yes
      For a lost secrets key (SECRETS_KEY or the key file): throws away the credentials sealed with it,
      so Switchboard starts with a new key. IMAP mailboxes and webhook endpoints are switched off,
      chat channels get a new identity secret; enter them anew in Admin. Nothing else is changed.
  Make a new key for SECRETS_KEY with: openssl rand -base64 32
Uses the same configuration as the server (DATA_DIR or DATABASE_URL).`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'forget') {
    console.log(usage);
    return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
  }
  if (!rest.includes('--yes')) {
    console.error(`This throws away every stored IMAP password, webhook signing secret and chat identity secret.\nRun again with: npm run secrets -- forget --yes`);
    return 2;
  }
  const config = parseConfig({ LOG_LEVEL: 'warn', ...process.env });
  const db = await openDb(config, { warn: (o, m) => console.warn(m, o), error: (o, m) => console.error(m, o) });
  try {
    await migrate(db);
    const changed = await forgetSealedSecrets(db, allSealedColumns);
    console.log(
      [
        'Thrown away:',
        ...Object.entries(changed).map(([column, n]) => `  ${column}: ${n}`),
        'Start Switchboard (with the new key), then in Admin: enter each mailbox’s IMAP password and enable it;',
        'regenerate each webhook secret, give it to the receiver and enable the endpoint; rotate each chat',
        'channel’s identity secret and put the new one into the website.',
      ].join('\n'),
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof FolderLockedError) {
      console.error(err.message);
      process.exit(err instanceof ConfigError ? 2 : 3);
    }
    console.error(err);
    process.exit(1);
  },
);
