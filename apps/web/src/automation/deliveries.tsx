import { Badge, Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../api/client.ts';
import type { WebhookDelivery, WebhookEndpoint } from '../api/types.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { useDeliveries } from './queries.ts';

const stateColor: Record<WebhookDelivery['state'], string> = { pending: 'yellow', succeeded: 'green', failed: 'red' };

/** The delivery log of one endpoint: every delivery with each attempt, and a redeliver button. */
export function DeliveriesModal({ endpoint, onClose }: { endpoint: WebhookEndpoint; onClose: () => void }) {
  const { t, i18n } = useTranslation('automation');
  const qc = useQueryClient();
  const deliveries = useDeliveries(endpoint.id);
  const redeliver = useMutation({
    mutationFn: (d: WebhookDelivery) => post(`/webhooks/${endpoint.id}/deliveries/${d.id}/redeliver`),
    onSuccess: () => {
      notifySaved(t('webhooks.redelivering'));
      void qc.invalidateQueries({ queryKey: ['webhooks', endpoint.id, 'deliveries'] });
    },
    onError: (err) => notifyFailed(err),
  });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('webhooks.logTitle', { name: endpoint.name })}>
      {deliveries.isError && <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />}
      {deliveries.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('webhooks.noDeliveries')}
        </Text>
      )}
      <Stack gap="sm">
        {deliveries.data?.map((d) => (
          <Stack key={d.id} gap={4} data-testid="delivery" data-delivery-id={d.id}>
            <Group justify="space-between">
              <Group gap="xs">
                <Badge color={stateColor[d.state]}>{t(`webhooks.state.${d.state}`)}</Badge>
                <Code>{d.eventType}</Code>
                <Text size="xs" c="dimmed">
                  {new Date(d.createdAt).toLocaleString(i18n.language)} · {d.id}
                </Text>
              </Group>
              {d.state !== 'pending' && (
                <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} loading={redeliver.isPending && redeliver.variables?.id === d.id} onClick={() => redeliver.mutate(d)} aria-label={t('webhooks.redeliverOne', { id: d.id })}>
                  {t('webhooks.redeliver')}
                </Button>
              )}
            </Group>
            {d.attempts.length > 0 && (
              <Table withTableBorder verticalSpacing={4} fz="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('webhooks.attempt')}</Table.Th>
                    <Table.Th>{t('webhooks.time')}</Table.Th>
                    <Table.Th>{t('webhooks.status')}</Table.Th>
                    <Table.Th>{t('webhooks.duration')}</Table.Th>
                    <Table.Th>{t('webhooks.response')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.attempts.map((a) => (
                    <Table.Tr key={a.attempt}>
                      <Table.Td>{a.attempt}</Table.Td>
                      <Table.Td>{new Date(a.at).toLocaleTimeString(i18n.language)}</Table.Td>
                      <Table.Td>{a.statusCode ?? '—'}</Table.Td>
                      <Table.Td>{t('webhooks.ms', { ms: a.durationMs })}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{a.error ? `${a.error}${a.responseSnippet ? ` · ${a.responseSnippet.slice(0, 200)}` : ''}` : a.responseSnippet.slice(0, 200)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
