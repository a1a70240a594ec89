import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Status } from './api.ts';
import { statusColor } from './theme.ts';

/** The status in the customer's words: "in progress", "waiting for you", "solved". */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status] ?? 'gray'} data-testid="request-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
