import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { defineJob, PermanentJobError } from '../../../platform/jobs/index.ts';
import { signatureHeader, webhookSecretColumn } from './sign.ts';

/** A receiver that does not answer within this time counts as a failed attempt. */
export const DELIVERY_TIMEOUT_MS = 10_000;
const SNIPPET_CHARS = 1000;

/**
 * Client errors other than 408 (timeout) and 429 (slow down) will not pass on a retry (wrong
 * URL, refused signature): the delivery fails at once and can be redelivered by hand.
 */
export const isRetryableStatus = (status: number): boolean => status >= 500 || status === 408 || status === 429 || (status >= 300 && status < 400);

interface Outcome {
  statusCode: number | null;
  durationMs: number;
  snippet: string;
  error: string | null;
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<Outcome> {
  const started = performance.now();
  try {
    // Redirects are not followed: the signed body goes only to the URL the admin entered.
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
    const text = await res.text().catch(() => '');
    const ok = res.status >= 200 && res.status < 300;
    return { statusCode: res.status, durationMs: Math.round(performance.now() - started), snippet: text.slice(0, SNIPPET_CHARS), error: ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } };
    // fetch reports "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND …) is in its cause.
    const cause = e.cause?.code ?? e.cause?.errors?.[0]?.code ?? e.cause?.message;
    const reason = e.name === 'TimeoutError' ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s` : (cause ?? e.message);
    return { statusCode: null, durationMs: Math.round(performance.now() - started), snippet: '', error: reason };
  }
}

/** One attempt of one delivery: signs, posts, writes the attempt to the log, marks success. */
export async function attemptDelivery(app: Pick<AppContext, 'db' | 'secrets'>, deliveryId: string, now = Date.now()): Promise<Outcome | undefined> {
  const { db } = app;
  const { rows } = await db.query<{ body: string; event_type: string; state: string; endpoint_id: string; url: string; secret: string; enabled: boolean }>(
    `select d.body, d.event_type, d.state, d.endpoint_id, e.url, e.secret, e.enabled
     from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id where d.id = $1`,
    [deliveryId],
  );
  const d = rows[0];
  if (!d || d.state === 'succeeded') return undefined;
  if (!d.enabled) {
    await db.query(`update webhook_deliveries set state = 'failed', updated_at = now() where id = $1`, [deliveryId]);
    throw new PermanentJobError('The endpoint is disabled');
  }
  let secret: string;
  try {
    secret = app.secrets.open(d.secret, webhookSecretColumn.context(d.endpoint_id));
  } catch (err) {
    // Nothing is sent unsigned; a new secret (Admin → Webhooks) and a redelivery fix it.
    throw new PermanentJobError(`The endpoint's signing secret cannot be read (${(err as Error).message}): regenerate it, then redeliver`);
  }
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Switchboard-Webhooks/1',
    'x-switchboard-event': d.event_type,
    'x-switchboard-delivery': deliveryId,
    'x-switchboard-signature': signatureHeader(secret, d.body, new Date(now)),
  };
  const outcome = await post(d.url, headers, d.body);
  await db.query(`insert into webhook_attempts (delivery_id, status_code, duration_ms, response_snippet, error) values ($1, $2, $3, $4, $5)`, [
    deliveryId,
    outcome.statusCode,
    outcome.durationMs,
    outcome.snippet,
    outcome.error,
  ]);
  if (outcome.error === null) await db.query(`update webhook_deliveries set state = 'succeeded', updated_at = now() where id = $1`, [deliveryId]);
  return outcome;
}

export const deliverWebhookJob = defineJob({
  name: 'webhooks.deliver',
  payload: z.object({ deliveryId: z.uuid() }),
  // 10 s, 20 s, 40 s … (at most an hour apart): about three and a half hours of tries in all.
  maxAttempts: 12,
  backoffMs: 10_000,
  run: async ({ deliveryId }, run) => {
    const outcome = await attemptDelivery(run.ctx, deliveryId);
    if (!outcome || outcome.error === null) return;
    if (outcome.statusCode !== null && !isRetryableStatus(outcome.statusCode)) throw new PermanentJobError(`The receiver refused the delivery: ${outcome.error}`);
    throw new Error(`Delivery failed: ${outcome.error}`);
  },
  onDead: async (tx, { deliveryId }) => {
    await tx.query(`update webhook_deliveries set state = 'failed', updated_at = now() where id = $1 and state = 'pending'`, [deliveryId]);
  },
});

/** How long the delivery log keeps finished deliveries. */
export const DELIVERY_LOG_DAYS = 30;

export const pruneDeliveriesJob = defineJob({
  name: 'webhooks.prune',
  payload: z.object({}).passthrough(),
  cron: '23 3 * * *',
  runInTransaction: async (tx) => {
    await tx.query(`delete from webhook_deliveries where created_at < now() - make_interval(days => $1) and state <> 'pending'`, [DELIVERY_LOG_DAYS]);
  },
});
