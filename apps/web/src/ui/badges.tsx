import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { priorityColor, statusColor } from './theme.ts';

export function StatusBadge({ status, customName }: { status: string; customName?: string | null | undefined }) {
  const { t } = useTranslation();
  const label = customName ?? t(`status.${status}`);
  // The title shows the whole name where a narrow column cuts it short ("Zurückgest…").
  return (
    <Badge color={statusColor[status] ?? 'gray'} title={label} data-testid="status-badge" data-status={status}>
      {label}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  const label = t(`priority.${priority}`);
  return (
    <Badge color={priorityColor[priority] ?? 'gray'} variant={priority === 'urgent' ? 'filled' : 'light'} title={label}>
      {label}
    </Badge>
  );
}

/** The SLA badge lives with the SLA screens; lists and the case header import it from here. */
export { SlaBadge } from '../sla/sla-badge.tsx';
