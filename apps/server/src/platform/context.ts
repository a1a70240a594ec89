import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/index.ts';
import type { EventBus } from './events/bus.ts';
import type { JobQueue } from './jobs/index.ts';
import type { Metrics } from './metrics.ts';
import type { PresenceRegistry } from './realtime/presence.ts';
import type { SecretBox } from './secrets/index.ts';

/** What every module receives at start: nothing global, everything passed. */
export interface AppContext {
  readonly config: Config;
  readonly db: Db;
  readonly log: FastifyBaseLogger;
  readonly events: EventBus;
  readonly metrics: Metrics;
  /** Who is viewing which case right now, across instances (fed by the realtime gateway). */
  readonly presence: PresenceRegistry;
  /** Durable jobs and timers: enqueue in a transaction, run once on some instance. */
  readonly jobs: JobQueue;
  /** Seals credentials before they are stored, opens them where they are used (never in responses). */
  readonly secrets: SecretBox;
}

/** The principal a request acts as, resolved by the identity module. */
export interface Actor {
  readonly id: string;
  readonly role: 'agent' | 'supervisor' | 'admin' | 'customer';
  readonly name: string;
  readonly email: string;
  readonly language: string;
  readonly teamIds: readonly string[];
  /** How the request authenticated. */
  readonly via: 'session' | 'token' | 'system';
}

/** The actor for work the system does itself (seeding, CLI, jobs). */
export const systemActor: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  role: 'admin',
  name: 'Switchboard',
  email: 'system@switchboard.invalid',
  language: 'en',
  teamIds: [],
  via: 'system',
};

/** The user id to record as the author of a change: none for the system's own work. */
export function authorId(actor: Actor): string | null {
  return actor.via === 'system' ? null : actor.id;
}
