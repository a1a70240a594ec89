import { Badge, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconClockHour4, IconClockPause, IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../api/types.ts';
import { useFormat } from '../i18n/format.ts';
import { durationParts, urgencyColor, urgencyOf } from './sla-time.ts';
import { useNow } from './use-now.ts';

/** "3 h 20 min", "2 d 4 h", "45 min" in the interface language; "1 h", not "1 h 0 min". */
export function useDuration(): (ms: number) => string {
  const { t } = useTranslation('sla');
  return (ms) => {
    const { d, h, m } = durationParts(ms);
    if (d > 0) return h > 0 ? t('duration.days', { d, h }) : t('short.days', { d });
    if (h > 0) return m > 0 ? t('duration.hours', { h, m }) : t('short.hours', { h });
    return t('duration.minutes', { m });
  };
}

/** Only the largest unit ("3 d", "5 h", "12 min"): what fits in a list row. */
function useShortDuration(): (ms: number) => string {
  const { t } = useTranslation('sla');
  return (ms) => {
    const { d, h, m } = durationParts(ms);
    if (d > 0) return t('short.days', { d });
    if (h > 0) return t('short.hours', { h });
    return t('short.minutes', { m });
  };
}

/**
 * The case's most urgent SLA target: time left or overdue, coloured by urgency (teal, yellow
 * under an hour, orange past the warning, red overdue), or "paused" while pending.
 */
export function SlaBadge({ sla, size = 'sm', compact = false }: { sla: Case['sla'] | undefined; size?: 'xs' | 'sm' | 'md'; compact?: boolean }) {
  const { t } = useTranslation('sla');
  const f = useFormat();
  const now = useNow();
  const duration = useDuration();
  const short = useShortDuration();
  if (!sla) {
    return (
      <Tooltip label={t('badge.none')}>
        <Badge size={size} color="gray" variant="outline" leftSection={<IconClockHour4 size={12} aria-hidden />} data-testid="sla-badge" data-urgency="none">
          <span aria-hidden>—</span>
          <VisuallyHidden>{t('badge.none')}</VisuallyHidden>
        </Badge>
      </Tooltip>
    );
  }
  const urgency = urgencyOf(sla, now);
  const metric = t(`metric.${sla.metric}`);
  const left = sla.dueAt ? new Date(sla.dueAt).getTime() - now : 0;
  const text = urgency === 'paused' ? t('badge.paused') : urgency === 'overdue' ? t('badge.overdue', { time: duration(left) }) : t('badge.left', { time: duration(left) });
  // List rows have room for the time alone ("−2 h 5 min"); the words are read out and in the tooltip.
  const shown = compact && urgency !== 'paused' ? `${urgency === 'overdue' ? '−' : ''}${short(left)}` : text;
  const detail =
    urgency === 'paused'
      ? t('badge.pausedDetail', { metric, policy: sla.policy.name })
      : t(urgency === 'overdue' ? 'badge.overdueDetail' : 'badge.dueDetail', { metric, policy: sla.policy.name, at: f.dateTime(sla.dueAt!) });
  const Icon = urgency === 'paused' ? IconClockPause : urgency === 'overdue' ? IconAlertTriangle : IconClockHour4;
  return (
    <Tooltip label={detail}>
      <Badge
        size={size}
        color={urgencyColor[urgency]}
        variant={urgency === 'overdue' ? 'filled' : 'light'}
        leftSection={<Icon size={12} aria-hidden />}
        data-testid="sla-badge"
        data-urgency={urgency}
      >
        <VisuallyHidden>
          {metric}: {compact ? text : ''}
        </VisuallyHidden>
        <span aria-hidden={compact || undefined}>{shown}</span>
      </Badge>
    </Tooltip>
  );
}
