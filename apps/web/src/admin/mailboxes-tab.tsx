import { useState } from 'react';
import { ActionIcon, Badge, Button, Code, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTemplate } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client.ts';
import { MailboxModal, type Mailbox } from '../email/mailbox-modal.tsx';
import { TemplatesModal } from '../email/templates-modal.tsx';
import { useFormat } from '../i18n/format.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { AdminTable } from './admin-table.tsx';

/** Admin → Mailboxes: the addresses Switchboard receives mail for and the team each routes to. */
export function MailboxesTab() {
  const { t } = useTranslation('email');
  const format = useFormat();
  const mailboxes = useQuery({ queryKey: ['mailboxes'], queryFn: () => get<{ items: Mailbox[] }>('/mailboxes').then((r) => r.items) });
  const [editing, setEditing] = useState<Mailbox | null | undefined>(undefined);
  /** The mailbox whose templates are open; null: the shared ones. */
  const [templatesOf, setTemplatesOf] = useState<Mailbox | null | undefined>(undefined);
  if (mailboxes.isError) return <ErrorState error={mailboxes.error} onRetry={() => void mailboxes.refetch()} />;
  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('mailboxes.intro')}
        </Text>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconTemplate size={16} />} onClick={() => setTemplatesOf(null)} data-testid="shared-templates">
            {t('templates.shared')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="new-mailbox">
            {t('mailboxes.new')}
          </Button>
        </Group>
      </Group>
      <AdminTable columns={[t('mailboxes.name'), t('mailboxes.address'), t('mailboxes.team'), t('mailboxes.state'), t('mailboxes.imap.column')]} withActions pending={mailboxes.isPending} minWidth={820}>
        {mailboxes.data?.map((m) => (
          <Table.Tr key={m.id} data-testid="mailbox-row">
            <Table.Td fw={500}>{m.name}</Table.Td>
            <Table.Td>
              <Code>{m.address}</Code>
            </Table.Td>
            <Table.Td>{m.team?.name ?? <Text c="dimmed" size="sm">{t('mailboxes.noTeam')}</Text>}</Table.Td>
            <Table.Td>
              <Badge color={m.active ? 'green' : 'gray'}>{m.active ? t('mailboxes.on') : t('mailboxes.off')}</Badge>
            </Table.Td>
            <Table.Td maw={320}>
              {m.imap.enabled ? (
                m.imap.lastError ? (
                  <Text size="sm" c="var(--mantine-color-error)" style={{ wordBreak: 'break-word' }}>
                    {t('mailboxes.imap.failing', { error: m.imap.lastError })}
                  </Text>
                ) : (
                  <Text size="sm">{m.imap.checkedAt ? t('mailboxes.imap.checked', { when: format.relative(m.imap.checkedAt) }) : t('mailboxes.imap.waiting')}</Text>
                )
              ) : (
                <Text size="sm" c="dimmed">
                  {t('mailboxes.imap.off')}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              <Tooltip label={t('templates.edit', { name: m.name })}>
                <ActionIcon variant="subtle" color="gray" onClick={() => setTemplatesOf(m)} aria-label={t('templates.edit', { name: m.name })} data-testid="mailbox-templates">
                  <IconTemplate size={18} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('mailboxes.edit', { name: m.name })}>
                <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(m)} aria-label={t('mailboxes.edit', { name: m.name })} data-testid="mailbox-edit">
                  <IconPencil size={18} />
                </ActionIcon>
              </Tooltip>
            </Table.Td>
          </Table.Tr>
        ))}
      </AdminTable>
      {mailboxes.data?.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('mailboxes.none')}
        </Text>
      )}
      {editing !== undefined && <MailboxModal mailbox={editing} onClose={() => setEditing(undefined)} />}
      {templatesOf !== undefined && (
        <TemplatesModal
          mailboxId={templatesOf?.id ?? null}
          title={templatesOf ? t('templates.titleMailbox', { name: templatesOf.name }) : t('templates.titleShared')}
          onClose={() => setTemplatesOf(undefined)}
        />
      )}
    </>
  );
}
