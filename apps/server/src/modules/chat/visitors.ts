import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { WidgetProfileBody, WidgetSession, WidgetSessionBody } from '@switchboard/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { systemActor } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { updateCase } from '../cases/index.ts';
import { findOrCreateCustomer } from '../customers/index.ts';
import { teamOnline } from './availability.ts';
import { originOf, verifyIdentity } from './origins.ts';
import { assertWidgetAllowed } from './policy.ts';
import { channelRow, identitySecretOf, visitorMessages, type ChannelRow } from './queries.ts';

/** A visitor as the chat module works with it. */
export interface Visitor {
  id: string;
  channel_id: string;
  external_id: string | null;
  customer_id: string | null;
  name: string | null;
  email: string | null;
  topic: string | null;
  language: string | null;
}

/** A visitor authenticated by its token, with its channel and the website the session runs on. */
export interface VisitorPrincipal {
  visitor: Visitor;
  channel: ChannelRow;
  origin: string;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const newToken = (): string => `sbv_${randomBytes(24).toString('base64url')}`;
const visitorColumns = 'v.id, v.channel_id, v.external_id, v.customer_id, v.name, v.email, v.topic, v.language';

/** Required pre-chat fields the visitor has not given yet (identified visitors skip the form). */
export function missingProfile(ch: ChannelRow, v: Visitor): string[] {
  if (v.external_id) return [];
  const p = ch.pre_chat;
  return [p.name === 'required' && !v.name ? 'name' : null, p.email === 'required' && !v.email ? 'email' : null, p.topic === 'required' && !v.topic ? 'topic' : null].filter(
    (f): f is string => f !== null,
  );
}

/** The visitor of a token, refused when the channel is off or the website left its allowed origins. */
export async function visitorByToken(db: Queryable, token: string | undefined): Promise<VisitorPrincipal> {
  if (!token) throw new AppError('unauthenticated', 'Send the visitor token (X-Widget-Token) the session gave you');
  const { rows } = await db.query<Visitor & { origin: string }>(
    `select ${visitorColumns}, s.origin from chat_sessions s join chat_visitors v on v.id = s.visitor_id where s.token_hash = $1`,
    [hashToken(token)],
    { prepare: true },
  );
  const r = rows[0];
  if (!r) throw new AppError('unauthenticated', 'This chat session has ended; reload the page to start a new one');
  const ch = await channelRow(db, r.channel_id);
  assertWidgetAllowed(ch, r.origin);
  const { origin, ...visitor } = r;
  return { visitor, channel: ch, origin };
}

async function insertVisitor(tx: Tx, ch: ChannelRow, fields: { externalId?: string; name?: string; email?: string; language?: string }): Promise<Visitor> {
  const { rows } = await tx.query<Visitor>(
    `insert into chat_visitors as v (channel_id, external_id, name, email, language) values ($1, $2, $3, $4, $5)
     on conflict (channel_id, external_id) where external_id is not null do update set name = coalesce(excluded.name, v.name), email = coalesce(excluded.email, v.email)
     returning ${visitorColumns}`,
    [ch.id, fields.externalId ?? null, fields.name ?? null, fields.email ?? null, fields.language ?? null],
  );
  return rows[0]!;
}

/**
 * Starts or resumes the widget's session. A valid token continues its visitor's conversation
 * (history across page loads). An identity (user id + HMAC signature from the host site) names
 * the visitor instead: the same customer on every device; a signature that does not verify is
 * refused. Anything else is a new anonymous visitor.
 */
export async function startVisitorSession(app: AppContext, tx: Tx, input: z.output<typeof WidgetSessionBody>): Promise<WidgetSession> {
  const ch = await channelRow(tx, input.channelId);
  const origin = originOf(input.host);
  assertWidgetAllowed(ch, origin);
  let visitor: Visitor | null = null;
  let token = input.token;
  if (token) {
    const { rows } = await tx.query<Visitor>(`select ${visitorColumns} from chat_sessions s join chat_visitors v on v.id = s.visitor_id where s.token_hash = $1 and v.channel_id = $2`, [
      hashToken(token),
      ch.id,
    ]);
    visitor = rows[0] ?? null;
    if (!visitor) token = undefined;
  }
  if (input.identity) {
    const id = input.identity;
    if (!verifyIdentity(identitySecretOf(app.secrets, ch), id.userId, id.signature)) {
      throw new AppError('forbidden', 'The identity signature does not match this user id: sign the user id with the channel’s current identity secret (HMAC-SHA256, hex)', [], {
        reason: 'identity_refused',
      });
    }
    if (visitor?.external_id !== id.userId) {
      // An anonymous visitor who signs in keeps the conversation they started; anyone else is the user's own visitor.
      const adopt = visitor && !visitor.external_id ? visitor : null;
      const { rows: taken } = await tx.query('select 1 from chat_visitors where channel_id = $1 and external_id = $2', [ch.id, id.userId]);
      if (adopt && taken.length === 0) {
        const { rows } = await tx.query<Visitor>(
          `update chat_visitors v set external_id = $2, name = coalesce($3, v.name), email = coalesce($4, v.email) where v.id = $1 returning ${visitorColumns}`,
          [adopt.id, id.userId, id.name ?? null, id.email ?? null],
        );
        visitor = rows[0]!;
      } else {
        visitor = await insertVisitor(tx, ch, { externalId: id.userId, name: id.name, email: id.email, language: input.language });
        token = undefined;
      }
    }
  }
  visitor ??= await insertVisitor(tx, ch, { language: input.language });
  if (token) {
    await tx.query('update chat_sessions set origin = $2, page = coalesce($3, page), last_used_at = now() where token_hash = $1', [hashToken(token), origin, input.page ?? null]);
  } else {
    token = newToken();
    await tx.query('insert into chat_sessions (token_hash, visitor_id, origin, page) values ($1, $2, $3, $4)', [hashToken(token), visitor.id, origin, input.page ?? null]);
  }
  if (input.language && input.language !== visitor.language) await tx.query('update chat_visitors set language = $2 where id = $1', [visitor.id, input.language]);
  return { token, ...(await sessionState(tx, ch, visitor)) };
}

/** The visitor's side of their latest conversation: messages, read marks, whether answers go by email. */
export async function sessionState(db: Queryable, ch: ChannelRow, visitor: Visitor): Promise<Omit<WidgetSession, 'token'>> {
  const { rows } = await db.query<{ case_id: string; mode: 'chat' | 'email'; visitor_read_id: number; agent_read_id: number }>(
    `select case_id, mode, visitor_read_id::int as visitor_read_id, agent_read_id::int as agent_read_id from chat_conversations
     where visitor_id = $1 order by created_at desc limit 1`,
    [visitor.id],
  );
  const conv = rows[0];
  return {
    visitor: { name: visitor.name, email: visitor.email, identified: visitor.external_id !== null, needsProfile: missingProfile(ch, visitor).length > 0 },
    online: await teamOnline(db, ch.team_id),
    mode: conv?.mode ?? 'chat',
    messages: conv ? await visitorMessages(db, conv.case_id) : [],
    agentReadUpTo: conv?.agent_read_id ?? 0,
    visitorReadUpTo: conv?.visitor_read_id ?? 0,
  };
}

/**
 * The pre-chat form: name, email and topic as the channel asks for them. A topic must be one of
 * the channel's. The email is how a chat joins the customer's record and continues by email.
 */
export async function updateVisitorProfile(app: AppContext, tx: Tx, principal: VisitorPrincipal, input: z.output<typeof WidgetProfileBody>): Promise<Omit<WidgetSession, 'token'>> {
  const p = principal.channel.pre_chat;
  if (input.topic && !p.topics.includes(input.topic)) throw invalid('body.topic', 'is not one of the topics offered');
  const { rows } = await tx.query<Visitor>(
    `update chat_visitors v set name = coalesce($2, v.name), email = coalesce($3, v.email), topic = coalesce($4, v.topic)
     where v.id = $1 returning ${visitorColumns}`,
    [principal.visitor.id, input.name ?? null, input.email ?? null, input.topic ?? null],
  );
  const visitor = rows[0]!;
  const missing = missingProfile(principal.channel, visitor);
  if (missing.length) throw invalid(`body.${missing[0]}`, 'is required');
  if (input.email && input.email !== principal.visitor.email) await joinCustomerByEmail(app, tx, visitor);
  // An email given later (nobody was online) lets the open conversation continue by email.
  if (input.email) {
    await tx.query(
      `update chat_conversations set mode = 'email', updated_at = now() where id = (select id from chat_conversations where visitor_id = $1 order by created_at desc limit 1)
       and not $2`,
      [visitor.id, await teamOnline(tx, principal.channel.team_id)],
    );
  }
  return sessionState(tx, principal.channel, visitor);
}

/**
 * The visitor gave (another) email: they are that customer from now on — found by the email, else
 * created — and an open chat case moves to that customer's record, so one customer has one history.
 */
async function joinCustomerByEmail(app: AppContext, tx: Tx, visitor: Visitor): Promise<void> {
  const customerId = await findOrCreateCustomer(app, systemActor, tx, { name: visitor.name ?? visitor.email!.split('@')[0]!, email: visitor.email! });
  await tx.query('update chat_visitors set customer_id = $2 where id = $1', [visitor.id, customerId]);
  const { rows } = await tx.query<{ case_id: string }>(
    `select v.case_id from chat_conversations v join cases c on c.id = v.case_id
     where v.visitor_id = $1 and c.status <> 'closed' and c.merged_into_id is null and c.requester_id <> $2 order by v.created_at desc limit 1`,
    [visitor.id, customerId],
  );
  if (rows[0]) await updateCase(app, systemActor, tx, rows[0].case_id, 'current', { requesterId: customerId });
}
