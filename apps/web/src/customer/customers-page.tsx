import { useEffect, useState } from 'react';
import { Box, Button, Center, CloseButton, Group, Loader, Paper, Pill, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { get, type Page } from '../api/client.ts';
import type { Customer } from '../api/types.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { CustomerTable } from './customer-table.tsx';
import { NewCustomerModal } from './new-customer-modal.tsx';
import { useOrganizations } from './queries.ts';

interface ListParams {
  q?: string;
  organizationId?: string;
  accountOwnerId?: 'me';
}

function useCustomerList(params: ListParams) {
  return useInfiniteQuery({
    queryKey: ['customers', params],
    queryFn: ({ pageParam, signal }) => get<Page<Customer>>('/customers', { ...params, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** The organization filter from the address, by name, with a way to clear it. */
function OrganizationFilter({ id, onClear }: { id: string; onClear: () => void }) {
  const { t } = useTranslation('customer');
  const [org] = useOrganizations([id]);
  const name = org?.data?.name ?? '…';
  return (
    <Pill size="lg" withRemoveButton onRemove={onClear} removeButtonProps={{ 'aria-label': t('list.clearOrganization', { name }) }} data-testid="customers-organization-filter">
      {t('list.organization', { name })}
    </Pill>
  );
}

/** All customers (route /customers, optionally ?organizationId=): search, "my customers", new customer. */
export default function CustomersPage() {
  const { t } = useTranslation('customer');
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [creating, setCreating] = useState(false);
  const organizationId = params.get('organizationId') ?? undefined;
  const mine = params.get('mine') === '1';

  // The search term lives in the address too, so a reload or a shared link keeps it.
  useEffect(() => {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (q) next.set('q', q);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [q, setParams]);

  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const list = useCustomerList({ ...(q ? { q } : {}), ...(organizationId ? { organizationId } : {}), ...(mine ? { accountOwnerId: 'me' } : {}) });
  const customers = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Box style={{ flex: 1, overflow: 'auto' }} p="md" data-testid="customers-page">
      <Stack gap="md" maw={1400}>
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('list.title')}
          </Title>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-customer">
            {t('create.button')}
          </Button>
        </Group>
        <Group gap="md" align="center" role="search" aria-label={t('list.searchArea')}>
          <TextInput
            style={{ flex: '1 1 320px', maxWidth: 520 }}
            aria-label={t('list.search')}
            placeholder={t('list.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            rightSection={search ? <CloseButton size="sm" aria-label={t('list.clearSearch')} onClick={() => setSearch('')} /> : null}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-testid="customers-search"
          />
          <Switch label={t('list.mine')} checked={mine} onChange={(e) => setParam('mine', e.currentTarget.checked ? '1' : null)} data-testid="customers-mine" />
          {organizationId && <OrganizationFilter id={organizationId} onClear={() => setParam('organizationId', null)} />}
        </Group>

        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.isPending && (
          <Center p="xl">
            <Loader aria-label={t('common:loading')} />
          </Center>
        )}
        {list.isSuccess && customers.length === 0 && (
          <Stack align="center" p="xl" gap="xs">
            <IconUsers size={40} aria-hidden />
            <Text fw={600}>{t('list.emptyTitle')}</Text>
            <Text size="sm" c="dimmed">
              {q ? t('list.emptySearch', { q }) : t('list.emptyText')}
            </Text>
            <Button variant="light" mt="xs" onClick={() => setCreating(true)}>
              {q ? t('list.createFromSearch', { q }) : t('create.button')}
            </Button>
          </Stack>
        )}
        {customers.length > 0 && (
          <Paper withBorder>
            <CustomerTable customers={customers} />
          </Paper>
        )}
        {list.hasNextPage && (
          <Center>
            <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="customers-more">
              {t('loadMore')}
            </Button>
          </Center>
        )}
      </Stack>
      <NewCustomerModal opened={creating} onClose={() => setCreating(false)} initialSearch={customers.length === 0 ? q : ''} />
    </Box>
  );
}
