import { randomUUID } from 'node:crypto';
import { webhookEventTypes } from '@switchboard/contracts';
import type { AppContext } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { defineJob, EventJobPayload } from '../../../platform/jobs/index.ts';
import { deliverWebhookJob } from './deliver.ts';

/** What a rule's "call a webhook" action sends as its event type. */
export const RULE_EVENT_TYPE = 'automation.rule';

/**
 * Records one delivery of `data` to an endpoint and queues its first attempt. The body is fixed
 * here, so every retry sends the very same bytes (only the signature's time changes).
 */
export async function createDelivery(app: AppContext, tx: Tx, endpointId: string, eventId: number | null, type: string, data: unknown): Promise<string | undefined> {
  const id = randomUUID();
  const body = JSON.stringify({ id, type, createdAt: new Date().toISOString(), data });
  const { rows } = await tx.query<{ id: string }>(
    `insert into webhook_deliveries (id, endpoint_id, event_id, event_type, body) values ($1, $2, $3, $4, $5)
     on conflict (endpoint_id, event_id) where event_id is not null do nothing returning id`,
    [id, endpointId, eventId, type, body],
  );
  if (!rows[0]) return undefined;
  await app.jobs.enqueue(tx, deliverWebhookJob, { deliveryId: id }, { key: id });
  return id;
}

/**
 * Sends one domain event to every enabled endpoint subscribed to its type. An internal note
 * (`case.entry_added` with internal: true) reaches only endpoints that opted into internal data.
 */
export async function fanOutEvent(app: AppContext, tx: Tx, event: EventJobPayload): Promise<number> {
  const internal = event.type === 'case.entry_added' && event.payload.internal === true;
  const { rows } = await tx.query<{ id: string }>(
    `select id from webhook_endpoints where enabled and $1 = any(events) and (include_internal or not $2::boolean)`,
    [event.type, internal],
  );
  for (const endpoint of rows) await createDelivery(app, tx, endpoint.id, event.eventId, event.type, event.payload);
  return rows.length;
}

/** The "call a webhook" action: posts to one enabled endpoint; returns its name, or nothing. */
export async function queueRuleDelivery(app: AppContext, tx: Tx, endpointId: string, data: Record<string, unknown>): Promise<string | undefined> {
  const { rows } = await tx.query<{ name: string }>('select name from webhook_endpoints where id = $1 and enabled', [endpointId]);
  if (!rows[0]) return undefined;
  await createDelivery(app, tx, endpointId, null, RULE_EVENT_TYPE, data);
  return rows[0].name;
}

export const webhookFanOutJob = defineJob({
  name: 'webhooks.fan_out',
  payload: EventJobPayload,
  events: webhookEventTypes,
  enqueueIf: 'exists (select 1 from webhook_endpoints w where w.enabled and e.type = any(w.events))',
  maxAttempts: 5,
  runInTransaction: async (tx, event, run) => {
    await fanOutEvent(run.ctx, tx, event);
  },
});
