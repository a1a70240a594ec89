import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconClockExclamation, IconEye, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unsolvedStatuses } from '@switchboard/contracts/constants';
import { useFormat } from '../i18n/format.ts';
import { presenceLabel } from '../routing/presence-menu.tsx';
import { presenceColor } from '../routing/presence.ts';
import { statusColor } from '../ui/theme.ts';
import type { AgentLoad, TeamOverview } from './use-overview.ts';

function Stat({ label, value, hint, color, testId }: { label: ReactNode; value: string; hint?: string | undefined; color?: string | undefined; testId: string }) {
  return (
    <Paper
      withBorder
      p="xs"
      radius="md"
      data-testid={testId}
      // The colored edge repeats the status color of the badges elsewhere; the label says it in words.
      style={color ? { borderLeft: `4px solid var(--mantine-color-${color}-filled)` } : undefined}
    >
      <Stack gap={2}>
        <Text size="xs" c="dimmed" component="div" fw={500}>
          {label}
        </Text>
        <Text fw={700} size="lg" lh={1.25} data-testid={`${testId}-value`}>
          {value}
        </Text>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Chat, phone and email always; other channels when the agent has work there. */
/** Badges here carry numbers and names that must not be cut to "E-M…". */
const fullLabel = { label: { overflow: 'visible', textOverflow: 'clip' } } as const;

const shownChannels = (load: AgentLoad['load']) => Object.entries(load).filter(([ch, l]) => ['chat', 'phone', 'email'].includes(ch) || (l?.open ?? 0) > 0);

function AgentRow({ agent }: { agent: AgentLoad }) {
  const { t } = useTranslation('supervisor');
  const { t: tr } = useTranslation('routing');
  const f = useFormat();
  const p = agent.presence;
  return (
    <Table.Tr data-testid="supervisor-agent-row" data-agent-id={agent.id}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500}>
            {agent.name}
          </Text>
          {agent.role !== 'agent' && (
            <Badge size="xs" color={agent.role === 'admin' ? 'grape' : 'teal'} styles={{ label: { overflow: 'visible' } }}>
              {t(`common:role.${agent.role}`)}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge color={presenceColor(p.effective)} variant="light" tt="none" style={{ flexShrink: 0 }} styles={fullLabel} data-testid="agent-presence" data-presence={p.effective}>
          {presenceLabel(tr, p.effective, p.effective === p.status ? p.reason : null)}
        </Badge>
      </Table.Td>
      <Table.Td data-testid="agent-load">
        <Group gap={6} wrap="wrap">
          {shownChannels(agent.load).map(([ch, l]) => (
            <Badge key={ch} variant="outline" tt="none" style={{ flexShrink: 0 }} styles={fullLabel} color={l!.open >= l!.capacity ? 'red' : 'gray'} data-channel={ch}>
              {t('agents.loadOf', { channel: t(`common:channel.${ch}`), open: l!.open, capacity: l!.capacity })}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        {agent.viewing.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('agents.notViewing')}
          </Text>
        ) : (
          <Stack gap={2}>
            {agent.viewing.map((v) => (
              <Group key={v.caseId} gap={6} wrap="nowrap">
                <IconEye size={14} aria-hidden />
                <Anchor component={Link} to={`/cases/${v.number}`} size="sm" lineClamp={1} data-testid="supervisor-viewing">
                  #{v.number} {v.subject}
                </Anchor>
              </Group>
            ))}
          </Stack>
        )}
      </Table.Td>
      <Table.Td ta="right" data-testid="agent-open">
        {f.number(agent.openAssigned)}
      </Table.Td>
      <Table.Td ta="right" data-testid="agent-pending">
        {f.number(agent.pendingAssigned)}
      </Table.Td>
      <Table.Td>
        {agent.lastActivityAt ? (
          <Tooltip label={f.dateTime(agent.lastActivityAt)}>
            <Text size="sm" component="span" tabIndex={0}>
              {f.relative(agent.lastActivityAt)}
            </Text>
          </Tooltip>
        ) : (
          <Text size="sm" c="dimmed">
            {t('agents.noActivity')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** One team: what waits, the unassigned queue and its age, and each member's load and presence. */
export function TeamCard({ overview }: { overview: TeamOverview }) {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  const { team, waiting, unassigned, oldestUnassignedAt, agents, routingEnabled } = overview;
  return (
    <Card withBorder radius="md" padding="md" data-testid="supervisor-team" data-team-id={team.id} component="section" aria-labelledby={`team-${team.id}`}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id={`team-${team.id}`}>
          {team.name}
        </Title>
        <Badge color={routingEnabled ? 'green' : 'gray'} variant="light" data-testid="team-routing">
          {routingEnabled ? t('routingOn') : t('routingOff')}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="xs" mb="md">
        {unsolvedStatuses.map((s) => (
          <Stat key={s} label={t(`common:status.${s}`)} color={statusColor[s]} value={f.number(waiting[s])} testId={`waiting-${s}`} />
        ))}
        <Stat
          label={
            <Group gap={4} wrap="nowrap">
              <IconUserQuestion size={14} aria-hidden />
              {t('unassigned')}
            </Group>
          }
          value={f.number(unassigned)}
          testId="unassigned"
        />
        <Stat
          label={
            <Group gap={4} wrap="nowrap">
              <IconClockExclamation size={14} aria-hidden />
              {t('oldestUnassigned')}
            </Group>
          }
          value={oldestUnassignedAt ? f.relative(oldestUnassignedAt) : '—'}
          hint={oldestUnassignedAt ? f.dateTime(oldestUnassignedAt) : t('queueEmpty')}
          testId="oldest-unassigned"
        />
      </SimpleGrid>
      {agents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('agents.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agents.name')}</Table.Th>
                <Table.Th>{t('agents.presence')}</Table.Th>
                <Table.Th>{t('agents.load')}</Table.Th>
                <Table.Th>{t('agents.viewing')}</Table.Th>
                <Table.Th ta="right">{t('agents.open')}</Table.Th>
                <Table.Th ta="right">{t('agents.pending')}</Table.Th>
                <Table.Th>{t('agents.lastActivity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agents.map((a) => (
                <AgentRow key={a.id} agent={a} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
