import { ActionIcon, Anchor, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconRefresh } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';
import { get, post } from '../api/client.ts';
import { useFormat } from '../i18n/format.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { notify, notifyFailed } from '../ui/notify.ts';
import { AdminTable } from './admin-table.tsx';

type InboundList = z.infer<typeof C.InboundEmailList>;
type Inbound = InboundList['items'][number];

function Reprocess({ message }: { message: Inbound }) {
  const { t } = useTranslation('email');
  const qc = useQueryClient();
  const again = useMutation({
    mutationFn: () => post(`/email/inbound/${message.id}/reprocess`),
    onSuccess: () => {
      notify('green', t('quarantine.requeued'));
      setTimeout(() => void qc.invalidateQueries({ queryKey: ['quarantine'] }), 1000);
    },
    onError: (err) => notifyFailed(err, t('quarantine.requeueFailed')),
  });
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Tooltip label={t('quarantine.download')}>
        <ActionIcon component="a" href={`/api/v1/email/inbound/${message.id}/raw`} variant="subtle" color="gray" aria-label={t('quarantine.downloadMessage', { id: message.id })}>
          <IconDownload size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('quarantine.reprocess')}>
        <ActionIcon variant="subtle" onClick={() => again.mutate()} loading={again.isPending} aria-label={t('quarantine.reprocessMessage', { id: message.id })} data-testid="quarantine-reprocess">
          <IconRefresh size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** Admin → Quarantine: received messages that could not become a case, with the reason. */
export function QuarantineTab() {
  const { t } = useTranslation('email');
  const format = useFormat();
  const list = useInfiniteQuery({
    queryKey: ['quarantine'],
    queryFn: ({ pageParam }) => get<InboundList>('/email/inbound', { state: 'quarantined', limit: 50, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    refetchInterval: 10_000,
  });
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Text size="sm" c="dimmed" maw={640} mb="sm">
        {t('quarantine.intro')}
      </Text>
      <AdminTable columns={[t('quarantine.received'), t('quarantine.from'), t('quarantine.subject'), t('quarantine.reason')]} withActions pending={list.isPending} minWidth={800}>
        {items.map((m) => (
          <Table.Tr key={m.id} data-testid="quarantine-row">
            <Table.Td>{format.dateTime(m.receivedAt)}</Table.Td>
            <Table.Td>{m.from ?? '—'}</Table.Td>
            <Table.Td>{m.subject ?? <Text c="dimmed" size="sm">{t('quarantine.noSubject')}</Text>}</Table.Td>
            <Table.Td maw={360}>
              <Text size="sm" c="var(--mantine-color-error)" style={{ wordBreak: 'break-word' }}>
                {m.error}
              </Text>
            </Table.Td>
            <Table.Td>
              <Reprocess message={m} />
            </Table.Td>
          </Table.Tr>
        ))}
      </AdminTable>
      {!list.isPending && items.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="lg" data-testid="quarantine-empty">
          {t('quarantine.none')}
        </Text>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="subtle" onClick={() => void list.fetchNextPage()}>
            {t('quarantine.more')}
          </Button>
        </Group>
      )}
      <Text size="xs" c="dimmed" mt="md">
        {t('quarantine.ingestHint')} <Anchor href="/api/docs" size="xs" underline="always">/api/docs</Anchor>
      </Text>
    </>
  );
}
