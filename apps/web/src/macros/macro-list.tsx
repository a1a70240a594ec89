import { useState } from 'react';
import { ActionIcon, Badge, Group, Button, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del } from '../api/client.ts';
import { AdminTable } from '../admin/admin-table.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { ActionBadges } from './action-summary.tsx';
import { MacroEditor } from './macro-editor.tsx';
import { useMacros } from './queries.ts';
import type { Macro } from './types.ts';

interface Props {
  scope: 'personal' | 'shared';
  /** May the user add macros of this scope. */
  canCreate: boolean;
}

/** A searchable table of macros of one scope, with adding, editing and deleting where allowed. */
export function MacroList({ scope, canCreate }: Props) {
  const { t } = useTranslation('macros');
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 200);
  const macros = useMacros({ scope, q: search || undefined });
  const [editing, setEditing] = useState<Macro | null | undefined>(undefined);
  const remove = useMutation({
    mutationFn: (m: Macro) => del(`/macros/${m.id}`),
    onSuccess: (_, m) => {
      void qc.invalidateQueries({ queryKey: ['macros'] });
      notifySaved(t('list.deleted', { name: m.name }));
    },
    onError: (err) => notifyFailed(err),
  });
  if (macros.isError) return <ErrorState error={macros.error} onRetry={() => void macros.refetch()} />;
  const list = macros.data ?? [];
  const columns = [t('list.name'), t('list.languages'), t('list.actions'), ...(scope === 'shared' ? [t('list.for')] : []), t('list.used')];

  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-end">
        <TextInput
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          w={320}
          data-testid={`macro-list-search-${scope}`}
        />
        {canCreate && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid={`macro-new-${scope}`}>
            {t(scope === 'shared' ? 'list.newShared' : 'list.newPersonal')}
          </Button>
        )}
      </Group>
      <AdminTable columns={columns} withActions pending={macros.isPending} minWidth={820}>
        {list.map((m) => (
          <Table.Tr key={m.id} data-testid="macro-row" data-macro-id={m.id}>
            <Table.Td>
              <Text fw={500} size="sm">
                {m.name}
              </Text>
              {m.description && (
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {m.description}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {/* A visible label gives each badge its width: the table cell otherwise squeezes "EN" to "E". */}
              <Group gap={4} wrap="nowrap">
                {m.languages.map((l) => (
                  <Tooltip key={l} label={l === m.defaultLanguage ? t('list.defaultLanguage', { language: t(`common:languageName.${l}`) }) : t(`common:languageName.${l}`)}>
                    <Badge size="sm" variant={l === m.defaultLanguage ? 'filled' : 'outline'} color="gray" styles={{ label: { overflow: 'visible' } }}>
                      {l}
                    </Badge>
                  </Tooltip>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              <ActionBadges actions={m.actions} size="xs" />
            </Table.Td>
            {scope === 'shared' && <Table.Td>{m.team ? m.team.name : t('editor.everyone')}</Table.Td>}
            <Table.Td>
              <Text size="sm">{t('list.usedCount', { count: m.usageCount })}</Text>
            </Table.Td>
            <Table.Td ta="right">
              {m.editable && (
                <Group gap={2} justify="flex-end" wrap="nowrap">
                  <Tooltip label={t('list.edit', { name: m.name })}>
                    <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(m)} aria-label={t('list.edit', { name: m.name })} data-testid="macro-edit">
                      <IconPencil size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('list.delete', { name: m.name })}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables?.id === m.id}
                      onClick={() => window.confirm(t('list.confirmDelete', { name: m.name })) && remove.mutate(m)}
                      aria-label={t('list.delete', { name: m.name })}
                      data-testid="macro-delete"
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </AdminTable>
      {macros.isSuccess && list.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {search ? t('picker.noMatch', { q: search }) : t(scope === 'shared' ? 'list.noneShared' : 'list.nonePersonal')}
        </Text>
      )}
      {editing !== undefined && <MacroEditor key={editing?.id ?? 'new'} macro={editing} scope={scope} onClose={() => setEditing(undefined)} />}
    </>
  );
}
