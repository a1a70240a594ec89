import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

/** One line of the results table. */
export interface Measurement {
  name: string;
  requests: number;
  /** Requests that did not give the expected status (the run fails when any did). */
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  /** CPU time of this Node process (client and server together) per operation, in ms. */
  cpuMsPerOp: number;
  /** 1-minute load average of the machine when the measurement ended. */
  load: number;
  /** What the target is, e.g. "p99 < 10 ms"; empty when the measurement has none. */
  target: string;
  /** true PASS, false FAIL, null when there is no target. */
  pass: boolean | null;
  /** Free text printed under the table (e.g. the API/raw ratio). */
  note?: string;
  /** Every latency in ms in the order the operations finished (BENCH_LATENCIES=1), for the JSON. */
  samples?: number[];
  /** When each of them started (epoch ms). */
  startedAt?: number[];
}

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(name: string, latencies: number[], seconds: number, errors = 0, cpuMs = NaN): Measurement {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    errors,
    seconds,
    throughput: seconds > 0 ? latencies.length / seconds : 0,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    cpuMsPerOp: latencies.length ? cpuMs / latencies.length : NaN,
    load: loadavg()[0]!,
    target: '',
    pass: null,
  };
}

export interface RunOptions {
  /** Stop after this many operations ... */
  count: number;
  /** ... or once this many seconds have passed, whichever comes first. */
  maxSeconds: number;
  concurrency: number;
  /** Operations run first and not recorded (JIT, caches, connection set-up). */
  warmup?: number;
}

/**
 * Runs `op` with `concurrency` workers until `count` operations completed or the time is up and
 * returns the latency of each. `op` returns false for a wrong response; those are counted, and
 * their latency is still recorded.
 */
export async function run(name: string, opts: RunOptions, op: (i: number) => Promise<boolean>): Promise<Measurement> {
  const warm = opts.warmup ?? 0;
  for (let i = 0; i < warm; i += opts.concurrency) {
    await Promise.all(Array.from({ length: Math.min(opts.concurrency, warm - i) }, (_, k) => op(-1 - i - k)));
  }
  const latencies: number[] = [];
  const startedAt: number[] = [];
  let errors = 0;
  let next = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const deadline = start + opts.maxSeconds * 1000;
  const worker = async (): Promise<void> => {
    while (next < opts.count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      const ok = await op(i);
      latencies.push(performance.now() - t0);
      startedAt.push(performance.timeOrigin + t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const cpu = process.cpuUsage(cpu0);
  const m = summarize(name, latencies, (performance.now() - start) / 1000, errors, (cpu.user + cpu.system) / 1000);
  if (process.env.BENCH_LATENCIES === '1') {
    m.samples = latencies.map((l) => Math.round(l * 1000) / 1000);
    m.startedAt = startedAt.map((t) => Math.round(t * 10) / 10);
  }
  return m;
}

const fmt = (n: number, digits: number): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** The results as a plain-text table, notes below it. */
export function formatTable(title: string, rows: readonly Measurement[]): string {
  const header = ['measurement', 'requests', 'throughput (req/s)', 'p50 ms', 'p99 ms', 'target'];
  const body = rows.map((r) => [
    r.name,
    String(r.requests),
    fmt(r.throughput, 1),
    fmt(r.p50, 2),
    fmt(r.p99, 2),
    r.pass === null ? (r.target || '-') : `${r.target} ${r.pass ? 'PASS' : 'FAIL'}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const numeric = [false, true, true, true, true, false];
  const line = (cells: readonly string[]): string =>
    '| ' + cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, i) => (numeric[i] ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|';
  const notes = rows.filter((r) => r.note).map((r) => `  * ${r.name}: ${r.note}`);
  const loads = rows.map((r) => r.load);
  const cpu = rows.map((r) => `${r.name} ${fmt(r.cpuMsPerOp, 2)}`).join('; ');
  const footer = [
    `  * machine load average (1 min) at the end of the measurements: ${fmt(Math.min(...loads), 2)} to ${fmt(Math.max(...loads), 2)} (${cpus().length} cores)`,
    `  * Node CPU ms per request (benchmark client and server share the process): ${cpu}`,
  ];
  return [title, '', line(header), rule, ...body.map(line), '', ...notes, ...footer].join('\n');
}

/** Seconds since `t0` (from performance.now()), for progress lines. */
export const since = (t0: number): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
