import type { z } from 'zod';
import type { CreateMailboxBody, ImapInput, UpdateMailboxBody } from '@switchboard/contracts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, assertVersion, notFound } from '../../platform/http/errors.ts';
import { sealedColumn, type SecretBox } from '../../platform/secrets/index.ts';
import { assertAdmin } from '../identity/index.ts';
import { getMailbox } from './queries.ts';
import { processEmailJob } from './process-email.ts';

/** The IMAP password is stored sealed; only the poller opens it (responses say hasPassword). */
export const imapPasswordColumn = sealedColumn('mailboxes', 'imap_password', 'update mailboxes set imap_enabled = false, imap_password = null where imap_password is not null');

/** Adds an address Switchboard receives mail for, and the team its new cases go to. */
export async function createMailbox(app: AppContext, actor: Actor, tx: Tx, input: z.output<typeof CreateMailboxBody>) {
  assertAdmin(actor);
  const { rows } = await tx.query<{ id: string }>(`insert into mailboxes (name, address, team_id, active) values ($1, lower($2), $3, $4) returning id`, [
    input.name,
    input.address,
    input.teamId,
    input.active,
  ]);
  if (input.imap) await setImap(app.secrets, tx, rows[0]!.id, input.imap);
  return (await getMailbox(tx, rows[0]!.id))!;
}

/** Stores IMAP settings; the password only when one is given. Enabling needs host, user and password. */
async function setImap(secrets: SecretBox, tx: Tx, id: string, imap: z.output<typeof ImapInput>): Promise<void> {
  const { rows } = await tx.query<{ host: string | null; user: string | null; has_password: boolean }>(
    `select imap_host as host, imap_user as user, imap_password is not null as has_password from mailboxes where id = $1`,
    [id],
  );
  const cur = rows[0]!;
  if (imap.enabled && !((imap.host ?? cur.host) && (imap.user ?? cur.user) && (imap.password || cur.has_password))) {
    throw new AppError('validation_failed', 'To fetch by IMAP, give the host, user and password', [{ field: 'imap.host', message: 'host, user and password are needed' }]);
  }
  const password = imap.password !== undefined ? secrets.seal(imap.password, imapPasswordColumn.context(id)) : null;
  await tx.query(
    `update mailboxes set imap_enabled = $2, imap_host = coalesce($3, imap_host), imap_port = coalesce($4, imap_port), imap_secure = coalesce($5, imap_secure),
       imap_user = coalesce($6, imap_user), imap_password = coalesce($7, imap_password), imap_folder = coalesce($8, imap_folder),
       imap_last_error = null, imap_lease_until = null
     where id = $1`,
    [id, imap.enabled, imap.host ?? null, imap.port ?? null, imap.secure ?? null, imap.user ?? null, password, imap.folder ?? null],
  );
}

export async function updateMailbox(app: AppContext, actor: Actor, tx: Tx, id: string, expected: number, input: z.output<typeof UpdateMailboxBody>) {
  assertAdmin(actor);
  const cur = await getMailbox(tx, id);
  if (!cur) throw notFound('Mailbox');
  assertVersion('The mailbox', cur.version, expected);
  await tx.query(
    `update mailboxes set name = coalesce($2, name), address = lower(coalesce($3, address)), team_id = case when $4 then $5 else team_id end,
       active = coalesce($6, active), updated_at = now(), version = version + 1 where id = $1`,
    [id, input.name ?? null, input.address ?? null, input.teamId !== undefined, input.teamId ?? null, input.active ?? null],
  );
  if (input.imap) await setImap(app.secrets, tx, id, input.imap);
  return (await getMailbox(tx, id))!;
}

/** Sends a quarantined message through processing again (after a fix, or once its cause is gone). */
export async function reprocessEmail(app: AppContext, actor: Actor, tx: Tx, id: number): Promise<void> {
  assertAdmin(actor);
  const { rowCount } = await tx.query(`update inbound_emails set state = 'received', error = null where id = $1 and state = 'quarantined'`, [id]);
  if (rowCount === 0) throw new AppError('not_found', `Message ${id} is not in quarantine`);
  await app.jobs.enqueue(tx, processEmailJob, { inboundId: id });
}
