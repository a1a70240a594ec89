import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Modal, Switch, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlayerPlay, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del, patch, post, put } from '../api/client.ts';
import type { AutomationRule, DryRunResult } from '../api/types.ts';
import { DryRunList } from '../automation/dry-run-result.tsx';
import { useRules } from '../automation/queries.ts';
import { RuleEditor } from '../automation/rule-editor.tsx';
import { useSession } from '../auth/session.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { AdminTable } from './admin-table.tsx';

/** Admin → Automation: triggers and time rules in the order they run, each switchable, editable and testable by a dry run. */
export function AutomationTab() {
  const { t, i18n } = useTranslation('automation');
  const { user } = useSession();
  const qc = useQueryClient();
  const rules = useRules();
  const [editing, setEditing] = useState<AutomationRule | null | undefined>(undefined);
  const [dryRunOf, setDryRunOf] = useState<AutomationRule | undefined>(undefined);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['automation-rules'] });

  const toggle = useMutation({
    mutationFn: (r: AutomationRule) => patch<AutomationRule>(`/automation/rules/${r.id}`, { enabled: !r.enabled }, { version: r.version }),
    onSuccess: (r) => {
      refresh();
      notifySaved(t(r.enabled ? 'enabledNotice' : 'disabledNotice', { name: r.name }));
    },
    onError: (err) => {
      refresh();
      notifyFailed(err);
    },
  });
  const move = useMutation({
    mutationFn: ({ index, by }: { index: number; by: -1 | 1 }) => {
      const ids = (rules.data ?? []).map((r) => r.id);
      const [id] = ids.splice(index, 1);
      ids.splice(index + by, 0, id!);
      return put<{ items: AutomationRule[] }>('/automation/rules/order', { ids });
    },
    onSuccess: (res) => qc.setQueryData(['automation-rules'], res.items),
    onError: (err) => {
      refresh();
      notifyFailed(err);
    },
  });
  const remove = useMutation({
    mutationFn: (r: AutomationRule) => del(`/automation/rules/${r.id}`),
    onSuccess: (_, r) => {
      refresh();
      notifySaved(t('deleted', { name: r.name }));
    },
    onError: (err) => notifyFailed(err),
  });
  const dry = useMutation({ mutationFn: (r: AutomationRule) => post<DryRunResult>('/automation/dry-run', { ruleId: r.id }), onError: (err) => notifyFailed(err, t('dryRun.failed')) });

  if (user.role !== 'admin') return <Text c="dimmed">{t('adminsOnly')}</Text>;
  if (rules.isError) return <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  const list = rules.data ?? [];
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : t('never'));

  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-start">
        <Text size="sm" c="dimmed" maw={680}>
          {t('intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="new-rule">
          {t('new')}
        </Button>
      </Group>
      <AdminTable columns={[t('order'), t('name'), t('kind.label'), t('enabled'), t('fired')]} withActions pending={rules.isPending} minWidth={820}>
        {list.map((r, i) => (
          <Table.Tr key={r.id} data-testid="rule-row" data-rule-id={r.id}>
            <Table.Td>
              <Group gap={2} wrap="nowrap">
                <ActionIcon variant="subtle" color="gray" disabled={i === 0 || move.isPending} onClick={() => move.mutate({ index: i, by: -1 })} aria-label={t('moveUp', { name: r.name })}>
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon variant="subtle" color="gray" disabled={i === list.length - 1 || move.isPending} onClick={() => move.mutate({ index: i, by: 1 })} aria-label={t('moveDown', { name: r.name })}>
                  <IconArrowDown size={16} />
                </ActionIcon>
              </Group>
            </Table.Td>
            <Table.Td>
              <Text fw={500} size="sm">
                {r.name}
              </Text>
              {r.description && (
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {r.description}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={r.kind === 'trigger' ? 'blue' : 'grape'}>
                {t(`kind.${r.kind}`)}
              </Badge>
              {r.kind === 'trigger' && r.event && (
                <Text size="xs" c="dimmed" mt={2}>
                  {t(`event.${r.event}`)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Switch checked={r.enabled} onChange={() => toggle.mutate(r)} aria-label={t('enableRule', { name: r.name })} data-testid="rule-enabled" />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t('firedCount', { count: r.firedCount })}</Text>
              <Text size="xs" c="dimmed">
                {t('lastFired', { when: when(r.lastFiredAt) })}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Group gap={2} justify="flex-end" wrap="nowrap">
                <Tooltip label={t('dryRunRule', { name: r.name })}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    loading={dry.isPending && dry.variables?.id === r.id}
                    onClick={() => {
                      setDryRunOf(r);
                      dry.mutate(r);
                    }}
                    aria-label={t('dryRunRule', { name: r.name })}
                    data-testid="rule-dry-run-saved"
                  >
                    <IconPlayerPlay size={18} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('edit', { name: r.name })}>
                  <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(r)} aria-label={t('edit', { name: r.name })} data-testid="rule-edit">
                    <IconPencil size={18} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('delete', { name: r.name })}>
                  <ActionIcon variant="subtle" color="red" onClick={() => window.confirm(t('confirmDelete', { name: r.name })) && remove.mutate(r)} aria-label={t('delete', { name: r.name })}>
                    <IconTrash size={18} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </AdminTable>
      {rules.data?.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('none')}
        </Text>
      )}
      {editing !== undefined && <RuleEditor key={editing?.id ?? 'new'} rule={editing} onClose={() => setEditing(undefined)} />}
      {dryRunOf && (
        <Modal opened onClose={() => setDryRunOf(undefined)} title={t('dryRunRule', { name: dryRunOf.name })} size="lg">
          {dry.data && dry.variables?.id === dryRunOf.id ? <DryRunList result={dry.data} /> : <Text size="sm">{t('dryRun.running')}</Text>}
        </Modal>
      )}
    </>
  );
}
