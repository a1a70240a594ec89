import { Badge, Tooltip } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
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

/** Where the SLA due time will show once SLA policies exist (routing and SLA issue). */
export function SlaBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('sla.none')}>
      <Badge color="gray" variant="outline" leftSection={<IconClockHour4 size={12} />} aria-label={t('sla.none')}>
        —
      </Badge>
    </Tooltip>
  );
}
