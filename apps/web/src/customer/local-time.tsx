import { useEffect, useState } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

/** Minutes the zone's wall clock is ahead of this browser's (negative: behind). */
function offsetFromHere(timeZone: string, now: Date): number | null {
  try {
    const wall = (tz?: string) => {
      const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(now);
      const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
      return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
    };
    return Math.round((wall(timeZone) - wall()) / 60_000);
  } catch {
    return null;
  }
}

function hourIn(timeZone: string, now: Date): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(now));
}

/** The customer's local time now (updated every half minute) and how far it is from the agent's. */
export function LocalTime({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation('customer');
  const f = useFormat();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const offset = offsetFromHere(timeZone, now);
  if (offset === null) return <Text size="sm">{timeZone}</Text>;
  const hours = Math.abs(offset) / 60;
  const relation = offset === 0 ? t('localTime.same') : offset > 0 ? t('localTime.ahead', { hours: f.number(hours) }) : t('localTime.behind', { hours: f.number(hours) });
  const hour = hourIn(timeZone, now);
  const offHours = hour < 8 || hour >= 20;
  return (
    <div>
      <Text size="sm" data-testid="customer-local-time">
        {t('localTime.now', { time: f.dateTime(now, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone }) })}
        <Text span size="xs" c="dimmed">
          {' '}
          · {relation}
        </Text>
      </Text>
      <Text size="xs" c="dimmed">
        {timeZone.replace(/_/g, ' ')}
        {offHours ? ` · ${t('localTime.offHours')}` : ''}
      </Text>
    </div>
  );
}
