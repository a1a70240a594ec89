import type { FastifyBaseLogger } from 'fastify';
import type { Db, Tx } from '../db/index.ts';
import type { Metrics } from '../metrics.ts';

/** Who may receive an event: members of these teams, these users, and (triage) supervisors. */
export interface EventAudience {
  teamIds: string[];
  userIds: string[];
  /** Everyone with a staff role may see it (e.g. a customer record changed). */
  staff?: boolean;
  /** Cases without a team: supervisors and admins. */
  triage?: boolean;
  /** Only the listed users, whatever their role — not even admins see someone else's (notifications). */
  personal?: boolean;
}

export interface DomainEvent {
  id: number;
  type: string;
  actorId: string | null;
  audience: EventAudience;
  payload: Record<string, unknown>;
  createdAt: string;
}

export type NewEvent = Omit<DomainEvent, 'id' | 'createdAt'>;

/** The job kinds that subscribe to one event type: names, attempt limits, enqueue conditions (SQL over `e`). */
export interface DurableSubscribers {
  names: string[];
  maxAttempts: number[];
  conditions: Array<string | null>;
}
type Subscriber = (event: DomainEvent) => void | Promise<void>;

const CHANNEL = 'switchboard_events';
/** A notification's payload must stay below 8000 bytes; a larger event is sent as its id and read back. */
const NOTIFY_MAX_BYTES = 7900;

interface EventRow {
  id: number;
  type: string;
  actor_id: string | null;
  audience: EventAudience;
  payload: Record<string, unknown>;
  created_at: Date;
}

const toEvent = (r: EventRow): DomainEvent => ({
  id: r.id,
  type: r.type,
  actorId: r.actor_id,
  audience: r.audience,
  payload: r.payload,
  createdAt: r.created_at.toISOString(),
});

/**
 * The transactional outbox. `emit` writes the event in the caller's transaction; after commit it
 * reaches subscribers on every instance: through LISTEN/NOTIFY on a PostgreSQL server (the event's
 * own instance included, so there is one path), in-process on PGlite (one instance per folder).
 */
