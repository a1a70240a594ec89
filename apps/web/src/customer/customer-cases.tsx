import { Box, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../ui/error-state.tsx';
import { CaseLink } from './other-cases.tsx';
import { useCustomerCases } from './queries.ts';

const PAGE = 25;

/** All of a customer's cases, most recently updated first, 25 at a time. */
export function CustomerCases({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customer');
  const list = useCustomerCases({ requesterId: customerId, view: 'all', sort: 'updated_desc', limit: PAGE });
  const cases = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Box component="section" aria-labelledby="customer-cases-title" data-testid="customer-cases">
      <Group justify="space-between" mb="xs">
        <Text fw={700} id="customer-cases-title">
          {t('cases.title')}
        </Text>
        {cases.length > 0 && (
          <Text size="xs" c="dimmed">
            {list.hasNextPage ? t('cases.shownMore', { count: cases.length }) : t('cases.shown', { count: cases.length })}
          </Text>
        )}
      </Group>
      {list.isPending && (
        <Center p="md">
          <Loader size="sm" aria-label={t('common:loading')} />
        </Center>
      )}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && cases.length === 0 && (
        <Text size="sm" c="dimmed" fs="italic">
          {t('cases.none')}
        </Text>
      )}
      <Stack gap={2}>
        {cases.map((c) => (
          <CaseLink key={c.id} c={c} testId="customer-case" />
        ))}
      </Stack>
      {list.hasNextPage && (
        <Button variant="default" size="xs" mt="xs" fullWidth onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="customer-cases-more">
          {t('loadMore')}
        </Button>
      )}
    </Box>
  );
}
