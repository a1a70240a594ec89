import { useState } from 'react';
import { ActionIcon, Badge, Button, ColorSwatch, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconCode, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client.ts';
import { AdminTable } from '../admin/admin-table.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { ChannelModal } from './channel-modal.tsx';
import { EmbedModal } from './embed-modal.tsx';
import type { ChatChannel } from './types.ts';

/** Admin → Chat channels: the website widgets, their team, look, form, websites and identity secret. */
export function ChatChannelsTab() {
  const { t } = useTranslation('chat');
  const channels = useQuery({ queryKey: ['chat-channels'], queryFn: () => get<{ items: ChatChannel[] }>('/chat/channels').then((r) => r.items) });
  const [editing, setEditing] = useState<ChatChannel | null | undefined>(undefined);
  const [embed, setEmbed] = useState<ChatChannel | null>(null);
  if (channels.isError) return <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />;
  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('admin.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="new-chat-channel">
          {t('admin.new')}
        </Button>
      </Group>
      <AdminTable columns={[t('admin.name'), t('admin.team'), t('admin.languages'), t('admin.origins'), t('admin.state')]} withActions pending={channels.isPending} minWidth={820}>
        {channels.data?.map((ch) => (
          <Table.Tr key={ch.id} data-testid="chat-channel-row">
            <Table.Td fw={500}>
              <Group gap="xs" wrap="nowrap">
                <ColorSwatch color={ch.colors.primary} size={16} aria-hidden />
                {ch.name}
              </Group>
            </Table.Td>
            <Table.Td>{ch.team?.name ?? <Text c="dimmed" size="sm">{t('admin.noTeam')}</Text>}</Table.Td>
            <Table.Td>{ch.languages.map((l) => l.toUpperCase()).join(', ')}</Table.Td>
            <Table.Td maw={280}>
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {ch.allowedOrigins.join(', ')}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={ch.active ? 'green' : 'gray'}>{ch.active ? t('admin.on') : t('admin.off')}</Badge>
            </Table.Td>
            <Table.Td ta="right">
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Tooltip label={t('admin.embed', { name: ch.name })}>
                  <ActionIcon variant="subtle" color="gray" onClick={() => setEmbed(ch)} aria-label={t('admin.embed', { name: ch.name })} data-testid="chat-channel-embed">
                    <IconCode size={18} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('admin.edit', { name: ch.name })}>
                  <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(ch)} aria-label={t('admin.edit', { name: ch.name })} data-testid="chat-channel-edit">
                    <IconPencil size={18} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </AdminTable>
      {channels.data?.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('admin.none')}
        </Text>
      )}
      {editing !== undefined && <ChannelModal channel={editing} onClose={() => setEditing(undefined)} />}
      {embed && <EmbedModal channel={channels.data?.find((c) => c.id === embed.id) ?? embed} onClose={() => setEmbed(null)} />}
    </>
  );
}
