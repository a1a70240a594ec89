import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, post } from '../api/client.ts';
import { useTeams } from '../api/hooks.ts';
import { AdminTable } from '../admin/admin-table.tsx';
import { useFormat } from '../i18n/format.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { ModalActions } from '../ui/modal-actions.tsx';
import { localize } from './draft-ops.ts';
import { flowsKey, useFlows } from './queries.ts';
import type { Flow, FlowSummary } from './types.ts';

function NewFlowModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('flows');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const teams = useTeams();
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useMutation({
    mutationFn: () => post<Flow>('/flows', { slug, title: { en: title }, teamId }, { idempotencyKey }),
    onSuccess: (flow) => {
      void qc.invalidateQueries({ queryKey: flowsKey });
      navigate(`/flows/${flow.id}`);
    },
  });
  const fieldError = (f: string) => (create.error instanceof ApiError ? create.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const suggestSlug = (v: string) =>
    v
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80);
  return (
    <Modal opened onClose={onClose} title={t('list.newTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('list.title')}
            description={t('list.titleHint')}
            required
            value={title}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (!slug || slug === suggestSlug(title)) setSlug(suggestSlug(v));
              setTitle(v);
            }}
            error={fieldError('title.en')}
            data-testid="new-flow-title"
          />
          <TextInput label={t('settings.slug')} description={t('settings.slugHint')} required value={slug} onChange={(e) => setSlug(e.currentTarget.value.trim())} error={fieldError('slug')} data-testid="new-flow-slug" />
          <Select label={t('settings.team')} data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} value={teamId} onChange={setTeamId} clearable comboboxProps={{ withinPortal: true }} />
          {create.error && !(create.error instanceof ApiError && create.error.errors.length) && (
            <Text c="red" size="sm" role="alert">
              {(create.error as Error).message}
            </Text>
          )}
          <ModalActions onCancel={onClose} loading={create.isPending} submitLabel={t('list.create')} submitTestId="new-flow-save" />
        </Stack>
      </form>
    </Modal>
  );
}

function StatusBadges({ flow }: { flow: FlowSummary }) {
  const { t } = useTranslation('flows');
  return (
    <Group gap={4}>
      {flow.publishedVersion === null ? (
        <Badge size="sm" color="gray" variant="light" tt="none">
          {t('list.draftOnly')}
        </Badge>
      ) : (
        <Badge size="sm" color="green" variant="light" tt="none">
          {t('list.published', { version: flow.publishedVersion })}
        </Badge>
      )}
      {flow.publishedVersion !== null && flow.unpublishedChanges && (
        <Badge size="sm" color="yellow" variant="light" tt="none">
          {t('list.unpublished')}
        </Badge>
      )}
      {flow.public && (
        <Badge size="sm" color="blue" variant="outline" tt="none">
          {t('list.public')}
        </Badge>
      )}
      {flow.archived && (
        <Badge size="sm" color="gray" variant="outline" tt="none">
          {t('list.archived')}
        </Badge>
      )}
    </Group>
  );
}

/** Every flow with its state, team, suggestion tags and how often it ran; a new flow starts here. */
export function FlowList() {
  const { t, i18n } = useTranslation('flows');
  const f = useFormat();
  const flows = useFlows();
  const [creating, setCreating] = useState(false);
  if (flows.isError) return <ErrorState error={flows.error} onRetry={() => void flows.refetch()} />;
  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-start">
        <Text size="sm" c="dimmed" maw={680}>
          {t('list.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-flow">
          {t('list.new')}
        </Button>
      </Group>
      <AdminTable columns={[t('list.title'), t('list.state'), t('settings.team'), t('settings.tags'), t('list.runs'), t('list.updated')]} withActions={false} pending={flows.isPending} minWidth={860}>
        {(flows.data ?? []).map((flow) => (
          <Table.Tr key={flow.id} data-testid="flow-row" data-slug={flow.slug}>
            <Table.Td>
              <Anchor component={Link} to={`/flows/${flow.id}`} fw={600} size="sm">
                {localize(flow.title, i18n.language) || flow.slug}
              </Anchor>
              <Text size="xs" c="dimmed">
                {flow.slug}
              </Text>
            </Table.Td>
            <Table.Td>
              <StatusBadges flow={flow} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{flow.team?.name ?? '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {flow.tags.map((tag) => (
                  <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
                    #{tag}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{f.number(flow.runs)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{f.relative(flow.updatedAt)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </AdminTable>
      {creating && <NewFlowModal onClose={() => setCreating(false)} />}
    </>
  );
}
