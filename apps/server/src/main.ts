import { buildApp } from './app.ts';
import { ConfigError, parseConfig } from './platform/config.ts';
import { FolderLockedError } from './platform/db/index.ts';
import { seedDemoIfEmpty } from './modules/demo/index.ts';

/** Starts Switchboard: API, real-time gateway and event fan-out in one process. */
async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  let app;
  try {
    app = await buildApp(config);
  } catch (err) {
    if (err instanceof FolderLockedError) {
      console.error(err.message);
      process.exit(3);
    }
    // e.g. the secrets key is not the one the database was sealed with
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const { http, ctx } = app;
  const demo = await seedDemoIfEmpty(ctx);
  await http.listen({ host: config.HOST, port: config.PORT });
  // Inbound SMTP: on when a port is configured, and on port 2525 for the demo on the embedded database.
  const smtpPort = config.SMTP_SERVER_PORT ?? (demo && ctx.db.kind === 'pglite' ? 2525 : undefined);
  let smtp: number | undefined;
  if (smtpPort !== undefined) {
    try {
      smtp = await app.startSmtp(smtpPort);
    } catch (err) {
      if (config.SMTP_SERVER_PORT !== undefined) throw err; // asked for explicitly: do not start half
      http.log.warn({ err }, `the demo's SMTP server could not listen on port ${smtpPort}; inbound mail by SMTP is off`);
    }
  }
  const url = config.PUBLIC_URL ?? `http://${config.HOST}:${(http.server.address() as { port: number }).port}`;
  const where = ctx.db.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${config.DATA_DIR}` : 'PostgreSQL server (DATABASE_URL)';
  const lines = [
    ``,
    `  Switchboard is running at ${url}`,
    `  Database: ${where}`,
    `  Customer portal: ${url}/portal   Help center: ${url}/help${demo ? `   Chat widget demo: ${url}/widget/demo` : ''}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (smtp !== undefined) lines.push(`  Inbound mail: SMTP on ${config.SMTP_SERVER_HOST}:${smtp} (try: swaks --server ${config.SMTP_SERVER_HOST}:${smtp} --to service@demo.switchboard.dev)`);
  if (demo) {
    lines.push(`  Demo logins (password for all: ${demo.password}):`);
    for (const u of demo.logins) lines.push(`    ${u.role.padEnd(10)} ${u.email.padEnd(34)} ${u.name}`);
  }
  console.log(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    http.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      http.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    try {
      await app.close();
      process.exit(0);
    } catch (err) {
      http.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
