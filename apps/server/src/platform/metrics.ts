import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one process, served at /metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'switchboard_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'switchboard_http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'switchboard_http_request_duration_seconds',
      help: 'HTTP request duration by route',
      labelNames: ['method', 'route'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    eventsDispatched: new Counter({
      name: 'switchboard_events_dispatched_total',
      help: 'Outbox events dispatched to subscribers on this instance',
      labelNames: ['type'] as const,
      registers: [registry],
    }),
    jobsFinished: new Counter({
      name: 'switchboard_jobs_finished_total',
      help: 'Jobs run on this instance by name and outcome (done, retry, dead)',
      labelNames: ['name', 'outcome'] as const,
      registers: [registry],
    }),
    jobStartDelay: new Histogram({
      name: 'switchboard_job_start_delay_seconds',
      help: 'Time from a job being due to a worker starting it',
      labelNames: ['name'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
    jobRunSeconds: new Histogram({
      name: 'switchboard_job_run_seconds',
      help: 'Time a job handler took (with its transaction), by job name',
      labelNames: ['name'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [registry],
    }),
    realtimeConnections: new Gauge({
      name: 'switchboard_realtime_connections',
      help: 'Open WebSocket connections on this instance',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
