import { useState } from 'react';
import { Alert, Button, Group, List, Loader, Modal, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowMerge, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, post, type Page } from '../api/client.ts';
import type { Customer } from '../api/types.ts';
import { notify } from '../ui/notify.ts';
import { errorMessage } from '../ui/error-state.tsx';
import { fieldError } from './form-values.ts';

/** Name, contact details and organizations of a customer in one or two lines. */
function CustomerSummaryLines({ c }: { c: Customer }) {
  const contact = [...c.emails.map((e) => e.email), ...c.phones.map((p) => p.phone)].join(' · ');
  return (
    <>
      <Text size="sm" fw={600}>
        {c.name}
      </Text>
      <Text size="xs" c="dimmed">
        {contact || '—'}
        {c.organizations.length ? ` · ${c.organizations.map((o) => o.name).join(', ')}` : ''}
      </Text>
    </>
  );
}

/** Step one: find the duplicate by name, email or phone. */
function FindDuplicate({ target, onPick }: { target: Customer; onPick: (c: Customer) => void }) {
  const { t } = useTranslation('customer');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    queryKey: ['customers', { q, limit: 10 }],
    queryFn: ({ signal }) => get<Page<Customer>>('/customers', { q, limit: 10 }, signal).then((r) => r.items),
    enabled: q.length >= 2,
  });
  const candidates = (results.data ?? []).filter((c) => c.id !== target.id);
  return (
    <Stack gap="sm">
      <TextInput
        label={t('merge.searchLabel')}
        placeholder={t('merge.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-testid="merge-search"
        data-autofocus
      />
      {results.isFetching && <Loader size="xs" aria-label={t('common:loading')} />}
      {q.length >= 2 && results.isSuccess && candidates.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('merge.nothing', { q })}
        </Text>
      )}
      <Stack gap={4} role="list" aria-label={t('merge.results')}>
        {candidates.map((c) => (
          <Paper key={c.id} withBorder role="listitem">
            <UnstyledButton p="xs" w="100%" onClick={() => onPick(c)} data-testid="merge-candidate" className="sb-customer-case" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
              <CustomerSummaryLines c={c} />
            </UnstyledButton>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/**
 * "Merge a duplicate into this customer": search the duplicate, then confirm with the consequence
 * spelled out (its cases, emails and phones move here; the duplicate is gone).
 */
export function MergeDuplicate({ target }: { target: Customer }) {
  const { t } = useTranslation('customer');
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [source, setSource] = useState<Customer | null>(null);
  const merge = useMutation({
    mutationFn: (sourceId: string) => post<Customer>(`/customers/${target.id}/merge`, { sourceId }),
    onSuccess: (merged, sourceId) => {
      qc.setQueryData(['customer', target.id], merged);
      void qc.invalidateQueries({ queryKey: ['customer', sourceId] });
      void qc.invalidateQueries({ queryKey: ['customers'] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
      notify('green', t('merge.done', { source: source?.name ?? '', target: merged.name }));
      close();
    },
  });
  const close = () => {
    setOpened(false);
    setSource(null);
    merge.reset();
  };

  return (
    <>
      <Button variant="default" leftSection={<IconArrowMerge size={16} />} onClick={() => setOpened(true)} data-testid="merge-duplicate">
        {t('merge.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={source ? t('merge.confirmTitle') : t('merge.title', { name: target.name })} size="lg">
        {!source ? (
          <FindDuplicate target={target} onPick={setSource} />
        ) : (
          <Stack gap="sm" data-testid="merge-confirm-step">
            <Text size="sm">{t('merge.confirmLead', { source: source.name, target: target.name })}</Text>
            <Paper withBorder p="xs">
              <Text size="xs" c="dimmed" mb={2}>
                {t('merge.duplicate')}
              </Text>
              <CustomerSummaryLines c={source} />
            </Paper>
            <Alert color="orange" title={t('merge.consequenceTitle')}>
              <List size="sm" spacing={2}>
                <List.Item>{t('merge.consequenceCases', { target: target.name })}</List.Item>
                <List.Item>{t('merge.consequenceContacts')}</List.Item>
                <List.Item>{t('merge.consequenceCombined')}</List.Item>
                <List.Item>{t('merge.consequenceGone', { source: source.name })}</List.Item>
              </List>
            </Alert>
            {merge.isError && (
              <Alert color="red" role="alert">
                {fieldError(merge.error, 'sourceId') ?? errorMessage(merge.error)}
              </Alert>
            )}
            <Group justify="space-between">
              <Button variant="default" onClick={() => setSource(null)} disabled={merge.isPending}>
                {t('merge.back')}
              </Button>
              <Button color="red" onClick={() => merge.mutate(source.id)} loading={merge.isPending} data-testid="merge-confirm">
                {t('merge.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
