import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { AutomationRule, WebhookDelivery, WebhookEndpoint } from '../api/types.ts';

export const useRules = () => useQuery({ queryKey: ['automation-rules'], queryFn: () => get<{ items: AutomationRule[] }>('/automation/rules').then((r) => r.items) });

export const useWebhooks = () => useQuery({ queryKey: ['webhooks'], queryFn: () => get<{ items: WebhookEndpoint[] }>('/webhooks').then((r) => r.items) });

/** The delivery log of one endpoint; refreshed every few seconds while shown, since retries land on their own. */
export const useDeliveries = (endpointId: string) =>
  useQuery({
    queryKey: ['webhooks', endpointId, 'deliveries'],
    queryFn: () => get<{ items: WebhookDelivery[] }>(`/webhooks/${endpointId}/deliveries`, { limit: 50 }).then((r) => r.items),
    refetchInterval: 5000,
  });
