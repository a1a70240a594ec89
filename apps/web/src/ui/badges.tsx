import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { priorityColor, statusColor } from './theme.ts';

export function StatusBadge({ status, customName }: { status: string; customName?: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status] ?? 'gray'} data-testid="status-badge" data-status={status}>
      {customName ?? t(`status.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={priorityColor[priority] ?? 'gray'} variant={priority === 'urgent' ? 'filled' : 'light'}>
      {t(`priority.${priority}`)}
    </Badge>
  );
}

/** The SLA badge lives with the SLA screens; lists and the case header import it from here. */
export { SlaBadge } from '../sla/sla-badge.tsx';
