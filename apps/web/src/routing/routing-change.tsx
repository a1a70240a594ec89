import { Group, Paper, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowsExchange, IconRoute } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RoutingExplanation } from './types.ts';

/** Fields of change entries this module writes; the timeline hands them to `RoutingChange`. */
export const routingFields = new Set(['routing', 'transfer', 'escalation']);

const languageName = (t: TFunction, code: string) => t(`language.${code}`, { defaultValue: code });

/** "account owner, German, 2 of 3 chats" from the stored reason codes and numbers. */
export function explain(t: TFunction, e: RoutingExplanation): string {
  const parts: string[] = [];
  for (const r of e.reasons) {
    if (r === 'language' && e.language) parts.push(languageName(t, e.language));
    else if (r === 'skills') parts.push(t('explain.skills', { skills: e.skills.join(', ') }));
    else parts.push(t(`explain.reason.${r}`));
  }
  if (e.load) parts.push(t(`explain.load.${e.channel}`, { count: e.load.count, capacity: e.load.capacity }));
  return parts.join(', ');
}

/** Why nobody took it: "1 away or offline, 2 at capacity, 1 without German". */
function waitingWhy(t: TFunction, e: RoutingExplanation): string {
  const parts: string[] = [];
  if (e.skipped.unavailable) parts.push(t('explain.unavailable', { count: e.skipped.unavailable }));
  if (e.skipped.atCapacity) parts.push(t('explain.atCapacity', { count: e.skipped.atCapacity }));
  if (e.skipped.missingSkills) {
    const needs = [...(e.language ? [languageName(t, e.language)] : []), ...e.skills].join(', ');
    parts.push(t('explain.missingSkills', { count: e.skipped.missingSkills, needs }));
  }
  return parts.length ? parts.join(', ') : t('explain.nobody');
}

interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

/** A routing decision, a transfer with its note, or an escalation with its reason, on the timeline. */
export function RoutingChange({ change, author, when }: { change: Change; author: string; when: ReactNode }) {
  const { t } = useTranslation('routing');
  if (change.field === 'routing') {
    const e = change.to as RoutingExplanation;
    return (
      <Group gap="xs" wrap="nowrap" align="flex-start" px="xs" data-testid="timeline-routing" data-outcome={e.outcome}>
        <IconRoute size={16} aria-hidden style={{ marginTop: 2, flexShrink: 0 }} />
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {e.outcome === 'assigned' && e.assignee ? t('explain.assigned', { name: e.assignee.name, why: explain(t, e) }) : t('explain.queued', { why: waitingWhy(t, e) })}
        </Text>
        {when}
      </Group>
    );
  }
  const transfer = change.field === 'transfer';
  const to = change.to as { team?: { name: string }; note?: string; reason?: string; notified?: Array<{ name: string }> };
  const from = change.from as { name: string } | null;
  return (
    <Paper withBorder p="sm" radius="md" data-testid={transfer ? 'timeline-transfer' : 'timeline-escalation'} bg={transfer ? undefined : 'var(--mantine-color-red-light)'}>
      <Group gap="xs" wrap="nowrap" justify="space-between" mb={4}>
        <Group gap="xs" wrap="nowrap">
          {transfer ? <IconArrowsExchange size={16} aria-hidden /> : <IconAlertTriangle size={16} aria-hidden />}
          <Text size="sm" fw={600}>
            {transfer
              ? from
                ? t('timeline.transferred', { name: author, from: from.name, to: to.team?.name ?? '' })
                : t('timeline.transferredNoTeam', { name: author, to: to.team?.name ?? '' })
              : t('timeline.escalated', { name: author, supervisors: (to.notified ?? []).map((n) => n.name).join(', ') || t('timeline.nobody') })}
          </Text>
        </Group>
        {when}
      </Group>
      <Text size="sm" className="sb-body">
        {transfer ? to.note : to.reason}
      </Text>
    </Paper>
  );
}
