import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CreateWebhookBody, UpdateWebhookBody, WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret } from '@switchboard/contracts';
import type { Actor, AppContext } from '../../../platform/context.ts';
import type { Queryable, Tx } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { SecretBox } from '../../../platform/secrets/index.ts';
import { assertMayManageAutomation } from '../policy.ts';
import { deliverWebhookJob } from './deliver.ts';
import { newSecret, webhookSecretColumn } from './sign.ts';

interface EndpointRow {
  id: string;
  name: string;
  url: string;
  events: string[];
  include_internal: boolean;
  enabled: boolean;
  /** Sealed: opened to sign a delivery and for the hint. */
  secret: string;
  created_at: Date;
  updated_at: Date;
}

/** The last characters of the secret, so admins can tell which one a receiver has. */
function secretHint(secrets: SecretBox, r: EndpointRow): string {
  try {
    return secrets.open(r.secret, webhookSecretColumn.context(r.id)).slice(-4);
  } catch {
    return '(unreadable: regenerate)';
  }
}

const toEndpoint = (secrets: SecretBox, r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  name: r.name,
  url: r.url,
  events: r.events as WebhookEndpoint['events'],
  includeInternal: r.include_internal,
  enabled: r.enabled,
  secretHint: secretHint(secrets, r),
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function listEndpoints(app: AppContext, actor: Actor): Promise<WebhookEndpoint[]> {
  assertMayManageAutomation(actor);
  const { rows } = await app.db.query<EndpointRow>('select * from webhook_endpoints order by created_at');
  return rows.map((r) => toEndpoint(app.secrets, r));
}

/** Adds an endpoint; the response is the only time its signing secret is shown. */
export async function createEndpoint(app: AppContext, actor: Actor, tx: Tx, input: z.output<typeof CreateWebhookBody>): Promise<WebhookEndpointWithSecret> {
  assertMayManageAutomation(actor);
  // The id is made here: the sealed secret is bound to its row.
  const id = randomUUID();
  const secret = newSecret();
  const { rows } = await tx.query<EndpointRow>(
    `insert into webhook_endpoints (id, name, url, events, include_internal, enabled, secret) values ($1, $2, $3, $4, $5, $6, $7) returning *`,
    [id, input.name, input.url, [...new Set(input.events)], input.includeInternal, input.enabled, app.secrets.seal(secret, webhookSecretColumn.context(id))],
  );
  return { ...toEndpoint(app.secrets, rows[0]!), secret };
}

export async function updateEndpoint(app: AppContext, actor: Actor, tx: Tx, id: string, input: z.output<typeof UpdateWebhookBody>): Promise<WebhookEndpoint> {
  assertMayManageAutomation(actor);
  const { rows } = await tx.query<EndpointRow>(
    `update webhook_endpoints set name = coalesce($2, name), url = coalesce($3, url), events = coalesce($4, events),
       include_internal = coalesce($5, include_internal), enabled = coalesce($6, enabled), updated_at = now()
     where id = $1 returning *`,
    [id, input.name ?? null, input.url ?? null, input.events ? [...new Set(input.events)] : null, input.includeInternal ?? null, input.enabled ?? null],
  );
  if (!rows[0]) throw notFound('The webhook endpoint');
  return toEndpoint(app.secrets, rows[0]);
}

/** A new secret replaces the old one at once; deliveries still queued are signed with the new one. */
export async function regenerateSecret(app: AppContext, actor: Actor, tx: Tx, id: string): Promise<WebhookEndpointWithSecret> {
  assertMayManageAutomation(actor);
  const secret = newSecret();
  const { rows } = await tx.query<EndpointRow>('update webhook_endpoints set secret = $2, updated_at = now() where id = $1 returning *', [
    id,
    app.secrets.seal(secret, webhookSecretColumn.context(id)),
  ]);
  if (!rows[0]) throw notFound('The webhook endpoint');
  return { ...toEndpoint(app.secrets, rows[0]), secret };
}

/** Removes the endpoint with its delivery log; its queued attempts find nothing and end. */
export async function deleteEndpoint(actor: Actor, tx: Tx, id: string): Promise<void> {
  assertMayManageAutomation(actor);
  const { rowCount } = await tx.query('delete from webhook_endpoints where id = $1', [id]);
  if (rowCount === 0) throw notFound('The webhook endpoint');
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_type: string;
  state: WebhookDelivery['state'];
  created_at: Date;
  attempts: Array<{ status_code: number | null; duration_ms: number; response_snippet: string; error: string | null; created_at: string }>;
}

/** The newest deliveries of an endpoint with every attempt, oldest attempt first. */
export async function listDeliveries(db: Queryable, actor: Actor, endpointId: string, limit: number): Promise<WebhookDelivery[]> {
  assertMayManageAutomation(actor);
  const found = await db.query('select 1 from webhook_endpoints where id = $1', [endpointId]);
  if (found.rowCount === 0) throw notFound('The webhook endpoint');
  const { rows } = await db.query<DeliveryRow>(
    `select d.id, d.endpoint_id, d.event_type, d.state, d.created_at,
       coalesce((select json_agg(json_build_object('status_code', a.status_code, 'duration_ms', a.duration_ms,
         'response_snippet', a.response_snippet, 'error', a.error, 'created_at', a.created_at) order by a.id)
         from webhook_attempts a where a.delivery_id = d.id), '[]'::json) as attempts
     from webhook_deliveries d where d.endpoint_id = $1 order by d.created_at desc, d.id limit $2`,
    [endpointId, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    endpointId: r.endpoint_id,
    eventType: r.event_type,
    state: r.state,
    createdAt: r.created_at.toISOString(),
    attempts: r.attempts.map((a, i) => ({
      attempt: i + 1,
      statusCode: a.status_code,
      durationMs: a.duration_ms,
      responseSnippet: a.response_snippet,
      error: a.error,
      at: new Date(a.created_at).toISOString(),
    })),
  }));
}

/**
 * Sends a delivery again, with the same body and delivery id (receivers that processed it
 * already can tell), through the usual retries.
 */
export async function redeliver(app: AppContext, actor: Actor, tx: Tx, endpointId: string, deliveryId: string): Promise<void> {
  assertMayManageAutomation(actor);
  const { rows } = await tx.query<{ enabled: boolean }>(
    `update webhook_deliveries d set state = 'pending', updated_at = now() from webhook_endpoints e
     where d.id = $1 and d.endpoint_id = $2 and e.id = d.endpoint_id returning e.enabled`,
    [deliveryId, endpointId],
  );
  if (!rows[0]) throw notFound('The delivery');
  if (!rows[0].enabled) throw new AppError('unprocessable', 'The endpoint is disabled; enable it first');
  await app.jobs.enqueue(tx, deliverWebhookJob, { deliveryId }, { key: deliveryId });
}
