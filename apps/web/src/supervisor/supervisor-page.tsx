import { Alert, Box, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { useFormat } from '../i18n/format.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { TeamCard } from './team-card.tsx';
import { useSupervisorOverview } from './use-overview.ts';

function OnlyForSupervisors() {
  const { t } = useTranslation('supervisor');
  return (
    <Alert color="blue" icon={<IconLock size={18} />} title={t('forbidden.title')} maw={560} data-testid="supervisor-forbidden">
      {t('forbidden.body')}
    </Alert>
  );
}

/** Supervisor (/supervisor): the live state of the supervisor's teams, refreshed every 15 seconds. */
export default function SupervisorPage() {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  const { user } = useSession();
  const allowed = user.role === 'supervisor' || user.role === 'admin';
  const overview = useSupervisorOverview(allowed);
  const forbidden = !allowed || (overview.error instanceof ApiError && overview.error.status === 403);

  return (
    <Box style={{ flex: 1, overflow: 'auto' }} p="md">
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Title order={2} size="h3">
          {t('title')}
        </Title>
        {!forbidden && (
          <Group gap="sm" wrap="nowrap">
            {overview.dataUpdatedAt > 0 && (
              <Text size="xs" c="dimmed" aria-live="polite" data-testid="supervisor-updated">
                {t('updated', { time: f.dateTime(new Date(overview.dataUpdatedAt), { timeStyle: 'medium' }) })}
              </Text>
            )}
            <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} loading={overview.isFetching} onClick={() => void overview.refetch()}>
              {t('refresh')}
            </Button>
          </Group>
        )}
      </Group>
      {forbidden ? (
        <OnlyForSupervisors />
      ) : overview.isError && !overview.data ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : overview.isPending ? (
        <Stack>
          <Skeleton h={240} radius="md" />
          <Skeleton h={240} radius="md" />
        </Stack>
      ) : overview.data.teams.length === 0 ? (
        <Text c="dimmed">{t('noTeams')}</Text>
      ) : (
        <Stack>
          {overview.data.teams.map((team) => (
            <TeamCard key={team.team.id} overview={team} />
          ))}
        </Stack>
      )}
    </Box>
  );
}
