import type { ChatChannel, PreChatSettings, WidgetConfig, WidgetMessage } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { sealedColumn, type SecretBox } from '../../platform/secrets/index.ts';
import { teamOnline } from './availability.ts';

export interface ChannelRow {
  id: string;
  name: string;
  team_id: string | null;
  team_name: string | null;
  primary_color: string;
  text_color: string;
  greeting: ChatChannel['greeting'];
  languages: ChatChannel['languages'];
  pre_chat: PreChatSettings;
  allowed_origins: string[];
  /** Sealed: open it with identitySecretOf. */
  identity_secret: string;
  max_upload_bytes: number;
  active: boolean;
  version: number;
  created_at: Date;
}

const channelSelect = `select ch.id, ch.name, ch.team_id, t.name as team_name, ch.primary_color, ch.text_color, ch.greeting, ch.languages, ch.pre_chat,
  ch.allowed_origins, ch.identity_secret, ch.max_upload_bytes, ch.active, ch.version, ch.created_at
  from chat_channels ch left join teams t on t.id = ch.team_id`;

/** The identity secret is stored sealed; the server opens it to verify signatures, and for admins. */
export const identitySecretColumn = sealedColumn('chat_channels', 'identity_secret', 'update chat_channels set identity_secret = gen_random_uuid()::text');

/** The channel's identity secret in clear, for verifying (and, in the demo, making) signatures. */
export const identitySecretOf = (secrets: SecretBox, ch: Pick<ChannelRow, 'id' | 'identity_secret'>): string => secrets.open(ch.identity_secret, identitySecretColumn.context(ch.id));

/** What admins see of the secret: itself, or a note when it cannot be opened (rotating it makes a new one). */
function shownSecret(secrets: SecretBox, r: ChannelRow): string {
  try {
    return identitySecretOf(secrets, r);
  } catch {
    return '(unreadable: rotate the secret)';
  }
}

export const toChannel = (secrets: SecretBox, r: ChannelRow): ChatChannel => ({
  id: r.id,
  name: r.name,
  team: r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null,
  colors: { primary: r.primary_color, text: r.text_color },
  greeting: r.greeting,
  languages: r.languages,
  preChat: r.pre_chat,
  allowedOrigins: r.allowed_origins,
  identitySecret: shownSecret(secrets, r),
  maxUploadBytes: r.max_upload_bytes,
  active: r.active,
  version: r.version,
  createdAt: r.created_at.toISOString(),
});

export async function listChannels(db: Queryable, secrets: SecretBox): Promise<ChatChannel[]> {
  const { rows } = await db.query<ChannelRow>(`${channelSelect} order by lower(ch.name), ch.id`);
  return rows.map((r) => toChannel(secrets, r));
}

/** A channel's row (with its secret: for the server's own use and for admins). */
export async function channelRow(db: Queryable, id: string): Promise<ChannelRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const { rows } = await db.query<ChannelRow>(`${channelSelect} where ch.id = $1`, [id], { prepare: true });
  return rows[0] ?? null;
}

/** The largest file a visitor may send here: the channel's limit within ATTACHMENT_MAX_BYTES. */
export const uploadLimit = (ch: ChannelRow, attachmentMax: number): number => Math.min(ch.max_upload_bytes, attachmentMax);

/** What the widget frame is given about its channel: no secret, no team. */
export async function widgetConfig(db: Queryable, ch: ChannelRow, attachmentMax: number): Promise<WidgetConfig> {
  return {
    channelId: ch.id,
    name: ch.name,
    colors: { primary: ch.primary_color, text: ch.text_color },
    greeting: ch.greeting,
    languages: ch.languages,
    preChat: ch.pre_chat,
    maxUploadBytes: uploadLimit(ch, attachmentMax),
    online: await teamOnline(db, ch.team_id),
  };
}

interface MessageRow {
  id: number;
  client_id: string | null;
  direction: 'inbound' | 'outbound';
  author_name: string | null;
  body: string;
  attachments: WidgetMessage['attachments'] | null;
  created_at: Date;
}

/**
 * The public messages of a case as its visitor sees them, after an entry id. Only `kind =
 * 'message'` rows are ever read here: notes, activities and changes cannot reach a visitor.
 */
export async function visitorMessages(db: Queryable, caseId: string, after = 0, onlyId?: number): Promise<WidgetMessage[]> {
  const { rows } = await db.query<MessageRow>(
    `select e.id::int as id, m.client_id, e.direction, coalesce(u.name, c.name) as author_name, e.body, e.created_at,
       (select json_agg(json_build_object('id', a.id, 'fileName', a.file_name, 'contentType', a.content_type, 'size', a.size) order by a.created_at, a.id)
          from attachments a where a.entry_id = e.id) as attachments
     from case_entries e
     left join users u on u.id = e.author_user_id
     left join customers c on c.id = e.author_customer_id
     left join chat_messages m on m.entry_id = e.id
     where e.case_id = $1 and e.kind = 'message' and e.id > $2 and ($3::int8 is null or e.id = $3)
     order by e.id limit 500`,
    [caseId, after, onlyId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    from: r.direction === 'inbound' ? 'visitor' : 'agent',
    authorName: r.author_name ?? '',
    body: r.body,
    attachments: r.attachments ?? [],
    createdAt: r.created_at.toISOString(),
  }));
}
