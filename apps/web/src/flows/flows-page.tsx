import { useCallback, useState } from 'react';
import { Anchor, Badge, Box, Button, Group, Skeleton, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconChartBar, IconHistory, IconRocket, IconSettings, IconSitemap } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router';
import { post } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { localize } from './draft-ops.ts';
import { FlowAnalyticsView } from './flow-analytics.tsx';
import { FlowEditor } from './flow-editor.tsx';
import { FlowList } from './flow-list.tsx';
import { FlowSettings } from './flow-settings.tsx';
import { FlowVersions } from './flow-versions.tsx';
import { flowsKey, useFlow } from './queries.ts';
import type { Flow } from './types.ts';

/** One flow: header with its state and "Publish", tabs for the tree editor, settings, versions, analytics. */
function FlowDetail() {
  const { t, i18n } = useTranslation('flows');
  const { id } = useParams();
  const qc = useQueryClient();
  const flow = useFlow(id!);
  const [tab, setTab] = useState<string>('editor');
  const [dirty, setDirty] = useState(false);
  const onDirty = useCallback((d: boolean) => setDirty(d), []);
  const publish = useMutation({
    mutationFn: (f: Flow) => post<Flow>(`/flows/${f.id}/publish`, { version: f.version }),
    onSuccess: (saved) => {
      qc.setQueryData([...flowsKey, saved.id], saved);
      void qc.invalidateQueries({ queryKey: flowsKey, exact: true });
      notifySaved(t('detail.publishedNotice', { version: saved.publishedVersion }));
    },
    onError: (err) => notifyFailed(err, t('detail.publishFailed')),
  });
  if (flow.isPending) return <Skeleton h={200} />;
  if (flow.isError) return <ErrorState error={flow.error} onRetry={() => void flow.refetch()} />;
  const f = flow.data;
  const errors = f.issues.filter((i) => i.severity === 'error').length;
  const blocked = dirty ? t('detail.saveFirst') : errors ? t('detail.fixFirst', { count: errors }) : !f.unpublishedChanges ? t('detail.nothingNew') : null;
  return (
    <>
      <Anchor component={Link} to="/flows" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" my="sm">
        <div>
          <Title order={2} size="h3" data-testid="flow-title-heading">
            {localize(f.draft.title, i18n.language) || f.slug}
          </Title>
          <Group gap={4} mt={4}>
            <Badge size="sm" variant="light" color={f.publishedVersion ? 'green' : 'gray'} tt="none" data-testid="flow-published-version">
              {f.publishedVersion ? t('list.published', { version: f.publishedVersion }) : t('list.draftOnly')}
            </Badge>
            {f.publishedVersion !== null && f.unpublishedChanges && (
              <Badge size="sm" variant="light" color="yellow" tt="none">
                {t('list.unpublished')}
              </Badge>
            )}
          </Group>
        </div>
        <Tooltip label={blocked} disabled={!blocked}>
          <span>
            <Button leftSection={<IconRocket size={16} />} disabled={!!blocked} loading={publish.isPending} onClick={() => publish.mutate(f)} data-testid="flow-publish">
              {t('detail.publish', { version: (f.versions[0]?.version ?? 0) + 1 })}
            </Button>
          </span>
        </Tooltip>
      </Group>
      <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="editor" leftSection={<IconSitemap size={16} aria-hidden />} data-testid="flow-tab-editor">
            {t('detail.tabs.editor')}
          </Tabs.Tab>
          <Tabs.Tab value="settings" leftSection={<IconSettings size={16} aria-hidden />} data-testid="flow-tab-settings">
            {t('detail.tabs.settings')}
          </Tabs.Tab>
          <Tabs.Tab value="versions" leftSection={<IconHistory size={16} aria-hidden />} data-testid="flow-tab-versions">
            {t('detail.tabs.versions')}
          </Tabs.Tab>
          <Tabs.Tab value="analytics" leftSection={<IconChartBar size={16} aria-hidden />} data-testid="flow-tab-analytics">
            {t('detail.tabs.analytics')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="editor" pt="md">
          <FlowEditor flow={f} onDirty={onDirty} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <FlowSettings key={f.version} flow={f} />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <FlowVersions key={f.publishedVersion ?? 0} flow={f} />
        </Tabs.Panel>
        <Tabs.Panel value="analytics" pt="md">
          <FlowAnalyticsView flow={f} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** Troubleshooting flows (/flows, /flows/:id) for supervisors and admins. */
export default function FlowsPage() {
  const { t } = useTranslation('flows');
  const { user } = useSession();
  return (
    <Box style={{ flex: 1, overflow: 'auto' }} p="md">
      {user.role === 'supervisor' || user.role === 'admin' ? (
        <Routes>
          <Route
            index
            element={
              <>
                <Title order={2} size="h3" mb="md">
                  {t('list.heading')}
                </Title>
                <FlowList />
              </>
            }
          />
          <Route path=":id" element={<FlowDetail />} />
        </Routes>
      ) : (
        <Text c="dimmed">{t('list.managersOnly')}</Text>
      )}
    </Box>
  );
}
