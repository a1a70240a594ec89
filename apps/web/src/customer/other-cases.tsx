import { Box, Group, Loader, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unsolvedStatuses } from '@switchboard/contracts/constants';
import type { Case } from '../api/types.ts';
import { useFormat } from '../i18n/format.ts';
import { StatusBadge } from '../ui/badges.tsx';
import { useCustomerCases } from './queries.ts';

const isOpen = (c: Case) => (unsolvedStatuses as readonly string[]).includes(c.status);

/** One case as a compact link: number, subject, status, last update. */
export function CaseLink({ c, testId }: { c: Case; testId: string }) {
  const f = useFormat();
  return (
    <UnstyledButton component={Link} to={`/cases/${c.number}`} className="sb-customer-case" data-testid={testId} data-number={c.number} p={6} style={{ borderRadius: 6, display: 'block' }}>
      <Text size="sm" fw={500} truncate>
        <Text span c="dimmed" size="sm">
          #{c.number}
        </Text>{' '}
        {c.subject}
      </Text>
      <Group gap={6} mt={2} wrap="nowrap">
        <StatusBadge status={c.status} customName={c.customStatus?.name} />
        <Tooltip label={f.dateTime(c.updatedAt)}>
          <Text size="xs" c="dimmed">
            {f.relative(c.updatedAt)}
          </Text>
        </Tooltip>
      </Group>
    </UnstyledButton>
  );
}

/**
 * The customer's other cases, open ones first: the open ones are asked for separately so that
 * an old open case is not pushed out by ten recent solved ones.
 */
export function OtherCases({ customerId, currentCaseId }: { customerId: string; currentCaseId?: string | undefined }) {
  const { t } = useTranslation('customer');
  const recent = useCustomerCases({ requesterId: customerId, view: 'all', limit: 10 });
  const open = useCustomerCases({ requesterId: customerId, view: 'all', status: [...unsolvedStatuses], limit: 10 });
  const seen = new Set<string>();
  const all = [...(open.data?.pages[0]?.items ?? []), ...(recent.data?.pages[0]?.items ?? [])].filter((c) => {
    if (c.id === currentCaseId || String(c.number) === currentCaseId || seen.has(c.id)) return false;
    seen.add(c.id);
    return true;
  });
  const byUpdate = (a: Case, b: Case) => b.updatedAt.localeCompare(a.updatedAt);
  const openCases = all.filter(isOpen).sort(byUpdate);
  const closedCases = all.filter((c) => !isOpen(c)).sort(byUpdate);
  const cases = [...openCases, ...closedCases].slice(0, 10);

  return (
    <Box component="section" aria-label={t('otherCases.title')}>
      <Group justify="space-between" mb={4}>
        <Text fw={700} size="sm">
          {t('otherCases.title')}
        </Text>
        {openCases.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('otherCases.open', { count: openCases.length })}
          </Text>
        )}
      </Group>
      {(recent.isPending || open.isPending) && <Loader size="xs" aria-label={t('common:loading')} />}
      {recent.isError && (
        <Text size="sm" c="red">
          {t('otherCases.failed')}
        </Text>
      )}
      {!recent.isPending && !recent.isError && cases.length === 0 && (
        <Text size="sm" c="dimmed" fs="italic">
          {t('otherCases.none')}
        </Text>
      )}
      <Stack gap={2}>
        {cases.map((c) => (
          <CaseLink key={c.id} c={c} testId="customer-other-case" />
        ))}
      </Stack>
    </Box>
  );
}
