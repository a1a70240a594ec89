import { useState } from 'react';
import { Badge, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconBuilding, IconSearch, IconTicket, IconUser } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { get } from '../api/client.ts';
import type { SearchResults } from '../api/types.ts';
import { StatusBadge } from '../ui/badges.tsx';

export const openCommandPalette = () => spotlight.open();

/** Search across cases, customers and organizations from anywhere, with results as you type. */
export function CommandPalette() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const results = useQuery({
    queryKey: ['search', debounced],
    queryFn: ({ signal }) => get<SearchResults>('/search', { q: debounced, limit: 8 }, signal),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const data = debounced ? results.data : undefined;
  const empty = data && !data.cases.length && !data.customers.length && !data.organizations.length;
  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={null} scrollable maxHeight={480} attributes={{ content: { 'aria-label': t('search.open') } }}>
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        leftSection={results.isFetching ? <Loader size={16} /> : <IconSearch size={18} />}
        aria-label={t('search.placeholder')}
        data-testid="search-input"
      />
      <Spotlight.ActionsList>
        {!debounced && <Spotlight.Empty>{t('search.hint')}</Spotlight.Empty>}
        {empty && <Spotlight.Empty>{t('search.nothing', { q: debounced })}</Spotlight.Empty>}
        {!!data?.cases.length && (
          <Spotlight.ActionsGroup label={t('search.cases')}>
            {data.cases.map((c) => (
              <Spotlight.Action key={c.id} onClick={() => navigate(`/cases/${c.number}`)} data-testid="search-result-case">
                <Group wrap="nowrap" gap="sm" w="100%">
                  <IconTicket size={18} aria-hidden />
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" truncate>
                      #{c.number} {c.subject}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {c.requester.name}
                      {c.team ? ` · ${c.team.name}` : ''}
                    </Text>
                  </div>
                  <StatusBadge status={c.status} />
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {!!data?.customers.length && (
          <Spotlight.ActionsGroup label={t('search.customers')}>
            {data.customers.map((c) => (
              <Spotlight.Action key={c.id} onClick={() => navigate(`/customers/${c.id}`)} data-testid="search-result-customer">
                <Group wrap="nowrap" gap="sm">
                  <IconUser size={18} aria-hidden />
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" truncate>
                      {c.name}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {[c.emails[0]?.email, c.phones[0]?.phone].filter(Boolean).join(' · ')}
                    </Text>
                  </div>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {!!data?.organizations.length && (
          <Spotlight.ActionsGroup label={t('search.organizations')}>
            {data.organizations.map((o) => (
              <Spotlight.Action key={o.id} onClick={() => navigate(`/customers?organizationId=${o.id}`)}>
                <Group wrap="nowrap" gap="sm">
                  <IconBuilding size={18} aria-hidden />
                  <Text size="sm">{o.name}</Text>
                  <Badge size="xs" color="gray">
                    {t('search.members', { count: o.memberCount })}
                  </Badge>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
