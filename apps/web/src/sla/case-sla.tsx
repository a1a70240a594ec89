import { Badge, Group, Loader, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client.ts';
import type { Case, CaseSlaDetail } from '../api/types.ts';
import { useFormat } from '../i18n/format.ts';
import { SlaBadge, useDuration } from './sla-badge.tsx';

/** Every clock of the case: first response, each next response, resolution — met, running or paused. */
function SlaDetails({ caseId }: { caseId: string }) {
  const { t } = useTranslation('sla');
  const f = useFormat();
  const duration = useDuration();
  const detail = useQuery({ queryKey: ['case-sla', caseId], queryFn: () => get<CaseSlaDetail>(`/cases/${caseId}/sla`) });
  if (detail.isPending) return <Loader size="sm" aria-label={t('details.loading')} />;
  if (detail.isError || !detail.data.policy) return <Text size="sm">{t('badge.none')}</Text>;
  const d = detail.data;
  return (
    <Stack gap="xs" data-testid="sla-details">
      <Text size="sm" fw={600}>
        {d.policy!.name}
      </Text>
      <Text size="xs" c="dimmed">
        {d.calendar ? t('details.calendar', { name: d.calendar.name, zone: d.calendar.timeZone }) : t('details.allDay')}
      </Text>
      {d.clocks.map((k) => (
        <Group key={`${k.metric}-${k.occurrence}`} justify="space-between" gap="md" wrap="nowrap">
          <div>
            <Text size="sm">{k.metric === 'next_response' ? t('details.nth', { metric: t(`metric.${k.metric}`), n: k.occurrence }) : t(`metric.${k.metric}`)}</Text>
            <Text size="xs" c="dimmed">
              {k.achievedAt
                ? t('details.achieved', { at: f.dateTime(k.achievedAt), used: duration(k.businessMinutes * 60_000), target: duration(k.targetMinutes * 60_000) })
                : k.dueAt
                  ? t('details.due', { at: f.dateTime(k.dueAt), target: duration(k.targetMinutes * 60_000) })
                  : t('details.stopped', { used: duration(k.businessMinutes * 60_000), target: duration(k.targetMinutes * 60_000) })}
            </Text>
          </div>
          <Badge size="sm" variant="light" color={k.breached ? 'red' : k.achievedAt ? 'green' : k.paused ? 'gray' : 'blue'}>
            {k.breached ? t('details.missed') : k.achievedAt ? t('details.met') : k.paused ? t('badge.paused') : t('details.running')}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}

/** The header's SLA badge; clicking it shows every target of the case. */
export function CaseSlaBadge({ c }: { c: Case }) {
  const { t } = useTranslation('sla');
  if (!c.sla) return <SlaBadge sla={null} />;
  return (
    <Popover width={340} position="bottom-start" shadow="md" withArrow>
      <Popover.Target>
        <UnstyledButton title={t('details.open')} data-testid="sla-details-button">
          <SlaBadge sla={c.sla} />
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <SlaDetails caseId={c.id} />
      </Popover.Dropdown>
    </Popover>
  );
}
