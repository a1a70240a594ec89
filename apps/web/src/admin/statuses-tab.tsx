import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useStatuses } from '../api/hooks.ts';
import type { CustomStatus } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { StatusBadge } from '../ui/badges.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { StatusModal } from './status-modal.tsx';
import { AdminTable } from './admin-table.tsx';

/** Admin → Custom statuses: finer steps ("Waiting for parts") that each count as one of the six statuses. */
export function StatusesTab() {
  const { t } = useTranslation('admin');
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const statuses = useStatuses();
  const [editing, setEditing] = useState<CustomStatus | null | undefined>(undefined);

  if (statuses.isError) return <ErrorState error={statuses.error} onRetry={() => void statuses.refetch()} />;
  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('statuses.intro')}
        </Text>
        {isAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="new-status">
            {t('statuses.new')}
          </Button>
        )}
      </Group>
      <AdminTable columns={[t('statuses.name'), t('statuses.category'), t('fields.position'), t('users.state')]} withActions={isAdmin} pending={statuses.isPending} minWidth={600}>
            {statuses.data?.map((s) => (
              <Table.Tr key={s.id} data-testid="status-row" data-status-id={s.id}>
                <Table.Td fw={500}>{s.name}</Table.Td>
                <Table.Td>
                  <StatusBadge status={s.category} />
                </Table.Td>
                <Table.Td>{s.position}</Table.Td>
                <Table.Td>
                  <Badge color={s.active ? 'green' : 'gray'}>{s.active ? t('active') : t('inactive')}</Badge>
                </Table.Td>
                {isAdmin && (
                  <Table.Td ta="right">
                    <Tooltip label={t('statuses.edit', { name: s.name })}>
                      <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(s)} aria-label={t('statuses.edit', { name: s.name })} data-testid="status-edit">
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
      </AdminTable>
      {statuses.data?.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('statuses.none')}
        </Text>
      )}
      {editing !== undefined && <StatusModal status={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
