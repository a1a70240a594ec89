import { migrate, openDb } from '../platform/db/index.ts';
import { parseConfig } from '../platform/config.ts';

/** Applies pending migrations to the configured database and exits. */
const config = parseConfig();
const db = await openDb(config, { warn: (o, m) => console.warn(m, o), error: (o, m) => console.error(m, o) });
try {
  const applied = await migrate(db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the schema is current.');
} finally {
  await db.close();
}
