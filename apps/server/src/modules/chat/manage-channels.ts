import { randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ChatChannel, CreateChatChannelBody, UpdateChatChannelBody } from '@switchboard/contracts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { assertVersion, invalid, notFound } from '../../platform/http/errors.ts';
import { assertMayManageChannels } from './policy.ts';
import { channelRow, identitySecretColumn, toChannel } from './queries.ts';

/** A new identity secret for channel `id` — 32 random bytes, hex (what the host site's server signs with) — sealed as it is stored. */
export const newSealedIdentitySecret = (app: Pick<AppContext, 'secrets'>, id: string): string => app.secrets.seal(randomBytes(32).toString('hex'), identitySecretColumn.context(id));

async function checkTeam(tx: Tx, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const { rows } = await tx.query('select 1 from teams where id = $1', [teamId]);
  if (rows.length === 0) throw invalid('body.teamId', 'is not a team');
}

/** Greetings only for the channel's languages (a greeting in a language it does not offer would never show). */
function checkGreeting(greeting: ChatChannel['greeting'], languages: readonly string[]): void {
  for (const lng of Object.keys(greeting)) if (!languages.includes(lng)) throw invalid(`body.greeting.${lng}`, 'is not one of the channel languages');
}

/** Adds a widget channel (admins); its identity secret is made here. */
export async function createChatChannel(app: AppContext, actor: Actor, tx: Tx, input: z.output<typeof CreateChatChannelBody>): Promise<ChatChannel> {
  assertMayManageChannels(actor);
  await checkTeam(tx, input.teamId);
  checkGreeting(input.greeting, input.languages);
  // The id is made here: the sealed secret is bound to its row.
  const id = randomUUID();
  await tx.query(
    `insert into chat_channels (id, name, team_id, primary_color, text_color, greeting, languages, pre_chat, allowed_origins, identity_secret, max_upload_bytes, active)
     values ($1, $2, $3, lower($4), lower($5), $6::jsonb, $7, $8::jsonb, $9, $10, $11, $12)`,
    [
      id,
      input.name,
      input.teamId,
      input.colors.primary,
      input.colors.text,
      JSON.stringify(input.greeting),
      input.languages,
      JSON.stringify(input.preChat),
      [...new Set(input.allowedOrigins)],
      newSealedIdentitySecret(app, id),
      input.maxUploadBytes,
      input.active,
    ],
  );
  return toChannel(app.secrets, (await channelRow(tx, id))!);
}

/** Changes a channel (admins), based on the version they loaded. */
export async function updateChatChannel(app: AppContext, actor: Actor, tx: Tx, id: string, expected: number, input: z.output<typeof UpdateChatChannelBody>): Promise<ChatChannel> {
  assertMayManageChannels(actor);
  const cur = await channelRow(tx, id);
  if (!cur) throw notFound('The chat channel');
  assertVersion('The chat channel', cur.version, expected);
  if (input.teamId !== undefined) await checkTeam(tx, input.teamId);
  checkGreeting(input.greeting ?? cur.greeting, input.languages ?? cur.languages);
  await tx.query(
    `update chat_channels set name = $2, team_id = $3, primary_color = lower($4), text_color = lower($5), greeting = $6::jsonb, languages = $7,
       pre_chat = $8::jsonb, allowed_origins = $9, max_upload_bytes = $10, active = $11, updated_at = now(), version = version + 1
     where id = $1`,
    [
      id,
      input.name ?? cur.name,
      input.teamId !== undefined ? input.teamId : cur.team_id,
      input.colors?.primary ?? cur.primary_color,
      input.colors?.text ?? cur.text_color,
      JSON.stringify(input.greeting ?? cur.greeting),
      input.languages ?? cur.languages,
      JSON.stringify(input.preChat ?? cur.pre_chat),
      input.allowedOrigins ? [...new Set(input.allowedOrigins)] : cur.allowed_origins,
      input.maxUploadBytes ?? cur.max_upload_bytes,
      input.active ?? cur.active,
    ],
  );
  return toChannel(app.secrets, (await channelRow(tx, id))!);
}

/**
 * Replaces the identity secret (it leaked, or staff left): signatures made with the old one are
 * refused from now on, so the host site must sign with the new one.
 */
export async function rotateChatSecret(app: AppContext, actor: Actor, tx: Tx, id: string): Promise<ChatChannel> {
  assertMayManageChannels(actor);
  const { rowCount } = await tx.query('update chat_channels set identity_secret = $2, updated_at = now(), version = version + 1 where id = $1', [id, newSealedIdentitySecret(app, id)]);
  if (rowCount === 0) throw notFound('The chat channel');
  return toChannel(app.secrets, (await channelRow(tx, id))!);
}
