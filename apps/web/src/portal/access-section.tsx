import { useEffect, useState, type ReactNode } from 'react';
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, MultiSelect, Paper, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, put, type Page } from '../api/client.ts';
import { useTeams } from '../api/hooks.ts';
import type { Organization } from '../api/types.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { configKey, type PortalAdminConfig } from './types.ts';

function Section({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed" maw={720}>
            {intro}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/** Which teams customers can write to (topics), in order; warns when a topic could never be used. */
function TopicsSection({ config }: { config: PortalAdminConfig }) {
  const { t } = useTranslation('portal');
  const qc = useQueryClient();
  const teams = useTeams();
  const [teamIds, setTeamIds] = useState<string[]>(config.topics.map((x) => x.teamId));
  useEffect(() => setTeamIds(config.topics.map((x) => x.teamId)), [config.topics]);
  const save = useMutation({
    mutationFn: () => put<PortalAdminConfig>('/portal/admin/topics', { teamIds }),
    onSuccess: (c) => {
      qc.setQueryData(configKey, c);
      notifySaved(t('topics.saved'));
    },
    onError: (err) => notifyFailed(err),
  });
  const blocked = config.topics.filter((x) => x.hiddenRequiredFields.length > 0);
  return (
    <Section title={t('topics.title')} intro={t('topics.intro')}>
      <MultiSelect
        label={t('topics.teams')}
        placeholder={teamIds.length ? undefined : t('topics.none')}
        data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
        value={teamIds}
        onChange={setTeamIds}
        searchable
        maw={560}
        data-testid="portal-topics"
      />
      {blocked.map((x) => (
        <Alert key={x.teamId} color="orange" variant="light">
          {t('topics.hiddenRequired', { team: x.name, fields: x.hiddenRequiredFields.join(', ') })}
        </Alert>
      ))}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="portal-topics-save">
          {t('save')}
        </Button>
      </Group>
    </Section>
  );
}

/** Which case fields customers see on the form and on their requests. */
function FieldsSection({ config }: { config: PortalAdminConfig }) {
  const { t } = useTranslation('portal');
  const qc = useQueryClient();
  const [visible, setVisible] = useState<string[]>(config.fields.filter((f) => f.customerVisible).map((f) => f.id));
  useEffect(() => setVisible(config.fields.filter((f) => f.customerVisible).map((f) => f.id)), [config.fields]);
  const save = useMutation({
    mutationFn: () => put<PortalAdminConfig>('/portal/admin/fields', { customerVisibleFieldIds: visible }),
    onSuccess: (c) => {
      qc.setQueryData(configKey, c);
      notifySaved(t('fields.saved'));
    },
    onError: (err) => notifyFailed(err),
  });
  return (
    <Section title={t('fields.title')} intro={t('fields.intro')}>
      {config.fields.length === 0 ? (
        <Text size="sm">{t('fields.none')}</Text>
      ) : (
        <Checkbox.Group value={visible} onChange={setVisible} label={t('fields.label')}>
          <Stack gap={6} mt="xs">
            {config.fields.map((f) => (
              <Checkbox key={f.id} value={f.id} label={f.active ? f.label : `${f.label} (${t('fields.inactive')})`} data-testid={`portal-field-${f.key}`} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={config.fields.length === 0} data-testid="portal-fields-save">
          {t('save')}
        </Button>
      </Group>
    </Section>
  );
}

/** Organizations whose members see each other's requests; others see only their own. */
function SharingSection({ config }: { config: PortalAdminConfig }) {
  const { t } = useTranslation('portal');
  const qc = useQueryClient();
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['organizations', 'search', search],
    queryFn: () => get<Page<Organization>>('/organizations', { q: search, limit: 20 }).then((p) => p.items),
    staleTime: 30_000,
  });
  const share = useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) => put<PortalAdminConfig>(`/portal/admin/organizations/${id}`, { membersSeeRequests: on }),
    onSuccess: (c) => {
      qc.setQueryData(configKey, c);
      notifySaved(t('sharing.saved'));
    },
    onError: (err) => notifyFailed(err),
  });
  const sharing = new Set(config.sharingOrganizations.map((o) => o.id));
  return (
    <Section title={t('sharing.title')} intro={t('sharing.intro')}>
      {config.sharingOrganizations.length === 0 ? (
        <Text size="sm">{t('sharing.none')}</Text>
      ) : (
        <Group gap="xs">
          {config.sharingOrganizations.map((o) => (
            <Badge key={o.id} size="lg" variant="light" tt="none" rightSection={
              <Tooltip label={t('sharing.stop', { name: o.name })}>
                <ActionIcon size="xs" variant="transparent" color="red" aria-label={t('sharing.stop', { name: o.name })} onClick={() => share.mutate({ id: o.id, on: false })}>
                  <IconTrash size={12} />
                </ActionIcon>
              </Tooltip>
            }>
              {o.name}
            </Badge>
          ))}
        </Group>
      )}
      <Select
        label={t('sharing.add')}
        placeholder={t('sharing.search')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={(found.data ?? []).filter((o) => !sharing.has(o.id)).map((o) => ({ value: o.id, label: o.name }))}
        value={null}
        onChange={(id) => id && share.mutate({ id, on: true })}
        nothingFoundMessage={t('sharing.nothingFound')}
        maw={420}
        data-testid="portal-sharing-add"
      />
    </Section>
  );
}

/** Topics, customer-visible fields and sharing organizations. */
export function AccessSection() {
  const config = useQuery({ queryKey: configKey, queryFn: () => get<PortalAdminConfig>('/portal/admin') });
  if (config.isError) return <ErrorState error={config.error} onRetry={() => void config.refetch()} />;
  if (!config.data) return null;
  return (
    <>
      <TopicsSection config={config.data} />
      <FieldsSection config={config.data} />
      <SharingSection config={config.data} />
    </>
  );
}