export class EventBus {
  private readonly subscribers = new Set<Subscriber>();
  private delivering: Promise<void> = Promise.resolve();
  private lastSeenId = 0;
  private readonly recent = new Set<number>();
  private stopListening: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly metrics: Metrics,
  ) {}

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /**
   * Where durable subscribers come from: job kinds to enqueue for an event type, in the event's
   * own transaction (set by the job queue).
   */
  durableSubscribers: (type: string) => DurableSubscribers = () => ({ names: [], maxAttempts: [], conditions: [] });
  /** Called after a commit that enqueued jobs for events (PGlite has no NOTIFY to wake its worker). */
  onJobsEnqueued: () => void = () => {};

  /** Writes an event in the transaction; it is delivered only if the transaction commits. */
  async emit(tx: Tx, event: NewEvent): Promise<void> {
    const jobs = this.durableSubscribers(event.type);
    const values: unknown[] = [event.type, event.actorId, JSON.stringify(event.audience), JSON.stringify(event.payload)];
    // One statement: the event row, and a job per durable subscriber carrying the event.
    let jobsCte = '';
    if (jobs.names.length > 0) {
      values.push(jobs.names, jobs.maxAttempts);
      // a subscriber's condition decides whether its job is enqueued; only that branch is evaluated
      const guarded = jobs.conditions.some((c) => c !== null);
      const where = guarded ? ` where case s.i ${jobs.conditions.map((c, i) => `when ${i + 1} then (${c ?? 'true'})`).join(' ')} end` : '';
      jobsCte = `, j as (insert into jobs (name, payload, max_attempts)
          select s.name, jsonb_build_object('eventId', e.id, 'type', e.type, 'actorId', e.actor_id, 'payload', e.payload), s.max_attempts
          from e, unnest($5::text[], $6::int[]) with ordinality as s(name, max_attempts, i)${where} returning 1)`;
    }
    const jobCount = jobsCte ? '(select count(*) from j)' : '0';
    if (this.db.kind === 'postgres') {
      // The notifications are queued with the inserts and delivered on commit. The event itself
      // travels in the notification when it fits (instances need not read it back); workers
      // are woken only when a job was enqueued.
      await tx.query(
        `with e as (insert into events (type, actor_id, audience, payload) values ($1, $2, $3::jsonb, $4::jsonb)
           returning id, type, actor_id, audience, payload, created_at)${jobsCte},
         n as (select e.id, json_build_object('id', e.id, 'type', e.type, 'actor_id', e.actor_id, 'audience', e.audience, 'payload', e.payload, 'created_at', e.created_at)::text as full from e)
         select pg_notify('${CHANNEL}', case when octet_length(n.full) < ${NOTIFY_MAX_BYTES} then n.full else n.id::text end)${
           jobsCte ? `, (select pg_notify('switchboard_jobs', '') from j limit 1)` : ''
         } from n`,
        values,
        { prepare: true },
      );
      return;
    }
    const { rows } = await tx.query<EventRow>(
      `with e as (insert into events (type, actor_id, audience, payload) values ($1, $2, $3::jsonb, $4::jsonb)
         returning id, type, actor_id, audience, payload, created_at)${jobsCte}
       select e.*, ${jobCount} as jobs from e`,
      values,
    );
    const row = rows[0]!;
    tx.afterCommit(() => this.dispatch(toEvent(row)));
    if (jobsCte) tx.afterCommit(() => this.onJobsEnqueued());
  }

  async start(): Promise<void> {
    if (this.db.kind !== 'postgres') return;
    const { rows } = await this.db.query<{ max: number | null }>('select max(id)::int8 as max from events');
    this.lastSeenId = rows[0]?.max ?? 0;
    this.stopListening = await this.db.listen(
      CHANNEL,
      (payload) => this.deliver(payload),
      { onReconnect: () => void this.catchUp() },
    );
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
    this.stopListening = undefined;
    await this.delivering;
  }

  /**
   * A notification: the event itself, or (too large to travel) its id, read back. Events are
   * dispatched one after another in the order their notifications arrived.
   */
  private deliver(payload: string): void {
    const step = async (): Promise<void> => {
      let row: EventRow | undefined;
      if (payload.startsWith('{')) {
        const parsed = JSON.parse(payload) as Omit<EventRow, 'created_at'> & { created_at: string };
        row = { ...parsed, created_at: new Date(parsed.created_at) };
      } else {
        const { rows } = await this.db.query<EventRow>('select id, type, actor_id, audience, payload, created_at from events where id = $1', [Number(payload)]);
        row = rows[0];
      }
      if (row) await this.dispatch(toEvent(row));
    };
    this.delivering = this.delivering.then(step).catch((err: unknown) => this.log.error({ err }, 'could not deliver a notified event'));
  }

  /** After the listening connection was lost: deliver what was committed meanwhile. */
  private async catchUp(): Promise<void> {
    try {
      const { rows } = await this.db.query<EventRow>(
        `select id, type, actor_id, audience, payload, created_at from events
         where id > $1 and created_at > now() - interval '10 minutes' order by id limit 5000`,
        [this.lastSeenId],
      );
      for (const row of rows) await this.dispatch(toEvent(row));
    } catch (err) {
      this.log.error({ err }, 'event catch-up failed');
    }
  }

  private async dispatch(event: DomainEvent): Promise<void> {
    if (this.recent.has(event.id)) return;
    this.recent.add(event.id);
    if (this.recent.size > 10_000) {
      const oldest = this.recent.values().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    if (event.id > this.lastSeenId) this.lastSeenId = event.id;
    this.metrics.eventsDispatched.inc({ type: event.type });
    for (const subscriber of this.subscribers) {
      try {
        await subscriber(event);
      } catch (err) {
        this.log.error({ err, eventType: event.type }, 'event subscriber failed');
      }
    }
  }
}
