import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get, type Page, type PortalRequestSummary } from './api.ts';
import { ErrorState } from './error-state.tsx';
import { Loading } from './loading.tsx';
import { RequestList } from './requests-list.tsx';
import { useSession } from './session.ts';

type State = 'open' | 'solved' | 'all';
type Scope = 'mine' | 'organization';

/** My requests: open, solved or all; and the organization's, where it shares them. */
export default function RequestsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [state, setState] = useState<State>('open');
  const [scope, setScope] = useState<Scope>('mine');
  const sharing = session.data?.customer.sharingOrganizations ?? [];
  const list = useInfiniteQuery({
    queryKey: ['requests', 'list', scope, state],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => get<Page<PortalRequestSummary>>(`/requests?scope=${scope}&state=${state}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('requests.title')}</Title>
        <Button component={Link} to="/requests/new" leftSection={<IconPlus size={16} aria-hidden />} data-testid="new-request">
          {t('requests.new')}
        </Button>
      </Group>
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label={t('requests.stateLabel')}
          value={state}
          onChange={(v) => setState(v as State)}
          data={[
            { value: 'open', label: t('requests.stateOpen') },
            { value: 'solved', label: t('requests.stateSolved') },
            { value: 'all', label: t('requests.stateAll') },
          ]}
        />
        {sharing.length > 0 && (
          <SegmentedControl
            aria-label={t('requests.scopeLabel')}
            value={scope}
            onChange={(v) => setScope(v as Scope)}
            data-testid="scope"
            data={[
              { value: 'mine', label: t('requests.scopeMine') },
              { value: 'organization', label: sharing.length === 1 ? sharing[0]!.name : t('requests.scopeOrganization') },
            ]}
          />
        )}
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed" data-testid="requests-empty">
          {t('requests.none')}
        </Text>
      ) : (
        <RequestList items={items} />
      )}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('requests.more')}
        </Button>
      )}
    </Stack>
  );
}
