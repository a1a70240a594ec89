import { useMemo, useState } from 'react';
import { ActionIcon, Badge, Button, Group, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPencil, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { isLanguage, languageNames } from '../i18n/index.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { EditUserModal } from './edit-user-modal.tsx';
import { InviteUserModal } from './invite-user-modal.tsx';
import { useAllUsers } from './queries.ts';
import { AdminTable } from './admin-table.tsx';

const roleColor: Record<string, string> = { admin: 'grape', supervisor: 'teal', agent: 'blue' };

/** Admin → Agents: every staff user, with inviting and editing for administrators. */
export function UsersTab() {
  const { t } = useTranslation('admin');
  const { user: me } = useSession();
  const isAdmin = me.role === 'admin';
  const users = useAllUsers();
  const [filter, setFilter] = useState('');
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const list = users.data ?? [];
    return q ? list.filter((u) => u.name.toLowerCase().includes(q) || u.email.toLowerCase().includes(q)) : list;
  }, [users.data, filter]);

  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  return (
    <>
      <Group justify="space-between" mb="sm">
        <TextInput
          label={t('users.filter')}
          placeholder={t('users.filterPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={320}
          maw="100%"
        />
        {isAdmin && (
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)} data-testid="invite-agent" style={{ alignSelf: 'flex-end' }}>
            {t('users.invite')}
          </Button>
        )}
      </Group>
      <AdminTable columns={[t('users.name'), t('users.email'), t('users.role'), t('users.teams'), t('users.state'), t('users.language')]} withActions={isAdmin} pending={users.isPending} minWidth={860} skeletonRows={4}>
            {shown.map((u) => (
              <Table.Tr key={u.id} data-testid="user-row" data-user-id={u.id} data-email={u.email}>
                <Table.Td fw={500}>{u.name}</Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>
                  <Badge color={roleColor[u.role] ?? 'gray'} styles={{ label: { overflow: 'visible' } }}>{t(`common:role.${u.role}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {u.teams.length === 0 && (
                      <Text size="sm" c="dimmed">
                        {t('users.noTeams')}
                      </Text>
                    )}
                    {u.teams.map((team) => (
                      <Badge key={team.id} color="gray" variant="outline">
                        {team.name}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge color={u.active ? 'green' : 'gray'} data-testid="user-active" data-active={u.active}>
                    {u.active ? t('active') : t('inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>{isLanguage(u.language) ? languageNames[u.language] : u.language}</Table.Td>
                {isAdmin && (
                  <Table.Td ta="right">
                    <Tooltip label={t('users.edit', { name: u.name })}>
                      <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(u)} aria-label={t('users.edit', { name: u.name })} data-testid="user-edit">
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
      </AdminTable>
      {users.data && shown.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('users.none')}
        </Text>
      )}
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
