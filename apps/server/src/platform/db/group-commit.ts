import type { Tx } from './types.ts';

/** One caller's transaction body waiting for a group, and how to answer it. */
export interface GroupMember {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: transactions that arrive together run as one database transaction, so a burst of
 * small writes (cases opened through the API, mail arriving on several SMTP connections) shares
 * one BEGIN and one COMMIT, and their statements travel together (pipelined) instead of one round
 * trip each.
 *
 * Callers wait in a queue; whatever queued during one turn of the event loop (and while the
 * groups in flight ran) forms the next group, up to `maxSize`. Running a group is the driver's
 * part (`runGroup`): it must give every member exactly one answer.
 */
export class GroupCommit {
  private readonly queue: GroupMember[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly runGroup: (members: GroupMember[]) => Promise<void>,
    private readonly maxInFlight: number,
    private readonly maxSize: number,
  ) {}

  submit<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // Requests read in the same poll phase (several sockets) join one group.
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const members = this.queue.splice(0, this.maxSize);
      this.inFlight++;
      this.runGroup(members)
        .catch((err: unknown) => {
          for (const m of members) m.reject(err); // runGroup answers everyone; this is only a safety net
        })
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}
