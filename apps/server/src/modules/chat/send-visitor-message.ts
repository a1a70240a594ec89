import type { WidgetMessage } from '@switchboard/contracts';
import { systemActor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { UploadedFile } from '../../platform/http/multipart.ts';
import { addActivity, addEntry, attachReceivedFiles, createCase } from '../cases/index.ts';
import { findOrCreateCustomer } from '../customers/index.ts';
import { teamOnline } from './availability.ts';
import { uploadLimit, visitorMessages } from './queries.ts';
import { missingProfile, type Visitor, type VisitorPrincipal } from './visitors.ts';

export interface VisitorMessageInput {
  clientId: string;
  body: string;
  /** A file the visitor sends (the body is then its name). */
  file?: UploadedFile;
}

export interface SentMessage {
  message: WidgetMessage;
  caseId: string;
  /** Where answers go: the widget, or by email (nobody was online). */
  mode: 'chat' | 'email';
  /** A resend of a message that is stored already: nothing was written. */
  duplicate: boolean;
}

interface OpenConversation {
  id: string;
  case_id: string;
  mode: 'chat' | 'email';
}

const modeOf = async (tx: Tx, caseId: string): Promise<'chat' | 'email'> =>
  (await tx.query<{ mode: 'chat' | 'email' }>('select mode from chat_conversations where case_id = $1', [caseId])).rows[0]?.mode ?? 'chat';

const subjectOf = (topic: string | null, body: string): string => {
  const line = body.split('\n').find((l) => l.trim())?.trim() ?? body;
  const snippet = line.length > 80 ? `${line.slice(0, 79)}…` : line;
  return topic ? `${topic}: ${snippet}` : snippet;
};

/**
 * The visitor's first message opens the case (chat channel, the channel's team: routing, SLAs and
 * automations apply as to any new case) with the visitor as requester — an email we know joins
 * that customer's record, so the agent sees their earlier cases.
 */
async function openCase(app: AppContext, tx: Tx, p: VisitorPrincipal, visitor: Visitor, body: string): Promise<{ caseId: string; entryId: number; mode: 'chat' | 'email' }> {
  let customerId = visitor.customer_id;
  if (!customerId) {
    customerId = await findOrCreateCustomer(app, systemActor, tx, { name: visitor.name ?? (visitor.email ? visitor.email.split('@')[0]! : 'Chat visitor'), email: visitor.email ?? undefined });
    await tx.query('update chat_visitors set customer_id = $2 where id = $1', [visitor.id, customerId]);
    if (visitor.language) await tx.query('update customers set preferred_language = $2 where id = $1 and preferred_language is null', [customerId, visitor.language]);
  }
  let created;
  try {
    created = await createCase(app, systemActor, tx, {
      subject: subjectOf(visitor.topic, body),
      requesterId: customerId,
      channel: 'chat',
      priority: 'normal',
      tags: [],
      customFields: {},
      teamId: p.channel.team_id,
      message: { body, direction: 'inbound' },
    });
  } catch (err) {
    // A case field the team requires: the visitor cannot fill it in; the admin must fix the form.
    if (err instanceof AppError && err.code === 'validation_failed') throw new AppError('unprocessable', 'The chat cannot start a conversation at the moment; please write to us by email.');
    throw err;
  }
  const online = await teamOnline(tx, p.channel.team_id);
  const mode = !online && visitor.email ? 'email' : 'chat';
  const { rows: session } = await tx.query<{ page: string | null }>('select page from chat_sessions where visitor_id = $1 order by last_used_at desc limit 1', [visitor.id]);
  await tx.query('insert into chat_conversations (channel_id, visitor_id, case_id, mode, origin, page) values ($1, $2, $3, $4, $5, $6)', [
    p.channel.id,
    visitor.id,
    created.id,
    mode,
    p.origin,
    session[0]?.page ?? null,
  ]);
  await addActivity(app, systemActor, tx, created.id, {
    type: 'chat.started',
    summary: `Chat started on ${p.origin} (${p.channel.name})${visitor.external_id ? ', signed-in customer' : ''}`,
    data: { channelId: p.channel.id, channel: p.channel.name, origin: p.origin, page: session[0]?.page ?? null, identified: visitor.external_id !== null },
  });
  if (mode === 'email') {
    await addActivity(app, systemActor, tx, created.id, {
      type: 'chat.email_continuation',
      summary: `Nobody was online: replies go by email to ${visitor.email}`,
      data: { email: visitor.email, reason: 'offline' },
    });
  }
  const { rows } = await tx.query<{ id: number }>(`select id::int as id from case_entries where case_id = $1 and kind = 'message' order by id limit 1`, [created.id]);
  return { caseId: created.id, entryId: rows[0]!.id, mode };
}

/**
 * Stores a visitor's message exactly once: the widget's client id is kept with the entry, so a
 * resend after a reconnect (or a double click) finds the stored message instead of writing again.
 * The visitor row is locked first, so two sends of one visitor never race to open two cases.
 */
export async function sendVisitorMessage(app: AppContext, tx: Tx, p: VisitorPrincipal, input: VisitorMessageInput): Promise<SentMessage> {
  // Lock the visitor first, in a statement of its own: on PostgreSQL (read committed) a statement
  // that waited for the lock still sees the rows of its own snapshot in its joins, so a concurrent
  // send of the same client id would not be found. The next statement sees what the other committed.
  await tx.query('select 1 from chat_visitors where id = $1 for update', [p.visitor.id], { prepare: true });
  // Then find the message if this client id was stored before, and the conversation a new message
  // goes to (the latest, unless its case was closed or merged away).
  const { rows: locked } = await tx.query<Visitor & { known_entry: number | null; known_case: string | null; conv_id: string | null; conv_case: string | null; conv_mode: 'chat' | 'email' | null }>(
    `select v.id, v.channel_id, v.external_id, v.customer_id, v.name, v.email, v.topic, v.language, m.entry_id::int as known_entry, e.case_id as known_case,
       oc.id as conv_id, oc.case_id as conv_case, oc.mode as conv_mode
     from chat_visitors v left join chat_messages m on m.visitor_id = v.id and m.client_id = $2 left join case_entries e on e.id = m.entry_id
     left join lateral (
       select cv.id, cv.case_id, cv.mode from chat_conversations cv join cases c on c.id = cv.case_id
       where cv.visitor_id = v.id and c.status <> 'closed' and c.merged_into_id is null order by cv.created_at desc limit 1
     ) oc on true
     where v.id = $1`,
    [p.visitor.id, input.clientId],
    { prepare: true },
  );
  const { known_entry: knownEntry, known_case: knownCase, conv_id: convId, conv_case: convCase, conv_mode: convMode, ...visitor } = locked[0]!;
  if (knownEntry !== null && knownCase) {
    const [message] = await visitorMessages(tx, knownCase, 0, knownEntry);
    return { message: message!, caseId: knownCase, mode: await modeOf(tx, knownCase), duplicate: true };
  }
  if (input.file && input.file.content.length > uploadLimit(p.channel, app.config.ATTACHMENT_MAX_BYTES)) {
    throw new AppError('payload_too_large', 'The file is larger than this chat accepts', [], { maxBytes: uploadLimit(p.channel, app.config.ATTACHMENT_MAX_BYTES) });
  }
  const conv: OpenConversation | null = convId && convCase && convMode ? { id: convId, case_id: convCase, mode: convMode } : null;
  let caseId: string;
  let entryId: number;
  let mode: 'chat' | 'email';
  let message: WidgetMessage | undefined;
  if (conv) {
    ({ case_id: caseId, mode } = conv);
    const entry = await addEntry(app, systemActor, tx, caseId, { kind: 'message', direction: 'inbound', channel: 'chat', body: input.body });
    entryId = entry.id;
    message = { id: entry.id, clientId: input.clientId, from: 'visitor', authorName: entry.author.name, body: entry.body, attachments: [], createdAt: entry.createdAt };
  } else {
    const missing = missingProfile(p.channel, visitor);
    if (missing.length) throw new AppError('unprocessable', `Fill in the form first (${missing.join(', ')})`, [], { missing });
    ({ caseId, entryId, mode } = await openCase(app, tx, p, visitor, input.body));
  }
  await tx.query('insert into chat_messages (visitor_id, client_id, entry_id) values ($1, $2, $3)', [visitor.id, input.clientId, entryId], { prepare: true });
  if (input.file) {
    await attachReceivedFiles(tx, caseId, entryId, [input.file], uploadLimit(p.channel, app.config.ATTACHMENT_MAX_BYTES));
    message = undefined;
  }
  message ??= (await visitorMessages(tx, caseId, 0, entryId))[0]!;
  return { message, caseId, mode, duplicate: false };
}
