/** One presence announcement as the gateway relays it between instances. */
export interface PresenceSignal {
  /** The announcing WebSocket connection (random per connection, unique across instances). */
  connection: string;
  /** Increases with each announcement of a connection: a late, older signal changes nothing. */
  seq: number;
  caseId: string;
  user: { id: string; name: string };
  state: 'viewing' | 'typing' | 'left';
}

interface Entry {
  seq: number;
  userId: string;
  /** undefined after 'left' (kept so an older, late signal cannot bring it back). */
  caseId: string | undefined;
  at: number;
}

/**
 * Who is looking at which case, on every instance: fed with the presence signals the gateway
 * receives (its own connections' and, through NOTIFY, other instances'). Connections of an
 * instance that died without saying goodbye are forgotten after `ttlMs` without a signal.
 */
export class PresenceRegistry {
  private readonly entries = new Map<string, Entry>();
  private recorded = 0;
  private readonly listeners = new Set<(signal: PresenceSignal) => void>();

  constructor(
    private readonly ttlMs = 12 * 3_600_000,
    private readonly now: () => number = Date.now,
  ) {}

  record(signal: PresenceSignal): void {
    const known = this.entries.get(signal.connection);
    if (known && known.seq > signal.seq) return;
    this.entries.set(signal.connection, {
      seq: signal.seq,
      userId: signal.user.id,
      caseId: signal.state === 'left' ? undefined : signal.caseId,
      at: this.now(),
    });
    if (++this.recorded % 500 === 0) this.sweep();
    for (const listener of this.listeners) listener(signal);
  }

  /**
   * Calls `listener` with every signal recorded here (not older ones arriving late), from this
   * instance and the others: the chat widget relays agents' typing to visitors this way.
   */
  onSignal(listener: (signal: PresenceSignal) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops connections silent for longer than the TTL, and goodbyes older than a minute. */
  private sweep(): void {
    const now = this.now();
    for (const [connection, e] of this.entries) {
      if (e.at < now - this.ttlMs || (!e.caseId && e.at < now - 60_000)) this.entries.delete(connection);
    }
  }

  /** The cases each of these users is viewing (or typing on) right now, on any instance. */
  viewing(userIds: readonly string[]): Map<string, string[]> {
    const wanted = new Set(userIds);
    const out = new Map<string, string[]>();
    const oldest = this.now() - this.ttlMs;
    for (const [connection, e] of this.entries) {
      if (e.at < oldest) {
        this.entries.delete(connection);
        continue;
      }
      if (!e.caseId || !wanted.has(e.userId)) continue;
      const cases = out.get(e.userId) ?? [];
      if (!cases.includes(e.caseId)) cases.push(e.caseId);
      out.set(e.userId, cases);
    }
    return out;
  }
}
