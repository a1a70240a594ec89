import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { parseConfig } from '../platform/config.ts';

/**
 * Deletes all data: the PGlite folder, or every table of the PostgreSQL schema `public`.
 * Asks for --yes so it is never run by accident.
 */
const config = parseConfig();
if (!process.argv.includes('--yes')) {
  console.error(`This deletes ALL Switchboard data in ${config.DATABASE_URL ? 'the PostgreSQL database (DATABASE_URL)' : resolve(config.DATA_DIR)}.\nRun again with: npm run db:reset -- --yes`);
  process.exit(2);
}
if (config.DATABASE_URL) {
  const client = new pg.Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  await client.query('drop schema public cascade; create schema public;');
  await client.end();
} else {
  rmSync(resolve(config.DATA_DIR, 'pgdata'), { recursive: true, force: true });
}
console.log('Reset. The next start applies migrations and (on the embedded database) seeds the demo company.');
