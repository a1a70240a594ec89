import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, Group, Modal, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLinkOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { del, get, post } from '../api/client.ts';
import type { Case, LinkedCase } from '../api/types.ts';
import { StatusBadge } from '../ui/badges.tsx';
import { errorMessage } from '../ui/error-state.tsx';

/** Finds another case by number or subject. */
function CasePicker({ exclude, value, onChange, label }: { exclude: string; value: Case | null; onChange: (c: Case | null) => void; label: string }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 200);
  const found = useQuery({
    queryKey: ['case-search', debounced],
    queryFn: () => get<{ items: Case[] }>('/cases/search', { q: debounced, limit: 10 }).then((r) => r.items),
    enabled: debounced.length > 0,
  });
  const options = (found.data ?? []).filter((c) => c.id !== exclude);
  return (
    <Select
      label={label}
      searchable
      searchValue={q}
      onSearchChange={setQ}
      filter={({ options: o }) => o}
      data={[...options, ...(value && !options.some((o) => o.id === value.id) ? [value] : [])].map((c) => ({ value: c.id, label: `#${c.number} ${c.subject}` }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((c) => c.id === id) ?? null)}
      nothingFoundMessage={debounced ? '—' : undefined}
      comboboxProps={{ withinPortal: true }}
      data-testid="case-picker"
    />
  );
}

export function MergeDialog({ c, opened, onClose }: { c: Case; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('case');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [target, setTarget] = useState<Case | null>(null);
  const merge = useMutation({
    mutationFn: () => post<Case>(`/cases/${target!.id}/merge`, { sourceId: c.id }),
    onSuccess: (merged) => {
      void qc.invalidateQueries({ queryKey: ['case'] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
      notifications.show({ color: 'green', message: t('merge.done', { from: c.number, to: merged.number }) });
      onClose();
      navigate(`/cases/${merged.number}`);
    },
    onError: (err) => notifications.show({ color: 'red', title: t('merge.failed'), message: errorMessage(err) }),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('merge.title', { number: c.number })}>
      <Stack>
        <Text size="sm">{t('merge.explain')}</Text>
        <CasePicker exclude={c.id} value={target} onChange={setTarget} label={t('merge.target')} />
        {target && <Alert color="orange">{t('merge.confirm', { from: c.number, to: target.number })}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="orange" disabled={!target} loading={merge.isPending} onClick={() => merge.mutate()} data-testid="merge-confirm">
            {t('merge.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Related cases: listed with their status, linked by search, unlinked with one click. */
export function LinkedCases({ c }: { c: Case }) {
  const { t } = useTranslation('case');
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [other, setOther] = useState<Case | null>(null);
  const links = useQuery({ queryKey: ['links', c.id], queryFn: () => get<{ items: LinkedCase[] }>(`/cases/${c.id}/links`).then((r) => r.items) });
  const done = () => void qc.invalidateQueries({ queryKey: ['links'] });
  const link = useMutation({
    mutationFn: () => post(`/cases/${c.id}/links`, { caseId: other!.id }),
    onSuccess: () => {
      done();
      setAdding(false);
      setOther(null);
    },
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
  });
  const unlink = useMutation({ mutationFn: (id: string) => del(`/cases/${c.id}/links/${id}`), onSuccess: done });
  return (
    <Stack gap={6} data-testid="linked-cases">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('links.title')}
        </Title>
        <Button size="compact-xs" variant="subtle" onClick={() => setAdding((a) => !a)} data-testid="link-case">
          {t('links.add')}
        </Button>
      </Group>
      {links.data?.length === 0 && !adding && (
        <Text size="xs" c="dimmed">
          {t('links.none')}
        </Text>
      )}
      {links.data?.map((l) => (
        <Group key={l.id} gap="xs" wrap="nowrap" justify="space-between">
          <Anchor component={Link} to={`/cases/${l.number}`} size="sm" truncate>
            #{l.number} {l.subject}
          </Anchor>
          <Group gap={4} wrap="nowrap">
            <StatusBadge status={l.status} />
            <Tooltip label={t('links.remove')}>
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('links.remove')} onClick={() => unlink.mutate(l.id)}>
                <IconLinkOff size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      ))}
      {adding && (
        <Stack gap={6}>
          <CasePicker exclude={c.id} value={other} onChange={setOther} label={t('links.pick')} />
          <Button size="xs" disabled={!other} loading={link.isPending} onClick={() => link.mutate()} data-testid="link-confirm">
            {t('links.confirm')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
