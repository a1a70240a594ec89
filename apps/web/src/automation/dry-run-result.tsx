import { Alert, Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DryRunResult } from '../api/types.ts';

/** What a dry run found: how many current cases the rule would act on, and the first of them. */
export function DryRunList({ result }: { result: DryRunResult }) {
  const { t } = useTranslation('automation');
  return (
    <Alert color={result.count ? 'blue' : 'gray'} title={t('dryRun.title')} data-testid="dry-run-result">
      <Text size="sm" mb={result.items.length ? 'xs' : 0}>
        {t('dryRun.summary', { count: result.count, scanned: result.scanned })}
        {result.count > result.items.length ? ` ${t('dryRun.first', { limit: result.items.length })}` : ''}
      </Text>
      {result.items.length > 0 && (
        <List size="sm" spacing={2} style={{ maxHeight: 240, overflow: 'auto' }}>
          {result.items.map((c) => (
            <List.Item key={c.id}>
              <Anchor component={Link} to={`/cases/${c.number}`} size="sm">
                #{c.number}
              </Anchor>{' '}
              {c.subject} · {t(`common:status.${c.status}`)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
