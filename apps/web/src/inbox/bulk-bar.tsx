import { useState } from 'react';
import { Button, Group, Menu, Paper, Text, TagsInput, Popover, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconTag, IconUser, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { statuses } from '@switchboard/contracts/constants';
import { post } from '../api/client.ts';
import { useUsers } from '../api/hooks.ts';
import type { Case } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { patchCase } from '../realtime/live-updates.ts';
import { errorMessage } from '../ui/error-state.tsx';

interface Changes {
  status?: string;
  assigneeId?: string | null;
  addTags?: string[];
}

/** Actions on every selected case at once: all of them change, or none. */
export function BulkBar({ selected, cases, onDone }: { selected: string[]; cases: Case[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const users = useUsers();
  const qc = useQueryClient();
  const [tags, setTags] = useState<string[]>([]);
  const bulk = useMutation({
    mutationFn: (changes: Changes) => post<{ items: Case[] }>('/cases/bulk', { caseIds: selected, changes }),
    onSuccess: (res) => {
      for (const c of res.items) patchCase(qc, c);
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void qc.invalidateQueries({ queryKey: ['views'] });
      notifications.show({ color: 'green', message: t('inbox:bulk.done', { count: res.items.length }) });
      onDone();
    },
    onError: (err) => notifications.show({ color: 'red', title: t('inbox:bulk.failed'), message: errorMessage(err) }),
  });
  const teamIds = new Set(cases.filter((c) => selected.includes(c.id)).map((c) => c.team?.id));
  const assignable = (users.data ?? []).filter((u) => u.active && u.teams.some((tm) => teamIds.has(tm.id)));
  return (
    <Paper withBorder mx="md" mb="xs" p="xs" radius="md" bg="var(--mantine-color-blue-light)" data-testid="bulk-bar">
      <Group gap="xs">
        <Text size="sm" fw={600} mr="sm">
          {t('inbox:bulk.selected', { count: selected.length })}
        </Text>
        <Button size="xs" leftSection={<IconUser size={14} />} onClick={() => bulk.mutate({ assigneeId: user.id })} loading={bulk.isPending} data-testid="bulk-assign-me">
          {t('inbox:bulk.assignToMe')}
        </Button>
        <Menu withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} />} data-testid="bulk-assign">
              {t('inbox:bulk.assign')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown mah={320} style={{ overflow: 'auto' }}>
            <Menu.Item onClick={() => bulk.mutate({ assigneeId: null })}>{t('inbox:assigneeNone')}</Menu.Item>
            {(assignable.length ? assignable : (users.data ?? [])).map((u) => (
              <Menu.Item key={u.id} onClick={() => bulk.mutate({ assigneeId: u.id })} data-testid="bulk-assign-option">
                {u.name}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Menu withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} />} data-testid="bulk-status">
              {t('inbox:bulk.status')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {statuses.map((s) => (
              <Menu.Item key={s} onClick={() => bulk.mutate({ status: s })} data-testid={`bulk-status-${s}`}>
                {t(`status.${s}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Popover withinPortal trapFocus>
          <Popover.Target>
            <Button size="xs" variant="default" leftSection={<IconTag size={14} />}>
              {t('inbox:bulk.addTags')}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="xs">
              <TagsInput label={t('fields.tags')} value={tags} onChange={setTags} size="xs" />
              <Button size="xs" disabled={!tags.length} onClick={() => bulk.mutate({ addTags: tags })}>
                {t('inbox:bulk.apply')}
              </Button>
            </Stack>
          </Popover.Dropdown>
        </Popover>
        <Button size="xs" variant="subtle" leftSection={<IconX size={14} />} onClick={onDone} ml="auto">
          {t('inbox:bulk.clear')}
        </Button>
      </Group>
    </Paper>
  );
}
