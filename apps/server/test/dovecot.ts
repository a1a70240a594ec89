import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

const binary = '/usr/sbin/dovecot';

/**
 * Whether IMAP tests can run here: Debian's dovecot-imapd is installed and we are root (Dovecot
 * drops to its own user for mail). `.ci/run` installs it and sets REQUIRE_DOVECOT=1, so in CI a
 * missing Dovecot fails instead of skipping.
 */
export function dovecotAvailable(): boolean {
  const ok = existsSync(binary) && process.getuid?.() === 0;
  if (!ok && process.env.REQUIRE_DOVECOT === '1') throw new Error('REQUIRE_DOVECOT=1 but Dovecot is not usable: apt-get install dovecot-imapd, run as root');
  return ok;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

export interface Dovecot {
  port: number;
  /** Puts a message into a user's INBOX, as a mail server delivering it would. */
  deliver(user: string, raw: string): Promise<void>;
  /** Flags of every message in a user's INBOX. */
  flags(user: string): Promise<string[][]>;
  close(): void;
}

/** A real Dovecot on 127.0.0.1 with its own config, users and maildirs in a temp folder. */
export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-dovecot-'));
  chmodSync(dir, 0o755); // Dovecot's auth process (its own user) reads the users file in here
  const port = await freePort();
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  const uid = Number(execFileSync('id', ['-u', 'dovecot']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'dovecot']).toString().trim());
  chownSync(join(dir, 'mail'), uid, gid);
  writeFileSync(join(dir, 'users'), Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}`).join('\n') + '\n');
  const config = join(dir, 'dovecot.conf');
  writeFileSync(
    config,
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
}
service submission-login {
  inet_listener submission {
    port = 0
  }
}
`,
  );
  // Dovecot forks into the background; its output must not be a pipe we wait on.
  execFileSync(binary, ['-c', config], { stdio: 'ignore' });
  const client = async <T>(user: string, fn: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: users[user]! }, logger: false, connectionTimeout: 5000, greetingTimeout: 5000 });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.logout();
    }
  };
  for (let i = 0; i < 50; i++) {
    try {
      await client(Object.keys(users)[0]!, async () => undefined);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    port,
    deliver: (user, raw) => client(user, async (c) => void (await c.append('INBOX', raw))),
    flags: (user) =>
      client(user, async (c) => {
        const lock = await c.getMailboxLock('INBOX');
        try {
          const out: string[][] = [];
          for await (const m of c.fetch('1:*', { flags: true })) out.push([...(m.flags ?? [])]);
          return out;
        } finally {
          lock.release();
        }
      }),
    close: () => {
      try {
        execFileSync(binary, ['-c', config, 'stop'], { stdio: 'ignore' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
