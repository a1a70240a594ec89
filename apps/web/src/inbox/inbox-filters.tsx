import { Button, Group, MultiSelect, Select, TagsInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { channels, priorities, sorts, statuses } from '@switchboard/contracts/constants';
import { useTeams, useUsers } from '../api/hooks.ts';
import type { ListParams } from './use-case-list.ts';
import { SaveViewButton } from './save-view.tsx';

export function InboxFilters({ params, onChange }: { params: ListParams; onChange: (p: ListParams) => void }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const users = useUsers();
  const set = (patch: Partial<ListParams>) => onChange({ ...params, ...patch });
  const active = !!(params.status || params.priority || params.channel || params.teamId || params.assignee || params.tag || params.sort);
  return (
    <Group px="md" pb="sm" gap="xs" align="flex-end" wrap="wrap" role="search" aria-label={t('inbox:filters')}>
      <MultiSelect
        size="xs"
        w={170}
        label={t('fields.status')}
        placeholder={t('inbox:any')}
        data={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={params.status ?? []}
        onChange={(v) => set({ status: v.length ? v : undefined })}
        clearable
        data-testid="filter-status"
      />
      <MultiSelect
        size="xs"
        w={150}
        label={t('fields.priority')}
        placeholder={t('inbox:any')}
        data={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        value={params.priority ?? []}
        onChange={(v) => set({ priority: v.length ? v : undefined })}
        clearable
      />
      <MultiSelect
        size="xs"
        w={150}
        label={t('fields.channel')}
        placeholder={t('inbox:any')}
        data={channels.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        value={params.channel ?? []}
        onChange={(v) => set({ channel: v.length ? v : undefined })}
        clearable
      />
      <MultiSelect
        size="xs"
        w={170}
        label={t('fields.team')}
        placeholder={t('inbox:any')}
        data={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
        value={params.teamId ?? []}
        onChange={(v) => set({ teamId: v.length ? v : undefined })}
        clearable
      />
      <Select
        size="xs"
        w={170}
        label={t('fields.assignee')}
        placeholder={t('inbox:any')}
        data={[
          { value: 'me', label: t('inbox:assigneeMe') },
          { value: 'none', label: t('inbox:assigneeNone') },
          ...(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
        ]}
        value={params.assignee ?? null}
        onChange={(v) => set({ assignee: v ?? undefined })}
        searchable
        clearable
      />
      <TagsInput size="xs" w={160} label={t('fields.tags')} placeholder={t('inbox:anyTag')} value={params.tag ?? []} onChange={(v) => set({ tag: v.length ? v : undefined })} />
      <Select
        size="xs"
        w={200}
        comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
        label={t('inbox:sort')}
        data={sorts.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
        value={params.sort ?? null}
        placeholder={t('inbox:sortDefault')}
        onChange={(v) => set({ sort: v ?? undefined })}
        clearable
      />
      {active && (
        <Button size="xs" variant="subtle" leftSection={<IconFilterOff size={14} />} onClick={() => onChange({ view: params.view })}>
          {t('inbox:clearFilters')}
        </Button>
      )}
      {active && <SaveViewButton params={params} />}
    </Group>
  );
}
