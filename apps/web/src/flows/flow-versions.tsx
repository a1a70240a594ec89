import { useState } from 'react';
import { Badge, Grid, Paper, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { FlowTree } from './flow-tree.tsx';
import { useFlowVersion } from './queries.ts';
import type { Flow } from './types.ts';

/** Published versions, newest first, and the tree of the one selected (read-only: published versions never change). */
export function FlowVersions({ flow }: { flow: Flow }) {
  const { t, i18n } = useTranslation('flows');
  const f = useFormat();
  const [shown, setShown] = useState<number | null>(flow.publishedVersion);
  const version = useFlowVersion(flow.id, shown);
  if (flow.versions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('versions.none')}
      </Text>
    );
  }
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Table verticalSpacing={4} data-testid="flow-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('versions.version')}</Table.Th>
              <Table.Th>{t('versions.publishedAt')}</Table.Th>
              <Table.Th>{t('versions.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {flow.versions.map((v) => (
              <Table.Tr key={v.version} bg={shown === v.version ? 'var(--mantine-primary-color-light)' : undefined}>
                <Table.Td>
                  <UnstyledButton onClick={() => setShown(v.version)} aria-pressed={shown === v.version} data-testid={`flow-version-${v.version}`}>
                    <Text size="sm" fw={600}>
                      v{v.version}
                    </Text>
                  </UnstyledButton>{' '}
                  {v.version === flow.publishedVersion && (
                    <Badge size="xs" color="green" variant="light" tt="none">
                      {t('versions.current')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{f.dateTime(v.publishedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{v.publishedBy?.name ?? t('versions.system')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt="xs">
          {t('versions.pinned')}
        </Text>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder p="sm">
          {version.isPending ? <Skeleton h={120} /> : version.data ? <FlowTree def={version.data.definition} lang={i18n.language} /> : null}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
