import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Switch, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del, get, patch, put } from '../api/client.ts';
import { useTeams } from '../api/hooks.ts';
import type { SlaPolicy } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { useDuration } from '../sla/sla-badge.tsx';
import { PolicyModal } from '../sla/policy-modal.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { AdminTable } from './admin-table.tsx';

const usePolicies = () => useQuery({ queryKey: ['sla-policies'], queryFn: () => get<{ items: SlaPolicy[] }>('/sla-policies').then((r) => r.items) });

/** Admin → SLA policies: tried in order, the first whose conditions match a case applies. */
export function SlaTab() {
  const { t } = useTranslation('sla');
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const qc = useQueryClient();
  const policies = usePolicies();
  const teams = useTeams();
  const duration = useDuration();
  const [editing, setEditing] = useState<SlaPolicy | null | undefined>(undefined);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['sla-policies'] });
  const reorder = useMutation({ mutationFn: (ids: string[]) => put('/sla-policies/order', { ids }), onSuccess: refresh, onError: (err) => notifyFailed(err) });
  const toggle = useMutation({
    mutationFn: (p: SlaPolicy) => patch<SlaPolicy>(`/sla-policies/${p.id}`, { enabled: !p.enabled }, { version: p.version }),
    onSuccess: (p) => {
      refresh();
      notifySaved(t(p.enabled ? 'policies.enabledNow' : 'policies.disabledNow', { name: p.name }));
    },
    onError: (err) => notifyFailed(err),
  });
  const remove = useMutation({
    mutationFn: (p: SlaPolicy) => del(`/sla-policies/${p.id}`).then(() => p),
    onSuccess: (p) => {
      refresh();
      notifySaved(t('policies.deleted', { name: p.name }));
    },
    onError: (err) => notifyFailed(err),
  });
  const move = (i: number, step: -1 | 1) => {
    const ids = (policies.data ?? []).map((p) => p.id);
    const j = i + step;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    reorder.mutate(ids);
  };
  const teamName = (id: string) => teams.data?.find((x) => x.id === id)?.name ?? '…';
  const conditions = (p: SlaPolicy) => {
    const c = p.conditions;
    const parts = [
      c.priorities?.length ? c.priorities.map((x) => t(`common:priority.${x}`)).join(', ') : null,
      c.tiers?.length ? t('policies.tierList', { tiers: c.tiers.join(', ') }) : null,
      c.channels?.length ? c.channels.map((x) => t(`common:channel.${x}`)).join(', ') : null,
      c.teamIds?.length ? c.teamIds.map(teamName).join(', ') : null,
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('policies.everyCase');
  };
  const target = (m: number | null) => (m === null ? '—' : duration(m * 60_000));

  if (policies.isError) return <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />;
  const list = policies.data ?? [];
  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('policies.intro')}
        </Text>
        {isAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="new-policy">
            {t('policies.new')}
          </Button>
        )}
      </Group>
      <AdminTable
        columns={[t('policies.order'), t('policies.name'), t('policies.conditions'), t('policies.target.firstResponse'), t('policies.target.nextResponse'), t('policies.target.resolution'), t('policies.enabled')]}
        withActions={isAdmin}
        pending={policies.isPending}
        minWidth={900}
      >
        {list.map((p, i) => (
          <Table.Tr key={p.id} data-testid="policy-row">
            <Table.Td>
              <Group gap={2} wrap="nowrap">
                <Text size="sm" w={20}>
                  {i + 1}
                </Text>
                {isAdmin && (
                  <>
                    <ActionIcon variant="subtle" color="gray" size="sm" disabled={i === 0 || reorder.isPending} onClick={() => move(i, -1)} aria-label={t('policies.moveUp', { name: p.name })}>
                      <IconArrowUp size={14} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="gray" size="sm" disabled={i === list.length - 1 || reorder.isPending} onClick={() => move(i, 1)} aria-label={t('policies.moveDown', { name: p.name })}>
                      <IconArrowDown size={14} />
                    </ActionIcon>
                  </>
                )}
              </Group>
            </Table.Td>
            <Table.Td fw={500}>{p.name}</Table.Td>
            <Table.Td>
              <Text size="sm">{conditions(p)}</Text>
            </Table.Td>
            <Table.Td>{target(p.targets.firstResponse)}</Table.Td>
            <Table.Td>{target(p.targets.nextResponse)}</Table.Td>
            <Table.Td>{target(p.targets.resolution)}</Table.Td>
            <Table.Td>
              {isAdmin ? (
                <Switch checked={p.enabled} onChange={() => toggle.mutate(p)} aria-label={t('policies.toggle', { name: p.name })} data-testid="policy-toggle" />
              ) : (
                <Badge color={p.enabled ? 'green' : 'gray'}>{p.enabled ? t('policies.on') : t('policies.off')}</Badge>
              )}
            </Table.Td>
            {isAdmin && (
              <Table.Td ta="right">
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label={t('policies.edit', { name: p.name })}>
                    <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(p)} aria-label={t('policies.edit', { name: p.name })} data-testid="policy-edit">
                      <IconPencil size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('policies.delete', { name: p.name })}>
                    <ActionIcon variant="subtle" color="red" onClick={() => window.confirm(t('policies.confirmDelete', { name: p.name })) && remove.mutate(p)} aria-label={t('policies.delete', { name: p.name })}>
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </AdminTable>
      {list.length === 0 && !policies.isPending && (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('policies.none')}
        </Text>
      )}
      {editing !== undefined && <PolicyModal policy={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
