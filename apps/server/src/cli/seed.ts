/**
 * `npm run seed`: writes the demo company into the configured database — PGlite in DATA_DIR, or
 * the PostgreSQL server in DATABASE_URL — when that database has no users yet, and prints the
 * logins. It refuses a database that has users, so it never mixes demo data into real data.
 * Unlike `npm start`, it does not look at DEMO_DATA: running it is the request.
 */
import { buildApp } from '../app.ts';
import { ConfigError, parseConfig, type Config } from '../platform/config.ts';
import { FolderLockedError } from '../platform/db/index.ts';
import { DEMO_PASSWORD, seedDemo } from '../modules/demo/index.ts';

async function main(): Promise<number> {
  let config: Config;
  try {
    // Quiet unless asked otherwise: the migration log lines are noise for a one-shot command.
    config = parseConfig({ LOG_LEVEL: 'warn', ...process.env });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  const where = config.DATABASE_URL ? 'the PostgreSQL server in DATABASE_URL' : `the embedded database (PGlite) in ${config.DATA_DIR}`;
  let app;
  try {
    app = await buildApp({ ...config, JOBS_CONCURRENCY: 0 });
  } catch (err) {
    if (err instanceof FolderLockedError) {
      console.error(`${err.message}\nStop the running server before seeding, or let it seed on start (DEMO_DATA=auto or true).`);
      return 3;
    }
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  try {
    const { rows } = await app.ctx.db.query<{ n: number }>('select count(*)::int as n from users');
    const users = rows[0]?.n ?? 0;
    if (users > 0) {
      console.error(
        [
          `Not seeding: ${where} already has ${users} user${users === 1 ? '' : 's'}.`,
          'The demo company is only written into an empty database, so it never mixes with real data.',
          config.DATABASE_URL
            ? 'Point DATABASE_URL at a new, empty database, or reset this one with `npm run db:reset`.'
            : 'Use another DATA_DIR (e.g. DATA_DIR=./demo-data npm run seed), or reset this one with `npm run db:reset`.',
        ].join('\n'),
      );
      return 1;
    }
    const started = Date.now();
    const logins = await seedDemo(app.ctx);
    const lines = [
      `Seeded the demo company into ${where} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      `Demo logins (password for all: ${DEMO_PASSWORD}):`,
      ...logins.map((u) => `  ${u.role.padEnd(10)} ${u.email.padEnd(34)} ${u.name}`),
    ];
    console.log(lines.join('\n'));
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
