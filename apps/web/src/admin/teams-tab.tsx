import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconForms, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../api/hooks.ts';
import type { Team } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { useFormat } from '../i18n/format.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { TeamFormModal } from './team-form-modal.tsx';
import { TeamModal } from './team-modal.tsx';
import { AdminTable } from './admin-table.tsx';

/** Admin → Teams: the departments, their members, and the case fields each one's form asks for. */
export function TeamsTab() {
  const { t } = useTranslation('admin');
  const f = useFormat();
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const teams = useTeams();
  // undefined: closed; null: a new team.
  const [editing, setEditing] = useState<Team | null | undefined>(undefined);
  const [formOf, setFormOf] = useState<Team | null>(null);

  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />;
  return (
    <>
      {isAdmin && (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="new-team">
            {t('teams.new')}
          </Button>
        </Group>
      )}
      <AdminTable columns={[t('teams.name'), t('teams.description'), t('teams.members')]} withActions={isAdmin} pending={teams.isPending} minWidth={720}>
            {teams.data?.map((team) => (
              <Table.Tr key={team.id} data-testid="team-row" data-team-id={team.id}>
                <Table.Td fw={500}>{team.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={team.description ? undefined : 'dimmed'} lineClamp={2}>
                    {team.description || t('teams.noDescription')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={team.members.map((m) => m.name).join(', ') || t('teams.noMembers')} multiline maw={320}>
                    <Badge color="gray" data-testid="team-member-count" tabIndex={0}>
                      {t('teams.memberCount', { count: team.members.length, formatted: f.number(team.members.length) })}
                    </Badge>
                  </Tooltip>
                </Table.Td>
                {isAdmin && (
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button variant="subtle" size="xs" leftSection={<IconForms size={14} />} onClick={() => setFormOf(team)} data-testid="team-form">
                        {t('teams.form')}
                      </Button>
                      <Tooltip label={t('teams.edit', { name: team.name })}>
                        <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(team)} aria-label={t('teams.edit', { name: team.name })} data-testid="team-edit">
                          <IconPencil size={18} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
      </AdminTable>
      {teams.data?.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('teams.none')}
        </Text>
      )}
      {editing !== undefined && <TeamModal team={editing} onClose={() => setEditing(undefined)} />}
      {formOf && <TeamFormModal team={formOf} onClose={() => setFormOf(null)} />}
    </>
  );
}
