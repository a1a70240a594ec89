import { useState } from 'react';
import { ActionIcon, Badge, Button, Code, Group, Popover, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPlayerPlay, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';
import { del, get, post } from '../api/client.ts';
import { useFormat } from '../i18n/format.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { notify, notifyFailed } from '../ui/notify.ts';
import { AdminTable } from './admin-table.tsx';
import { JobPayload } from './job-payload.tsx';

type Job = z.infer<typeof C.Job>;
type JobList = z.infer<typeof C.JobList>;
type JobStats = z.infer<typeof C.JobStatsResponse>;
type JobState = Job['state'];

const REFRESH_MS = 5000;

/** Queue depth per job kind: how much work waits and whether a worker is behind. */
function KindsTable() {
  const { t } = useTranslation('jobs');
  const format = useFormat();
  const stats = useQuery({ queryKey: ['jobs', 'stats'], queryFn: () => get<JobStats>('/admin/jobs/stats'), refetchInterval: REFRESH_MS });
  const probe = useMutation({
    mutationFn: () => post('/admin/jobs/probe', { count: 1, tag: 'admin-check' }),
    onSuccess: () => notify('green', t('probe.queued')),
    onError: (err) => notifyFailed(err, t('probe.failed')),
  });
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('intro')}
        </Text>
        <Button variant="light" leftSection={<IconPlayerPlay size={16} />} loading={probe.isPending} onClick={() => probe.mutate()} data-testid="jobs-probe">
          {t('probe.button')}
        </Button>
      </Group>
      <AdminTable columns={[t('kind'), t('states.queued'), t('states.running'), t('states.dead'), t('oldestDue')]} withActions={false} pending={stats.isPending} minWidth={600} skeletonRows={2}>
        {stats.data?.kinds.map((k) => (
          <Table.Tr key={k.name} data-testid="job-kind-row">
            <Table.Td>
              <Code>{k.name}</Code>
            </Table.Td>
            <Table.Td>{format.number(k.queued)}</Table.Td>
            <Table.Td>{format.number(k.running)}</Table.Td>
            <Table.Td>{k.dead > 0 ? <Badge color="red">{format.number(k.dead)}</Badge> : 0}</Table.Td>
            <Table.Td>{k.oldestDueAt ? format.relative(k.oldestDueAt) : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </AdminTable>
      {stats.data?.kinds.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="sm" data-testid="jobs-idle">
          {t('idle')}
        </Text>
      )}
    </Stack>
  );
}

function JobRowActions({ job }: { job: Job }) {
  const { t } = useTranslation('jobs');
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => void client.invalidateQueries({ queryKey: ['jobs'] });
  const retry = useMutation({
    mutationFn: () => post(`/admin/jobs/${job.id}/retry`),
    onSuccess: () => {
      notify('green', t('retried', { id: job.id }));
      refresh();
    },
    onError: (err) => notifyFailed(err, t('retryFailed')),
  });
  const remove = useMutation({
    mutationFn: () => del(`/admin/jobs/${job.id}`),
    onSuccess: () => {
      setConfirming(false);
      refresh();
    },
    onError: (err) => notifyFailed(err, t('deleteFailed')),
  });
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Tooltip label={t('retry')}>
        <ActionIcon variant="subtle" onClick={() => retry.mutate()} loading={retry.isPending} aria-label={t('retryJob', { id: job.id })} data-testid="job-retry">
          <IconRefresh size={18} />
        </ActionIcon>
      </Tooltip>
      <Popover opened={confirming} onChange={setConfirming} position="left" withArrow trapFocus>
        <Popover.Target>
          <ActionIcon variant="subtle" color="red" onClick={() => setConfirming((o) => !o)} aria-label={t('deleteJob', { id: job.id })} data-testid="job-delete">
            <IconTrash size={18} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Text size="sm" mb="xs">
            {t('confirmDelete')}
          </Text>
          <Group gap="xs" justify="flex-end">
            <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
            <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate()} data-testid="job-delete-confirm">
              {t('delete')}
            </Button>
          </Group>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}

/** The jobs of one state, newest first; the dead-letter list by default, with retry and delete. */
function JobsList() {
  const { t } = useTranslation('jobs');
  const format = useFormat();
  const [state, setState] = useState<JobState>('dead');
  const jobs = useInfiniteQuery({
    queryKey: ['jobs', 'list', state],
    queryFn: ({ pageParam }) => get<JobList>('/admin/jobs', { state, limit: 50, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    refetchInterval: REFRESH_MS,
  });
  const items = jobs.data?.pages.flatMap((p) => p.items) ?? [];
  const isDead = state === 'dead';
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t(`lists.${state}`)}
        </Title>
        <SegmentedControl
          value={state}
          onChange={(v) => setState(v as JobState)}
          aria-label={t('stateFilter')}
          data={(['dead', 'queued', 'running'] as const).map((s) => ({ value: s, label: t(`states.${s}`) }))}
          data-testid="jobs-state"
        />
      </Group>
      {jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <AdminTable columns={[t('id'), t('kind'), t('attempts'), t('lastError'), isDead ? t('failedAt') : t('runAt'), t('payload')]} withActions={isDead} pending={jobs.isPending} minWidth={900}>
          {items.map((job) => (
            <Table.Tr key={job.id} data-testid="job-row">
              <Table.Td>{job.id}</Table.Td>
              <Table.Td>
                <Code>{job.name}</Code>
              </Table.Td>
              <Table.Td>
                {job.attempts} / {job.maxAttempts}
              </Table.Td>
              <Table.Td maw={360}>
                <Text size="sm" c={job.lastError ? 'var(--mantine-color-error)' : 'dimmed'} style={{ wordBreak: 'break-word' }} lineClamp={3} title={job.lastError ?? undefined}>
                  {job.lastError ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>{format.dateTime(isDead ? (job.finishedAt ?? job.runAt) : job.runAt)}</Table.Td>
              <Table.Td maw={320}>
                <JobPayload id={job.id} name={job.name} payload={job.payload} />
              </Table.Td>
              {isDead && (
                <Table.Td>
                  <JobRowActions job={job} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </AdminTable>
      )}
      {!jobs.isPending && items.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="sm" data-testid="jobs-empty">
          {t(`empty.${state}`)}
        </Text>
      )}
      {jobs.hasNextPage && (
        <Button variant="subtle" onClick={() => void jobs.fetchNextPage()} loading={jobs.isFetchingNextPage}>
          {t('more')}
        </Button>
      )}
    </Stack>
  );
}

/** Admin → Jobs: queue depth per kind and the dead-letter list with retry. */
export function JobsTab() {
  return (
    <Stack gap="xl">
      <KindsTable />
      <JobsList />
    </Stack>
  );
}
