import { useState } from 'react';
import { ActionIcon, Badge, Button, Code, Group, Switch, Table, Text, Tooltip } from '@mantine/core';
import { IconKey, IconList, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del, patch, post } from '../api/client.ts';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '../api/types.ts';
import { DeliveriesModal } from '../automation/deliveries.tsx';
import { useWebhooks } from '../automation/queries.ts';
import { SecretModal, WebhookModal } from '../automation/webhook-modal.tsx';
import { useSession } from '../auth/session.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { AdminTable } from './admin-table.tsx';

/** Admin → Webhooks: endpoints that receive signed events, their secrets and delivery logs. */
export function WebhooksTab() {
  const { t } = useTranslation('automation');
  const { user } = useSession();
  const qc = useQueryClient();
  const endpoints = useWebhooks();
  const [editing, setEditing] = useState<WebhookEndpoint | null | undefined>(undefined);
  const [secret, setSecret] = useState<WebhookEndpointWithSecret | undefined>(undefined);
  const [log, setLog] = useState<WebhookEndpoint | undefined>(undefined);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['webhooks'] });

  const toggle = useMutation({
    mutationFn: (e: WebhookEndpoint) => patch<WebhookEndpoint>(`/webhooks/${e.id}`, { enabled: !e.enabled }),
    onSuccess: refresh,
    onError: (err) => {
      refresh();
      notifyFailed(err);
    },
  });
  const rotate = useMutation({
    mutationFn: (e: WebhookEndpoint) => post<WebhookEndpointWithSecret>(`/webhooks/${e.id}/secret`),
    onSuccess: (e) => {
      refresh();
      setSecret(e);
    },
    onError: (err) => notifyFailed(err),
  });
  const remove = useMutation({
    mutationFn: (e: WebhookEndpoint) => del(`/webhooks/${e.id}`),
    onSuccess: (_, e) => {
      refresh();
      notifySaved(t('webhooks.deleted', { name: e.name }));
    },
    onError: (err) => notifyFailed(err),
  });

  if (user.role !== 'admin') return <Text c="dimmed">{t('adminsOnly')}</Text>;
  if (endpoints.isError) return <ErrorState error={endpoints.error} onRetry={() => void endpoints.refetch()} />;
  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-start">
        <Text size="sm" c="dimmed" maw={680}>
          {t('webhooks.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="new-webhook">
          {t('webhooks.new')}
        </Button>
      </Group>
      <AdminTable columns={[t('webhooks.name'), t('webhooks.url'), t('webhooks.events'), t('webhooks.secret'), t('enabled')]} withActions pending={endpoints.isPending} minWidth={860}>
        {endpoints.data?.map((e) => (
          <Table.Tr key={e.id} data-testid="webhook-row" data-webhook-id={e.id}>
            <Table.Td fw={500}>{e.name}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>
              <Code>{e.url}</Code>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {e.events.map((ev) => (
                  <Badge key={ev} variant="light" size="sm" tt="none">
                    {ev}
                  </Badge>
                ))}
                {e.includeInternal && (
                  <Badge color="orange" size="sm">
                    {t('webhooks.internalBadge')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Code>…{e.secretHint}</Code>
            </Table.Td>
            <Table.Td>
              <Switch checked={e.enabled} onChange={() => toggle.mutate(e)} aria-label={t('webhooks.enable', { name: e.name })} />
            </Table.Td>
            <Table.Td ta="right">
              <Group gap={2} justify="flex-end" wrap="nowrap">
                <Tooltip label={t('webhooks.log', { name: e.name })}>
                  <ActionIcon variant="subtle" color="gray" onClick={() => setLog(e)} aria-label={t('webhooks.log', { name: e.name })} data-testid="webhook-log">
                    <IconList size={18} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('webhooks.rotate', { name: e.name })}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    loading={rotate.isPending && rotate.variables?.id === e.id}
                    onClick={() => window.confirm(t('webhooks.confirmRotate', { name: e.name })) && rotate.mutate(e)}
                    aria-label={t('webhooks.rotate', { name: e.name })}
                  >
                    <IconKey size={18} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('webhooks.edit', { name: e.name })}>
                  <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(e)} aria-label={t('webhooks.edit', { name: e.name })} data-testid="webhook-edit">
                    <IconPencil size={18} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('webhooks.delete', { name: e.name })}>
                  <ActionIcon variant="subtle" color="red" onClick={() => window.confirm(t('webhooks.confirmDelete', { name: e.name })) && remove.mutate(e)} aria-label={t('webhooks.delete', { name: e.name })}>
                    <IconTrash size={18} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </AdminTable>
      {endpoints.data?.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('webhooks.none')}
        </Text>
      )}
      {editing !== undefined && <WebhookModal key={editing?.id ?? 'new'} endpoint={editing} onClose={() => setEditing(undefined)} onCreated={setSecret} />}
      {secret && <SecretModal endpoint={secret} onClose={() => setSecret(undefined)} />}
      {log && <DeliveriesModal endpoint={log} onClose={() => setLog(undefined)} />}
    </>
  );
}
