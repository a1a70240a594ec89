import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { CreateUserBody } from '@switchboard/contracts';
import { buildApp } from '../app.ts';
import { ConfigError, parseConfig } from '../platform/config.ts';
import { systemActor } from '../platform/context.ts';
import { createUser } from '../modules/identity/index.ts';

const usage = `Usage:
  npm run admin -- create --email EMAIL --name "NAME" [--password PASSWORD] [--role admin|supervisor|agent]
      Creates a user (an admin by default). Without --password it is read from SWITCHBOARD_PASSWORD.
  npm run admin -- list
      Lists staff users.
Uses the same configuration as the server (DATA_DIR or DATABASE_URL). Stop the server first when
it runs on the embedded database: the data folder can have one process at a time.`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === '--help' || command === 'help') {
    console.log(usage);
    return command ? 0 : 2;
  }
  const config = parseConfig({ LOG_LEVEL: 'warn', ...process.env });
  // A command-line run only writes; jobs it causes run on the server.
  const app = await buildApp({ ...config, JOBS_CONCURRENCY: 0 });
  const db = app.ctx.db;
  try {
    if (command === 'list') {
      const { rows } = await db.query<{ role: string; email: string; name: string; active: boolean }>(
        `select role, email, name, active from users where role <> 'customer' order by role, name`,
      );
      for (const r of rows) console.log(`${r.role.padEnd(11)} ${r.email.padEnd(36)} ${r.name}${r.active ? '' : ' (inactive)'}`);
      return 0;
    }
    if (command !== 'create') {
      console.error(`Unknown command: ${command}\n\n${usage}`);
      return 2;
    }
    const { values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string', default: 'admin' } },
      strict: true,
    });
    const parsed = CreateUserBody.safeParse({
      email: values.email,
      name: values.name,
      role: values.role,
      password: values.password ?? process.env.SWITCHBOARD_PASSWORD,
    });
    if (!parsed.success || !parsed.data.password) {
      const problems = parsed.success ? ['password: give --password or SWITCHBOARD_PASSWORD'] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      console.error(`Cannot create the user:\n  ${problems.join('\n  ')}\n\n${usage}`);
      return 2;
    }
    const user = await db.transaction((tx) => createUser(app.ctx, systemActor, tx, parsed.data as z.output<typeof CreateUserBody>));
    console.log(`Created ${user.role} ${user.email} (${user.id}). Sign in at the web app or POST /api/v1/auth/login.`);
    return 0;
  } catch (err) {
    const e = err as { message?: string; code?: string };
    console.error(`Failed: ${e.message ?? String(err)}`);
    return 1;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(err instanceof ConfigError ? 2 : 1);
  },
);
