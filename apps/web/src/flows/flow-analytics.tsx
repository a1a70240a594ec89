import { useState } from 'react';
import { Alert, Badge, Group, Paper, Progress, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { useFlowAnalytics } from './queries.ts';
import type { Flow } from './types.ts';

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/** How runs end (per outcome) and where they are abandoned, over all versions or one. */
export function FlowAnalyticsView({ flow }: { flow: Flow }) {
  const { t } = useTranslation('flows');
  const f = useFormat();
  const [version, setVersion] = useState<number | null>(null);
  const a = useFlowAnalytics(flow.id, version);
  if (a.isError) return <ErrorState error={a.error} onRetry={() => void a.refetch()} />;
  const pct = (n: number, of: number) => (of ? Math.round((n / of) * 100) : 0);
  return (
    <Stack gap="md" data-testid="flow-analytics">
      <Select
        size="xs"
        w={220}
        label={t('analytics.version')}
        data={[{ value: '', label: t('analytics.allVersions') }, ...flow.versions.map((v) => ({ value: String(v.version), label: `v${v.version}` }))]}
        value={version === null ? '' : String(version)}
        onChange={(v) => setVersion(v ? Number(v) : null)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      {a.isPending ? (
        <Skeleton h={160} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
            <Stat label={t('analytics.runs')} value={f.number(a.data.runs)} testId="flow-stat-runs" />
            <Stat label={t('analytics.completed')} value={f.number(a.data.completed)} testId="flow-stat-completed" />
            <Stat label={t('analytics.abandoned')} value={f.number(a.data.abandoned)} testId="flow-stat-abandoned" />
            <Stat label={t('analytics.active')} value={f.number(a.data.active)} testId="flow-stat-active" />
            <Stat label={t('analytics.selfService')} value={f.number(a.data.byChannel.selfService)} testId="flow-stat-self" />
            <Stat label={t('analytics.requests')} value={f.number(a.data.requests)} testId="flow-stat-requests" />
          </SimpleGrid>
          {a.data.abandonedAt[0] && (
            <Alert color="yellow" p="xs" data-testid="flow-most-abandoned">
              {t('analytics.mostAbandoned', { text: a.data.abandonedAt[0].text, step: a.data.abandonedAt[0].stepId, count: a.data.abandonedAt[0].runs })}
            </Alert>
          )}
          <div>
            <Title order={3} size="h5" mb="xs">
              {t('analytics.outcomes')}
            </Title>
            {a.data.outcomes.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('analytics.noOutcomes')}
              </Text>
            ) : (
              <Table verticalSpacing={4} data-testid="flow-outcome-table">
                <Table.Tbody>
                  {a.data.outcomes.map((o) => (
                    <Table.Tr key={o.stepId}>
                      <Table.Td w="45%">
                        <Group gap={6} wrap="nowrap">
                          {o.kind && (
                            <Badge size="xs" variant="light" tt="none" style={{ flexShrink: 0 }}>
                              {t(`kind.${o.kind}`)}
                            </Badge>
                          )}
                          <Text size="sm">{o.text}</Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Progress value={pct(o.runs, a.data.completed)} aria-label={t('analytics.share', { text: o.text })} />
                      </Table.Td>
                      <Table.Td w={90} ta="right">
                        <Text size="sm">
                          {f.number(o.runs)} ({pct(o.runs, a.data.completed)} %)
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </div>
          <div>
            <Title order={3} size="h5" mb="xs">
              {t('analytics.abandonedAt')}
            </Title>
            {a.data.abandonedAt.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('analytics.noneAbandoned')}
              </Text>
            ) : (
              <Table verticalSpacing={4} data-testid="flow-abandoned-table">
                <Table.Tbody>
                  {a.data.abandonedAt.map((s) => (
                    <Table.Tr key={s.stepId}>
                      <Table.Td>
                        <Text size="sm">
                          {s.text}{' '}
                          <Badge size="xs" variant="outline" color="gray" tt="none">
                            {s.stepId}
                          </Badge>
                        </Text>
                      </Table.Td>
                      <Table.Td w={90} ta="right">
                        <Text size="sm">{f.number(s.runs)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </div>
          <Text size="xs" c="dimmed">
            {t('analytics.abandonedHint')}
          </Text>
        </>
      )}
    </Stack>
  );
}
