import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  port: number;
  stop(): Promise<void>;
}

/**
 * The server as users run it — `npm start`'s entry point in its own process — so the load
 * generator and the server do not share one event loop. Only for a PostgreSQL server: a PGlite
 * folder serves one process, the benchmark's own.
 */
export function startServerProcess(databaseUrl: string, poolSize: number | undefined): Promise<ServerProcess> {
  // BENCH_SERVER_PROFILE=<folder>: a V8 CPU profile of the server process, written when it stops.
  const profile = process.env.BENCH_SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`] : [];
  // BENCH_SERVER_NODE_ARGS: more Node options for the server process (e.g. --trace-gc).
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc: ChildProcess = spawn(process.execPath, [...profile, ...extra, '--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...(poolSize ? { DB_POOL_SIZE: String(poolSize) } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server process did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        port: Number(m[1]),
        stop: async () => {
          proc.kill('SIGTERM');
          await exited;
        },
      });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    // BENCH_SERVER_LOG=<file>: everything the server process prints, for diagnosis.
    if (process.env.BENCH_SERVER_LOG) {
      const log = createWriteStream(process.env.BENCH_SERVER_LOG);
      proc.stdout!.pipe(log);
      proc.stderr!.pipe(log);
    }
    void exited.then(() => reject(new Error(`server process exited:\n${out}`)));
  });
}
