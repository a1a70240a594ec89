import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get, type Page, type PortalRequestSummary } from './api.ts';
import { ErrorState } from './error-state.tsx';
import { formatDateTime } from './i18n.ts';
import { Loading } from './loading.tsx';
import { StatusBadge } from './status-badge.tsx';

/** One request in a list: number, subject, who asked (for shared organizations), status, last change. */
export function RequestRow({ r }: { r: PortalRequestSummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" radius="md" component="li" data-testid="request-row" data-number={r.number}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        {/* On a phone the status moves below the subject instead of covering its long words. */}
        <div style={{ minWidth: 0, flex: '1 1 16rem', overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/requests/${r.number}`} fw={600}>
            {r.subject}
          </Anchor>
          <Text size="sm" c="dimmed">
            {[`#${r.number}`, r.topic, !r.requester.isYou && t('requests.by', { name: r.requester.name }), t('requests.updated', { when: formatDateTime(r.updatedAt) })].filter(Boolean).join(' · ')}
          </Text>
        </div>
        <StatusBadge status={r.status} />
      </Group>
    </Card>
  );
}

export function RequestList({ items }: { items: PortalRequestSummary[] }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="request-list">
      {items.map((r) => (
        <RequestRow key={r.id} r={r} />
      ))}
    </Stack>
  );
}

/** The customer's five latest requests, on the home page. */
export function RecentRequests() {
  const { t } = useTranslation();
  const recent = useQuery({ queryKey: ['requests', 'list', 'mine', 'all', 'recent'], queryFn: () => get<Page<PortalRequestSummary>>('/requests?limit=5') });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('requests.recent')}
        </Title>
        <Button component={Link} to="/requests/new" leftSection={<IconPlus size={16} aria-hidden />} data-testid="new-request">
          {t('requests.new')}
        </Button>
      </Group>
      {recent.isPending ? (
        <Loading />
      ) : recent.isError ? (
        <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
      ) : recent.data.items.length === 0 ? (
        <Text c="dimmed">{t('requests.none')}</Text>
      ) : (
        <>
          <RequestList items={recent.data.items} />
          <Anchor component={Link} to="/requests">
            {t('requests.all')}
          </Anchor>
        </>
      )}
    </Stack>
  );
}
