import { z } from 'zod';
import { isKeyText } from './secrets/sealed-secrets.ts';

const isKey = (v: string): boolean => isKeyText(v.trim());
const keyHint = 'must be 32 random bytes in base64 (make one with: openssl rand -base64 32)';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable Switchboard reads; docs/configuration.md lists the same. */
const schema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // The key stored credentials (IMAP passwords, webhook and chat secrets) are sealed with; unset: the key file.
  SECRETS_KEY: z.string().refine(isKey, keyHint).optional(),
  // Keys used before (comma-separated): what they sealed still opens and is sealed again with SECRETS_KEY at start.
  SECRETS_KEY_PREVIOUS: z
    .string()
    .refine((v) => v.split(',').every((k) => k.trim() === '' || isKey(k)), `each key ${keyHint}`)
    .optional(),
  // Where the key is kept without SECRETS_KEY (made on first start); default: secrets.key in DATA_DIR.
  SECRETS_KEY_FILE: z.string().optional(),
  DEMO_DATA: z.enum(['auto', 'true', 'false']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  // Attachments are stored in the database (bytea holds at most 1 GiB).
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).max(1_073_741_823).default(20 * 1_048_576),
  // Files a customer sends through the portal (each; at most 5 per message). Capped at ATTACHMENT_MAX_BYTES.
  PORTAL_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).max(1_073_741_823).default(10 * 1_048_576),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: bool.default(false),
  TRUST_PROXY: bool.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  PUBLIC_URL: z.string().url().optional(),
  // The relay outgoing mail goes through: smtp://user:pass@host:587 (STARTTLS) or smtps://host:465.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Switchboard <switchboard@localhost>'),
  // Inbound email: the largest raw message accepted (SMTP, HTTP ingest, IMAP).
  EMAIL_MAX_BYTES: z.coerce.number().int().min(1024).max(1_073_741_823).default(30 * 1_048_576),
  // Bearer token for POST /api/v1/email/inbound (an MTA pipe or a provider webhook); unset: the endpoint is off.
  EMAIL_INGEST_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  // The built-in SMTP server for inbound mail: a port turns it on (25 or 2525 behind a firewall). In demo mode: 2525.
  SMTP_SERVER_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_SERVER_HOST: z.string().default('127.0.0.1'),
  // How often each instance looks for IMAP mailboxes to serve and for unseen mail (IDLE reports new mail at once); 0: off.
  EMAIL_IMAP_POLL_MS: z.coerce.number().int().min(0).default(30_000),
  // What to do when a customer writes to a closed case: reopen it, or open a new case linked to it.
  EMAIL_CLOSED_CASE: z.enum(['reopen', 'new_linked']).default('new_linked'),
  // Jobs this instance runs at once; 0 makes it an API-only instance (others run the jobs).
  JOBS_CONCURRENCY: z.coerce.number().int().min(0).max(256).default(4),
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  // After this long without a sign of life from its worker, a running job is retried elsewhere.
  JOBS_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
});

export type Config = z.infer<typeof schema>;

/** Parses the environment once; reports every problem together. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const result = schema.safeParse(picked);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export class ConfigError extends Error {}

/** Test and CLI helper: a full config with overrides. */
export function configWith(overrides: Partial<Config>): Config {
  return { ...parseConfig({}), ...overrides };
}
