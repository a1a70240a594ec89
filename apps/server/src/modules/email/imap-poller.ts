import { ImapFlow } from 'imapflow';
import type { AppContext } from '../../platform/context.ts';
import { imapPasswordColumn } from './manage-mailboxes.ts';
import { receiveEmail } from './receive-email.ts';

interface ImapMailboxRow {
  id: string;
  imap_host: string;
  imap_port: number | null;
  imap_secure: boolean;
  imap_user: string;
  /** Sealed (see manage-mailboxes.ts). */
  imap_password: string;
  imap_folder: string;
}

/** A held mailbox with its password opened: only in memory, only here. */
type ImapMailbox = Omit<ImapMailboxRow, 'imap_password'> & { password: string };

interface Connection {
  settings: string;
  client: ImapFlow;
  fetching: Promise<void> | undefined;
  again: boolean;
}

const LEASE_SECONDS = 60;

/**
 * Fetches mail from existing IMAP mailboxes, several in parallel. Each mailbox is held by one
 * instance at a time (a lease in its row, renewed on every round), which keeps a connection open
 * and is told of new mail by IDLE; every round also looks for unseen mail, for servers without
 * IDLE. A message is marked \Seen only after it is stored, so a crash in between means it is
 * fetched again — and recognised as a duplicate by its Message-ID.
 */
export class ImapPoller {
  private readonly connections = new Map<string, Connection>();
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly app: AppContext,
    private readonly holder: string,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
    this.tick();
  }

  /** Runs a round now (after settings changed, or in tests). */
  tick(): void {
    if (this.stopped || this.round) return;
    this.round = this.runRound()
      .catch((err: unknown) => this.app.log.error({ err }, 'IMAP round failed'))
      .finally(() => {
        this.round = undefined;
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.round;
    for (const [id, c] of this.connections) await this.disconnect(id, c);
    await this.app.db.query(`update mailboxes set imap_holder = null, imap_lease_until = null where imap_holder = $1`, [this.holder]).catch(() => undefined);
  }

  private async runRound(): Promise<void> {
    const { rows } = await this.app.db.query<ImapMailboxRow>(
      `update mailboxes set imap_holder = $1, imap_lease_until = now() + make_interval(secs => $2)
       where imap_enabled and active and (imap_holder = $1 or imap_lease_until is null or imap_lease_until < now())
       returning id, imap_host, imap_port, imap_secure, imap_user, imap_password, imap_folder`,
      [this.holder, LEASE_SECONDS],
    );
    const held = new Set(rows.map((r) => r.id));
    for (const [id, c] of this.connections) if (!held.has(id)) await this.disconnect(id, c);
    await Promise.all(rows.map((m) => this.serve(m)));
  }

  private async serve(row: ImapMailboxRow): Promise<void> {
    let m: ImapMailbox;
    try {
      const { imap_password: sealed, ...rest } = row;
      m = { ...rest, password: this.app.secrets.open(sealed, imapPasswordColumn.context(row.id)) };
    } catch (err) {
      this.app.log.error({ err, mailboxId: row.id }, 'the stored IMAP password cannot be opened');
      await this.app.db.query(`update mailboxes set imap_last_error = $2, imap_checked_at = now() where id = $1`, [row.id, `The stored password cannot be read (${(err as Error).message}): enter it again`.slice(0, 500)]);
      const stale = this.connections.get(row.id);
      if (stale) await this.disconnect(row.id, stale);
      return;
    }
    const settings = JSON.stringify([m.imap_host, m.imap_port, m.imap_secure, m.imap_user, m.password, m.imap_folder]);
    let c = this.connections.get(m.id);
    if (c && (c.settings !== settings || !c.client.usable)) {
      await this.disconnect(m.id, c);
      c = undefined;
    }
    try {
      if (!c) c = await this.connect(m, settings);
      await this.fetchUnseen(m, c);
      await this.app.db.query(`update mailboxes set imap_last_error = null, imap_checked_at = now() where id = $1`, [m.id]);
    } catch (err) {
      const message = (err as Error & { responseText?: string }).responseText ?? (err as Error).message;
      this.app.log.warn({ err, mailboxId: m.id }, 'IMAP mailbox could not be read');
      await this.app.db.query(`update mailboxes set imap_last_error = $2, imap_checked_at = now() where id = $1`, [m.id, String(message).slice(0, 500)]);
      const broken = this.connections.get(m.id);
      if (broken) await this.disconnect(m.id, broken);
    }
  }

  private async connect(m: ImapMailbox, settings: string): Promise<Connection> {
    const client = new ImapFlow({
      host: m.imap_host,
      port: m.imap_port ?? (m.imap_secure ? 993 : 143),
      secure: m.imap_secure,
      auth: { user: m.imap_user, pass: m.password },
      logger: false,
      emitLogs: false,
      // Go into IDLE a second after the last command (imapflow waits 15 s by default).
      autoIdleDelay: 1000,
    });
    client.on('error', (err: Error) => this.app.log.warn({ err, mailboxId: m.id }, 'IMAP connection error'));
    await client.connect();
    await client.mailboxOpen(m.imap_folder);
    const c: Connection = { settings, client, fetching: undefined, again: false };
    // New mail while idling: fetch at once rather than at the next round.
    client.on('exists', () => void this.fetchUnseen(m, c).catch((err: unknown) => this.app.log.warn({ err }, 'IMAP fetch after IDLE failed')));
    this.connections.set(m.id, c);
    return c;
  }

  /** Stores every unseen message, then marks it seen. One fetch at a time per mailbox. */
  private fetchUnseen(m: ImapMailbox, c: Connection): Promise<void> {
    if (c.fetching) {
      c.again = true;
      return c.fetching;
    }
    c.fetching = (async () => {
      do {
        c.again = false;
        const found: { uid: number; source: Buffer }[] = [];
        for await (const msg of c.client.fetch({ seen: false }, { uid: true, source: true }, { uid: true })) {
          if (msg.source) found.push({ uid: msg.uid, source: msg.source });
        }
        for (const msg of found) {
          await receiveEmail(this.app, { source: 'imap', raw: msg.source, mailboxId: m.id });
          await c.client.messageFlagsAdd({ uid: String(msg.uid) }, ['\\Seen'], { uid: true });
        }
      } while (c.again);
    })().finally(() => {
      c.fetching = undefined;
    });
    return c.fetching;
  }

  private async disconnect(id: string, c: Connection): Promise<void> {
    this.connections.delete(id);
    await c.client.logout().catch(() => c.client.close());
  }
}
