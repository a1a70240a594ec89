import { useState } from 'react';
import { ActionIcon, Badge, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { presenceLabel } from '../routing/presence-menu.tsx';
import { presenceColor } from '../routing/presence.ts';
import { agentsKey, AgentRoutingModal, RuleModal, rulesKey } from '../routing/routing-modals.tsx';
import type { AgentRouting, RoutingRule } from '../routing/types.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { AdminTable } from './admin-table.tsx';

/** Admin → Routing: each team's rule, and every agent's skills and capacity. */
export function RoutingTab() {
  const { t } = useTranslation('routing');
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const rules = useQuery({ queryKey: rulesKey, queryFn: ({ signal }) => get<RoutingRule[]>('/routing/rules', undefined, signal) });
  const agents = useQuery({ queryKey: agentsKey, queryFn: ({ signal }) => get<AgentRouting[]>('/routing/agents', undefined, signal), enabled: isAdmin });
  const [rule, setRule] = useState<RoutingRule | null>(null);
  const [agent, setAgent] = useState<AgentRouting | null>(null);

  if (rules.isError) return <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  return (
    <Stack gap="xl">
      <div>
        <Title order={2} size="h4" mb={4}>
          {t('rules.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={720} mb="sm">
          {t('rules.intro')}
        </Text>
        <AdminTable columns={[t('rules.team'), t('rules.state'), t('rules.strategy'), t('rules.requirements')]} withActions={isAdmin} pending={rules.isPending} minWidth={640}>
          {rules.data?.map((r) => (
            <Table.Tr key={r.team.id} data-testid="routing-rule-row" data-team-id={r.team.id}>
              <Table.Td fw={500}>{r.team.name}</Table.Td>
              <Table.Td>
                <Badge color={r.enabled ? 'green' : 'gray'}>{r.enabled ? t('rules.on') : t('rules.off')}</Badge>
              </Table.Td>
              <Table.Td>{t(`strategy.${r.strategy}`)}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {[
                    r.preferAccountOwner && t('rules.ownerShort'),
                    r.matchLanguage && t('rules.languageShort'),
                    r.tagSkills && t('rules.tagsShort'),
                    r.skillField && t('rules.fieldShort', { field: r.skillField }),
                  ]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </Text>
              </Table.Td>
              {isAdmin && (
                <Table.Td ta="right">
                  <Tooltip label={t('rules.edit', { team: r.team.name })}>
                    <ActionIcon variant="subtle" color="gray" onClick={() => setRule(r)} aria-label={t('rules.edit', { team: r.team.name })} data-testid="routing-rule-edit">
                      <IconPencil size={18} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </AdminTable>
      </div>
      {isAdmin && (
        <div>
          <Title order={2} size="h4" mb={4}>
            {t('agents.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={720} mb="sm">
            {t('agents.intro')}
          </Text>
          {agents.isError ? (
            <ErrorState error={agents.error} onRetry={() => void agents.refetch()} />
          ) : (
            <AdminTable columns={[t('agents.name'), t('agents.presence'), t('agents.skills'), t('agents.capacity')]} withActions pending={agents.isPending} minWidth={720}>
              {agents.data?.map((a) => (
                <Table.Tr key={a.user.id} data-testid="routing-agent-row" data-user-id={a.user.id}>
                  <Table.Td fw={500}>{a.user.name}</Table.Td>
                  <Table.Td>
                    <Badge color={presenceColor(a.presence.effective)} variant="light">
                      {presenceLabel(t, a.presence.effective, a.presence.effective === a.presence.status ? a.presence.reason : null)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {a.skills.map((s) => (
                        <Badge key={`${s.kind}:${s.name}`} variant={s.kind === 'language' ? 'light' : 'default'} tt="none">
                          {s.kind === 'language' ? t(`language.${s.name}`, { defaultValue: s.name }) : s.name}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t('agents.capacitySummary', { phone: a.capacity.phone, chat: a.capacity.chat, email: a.capacity.email })}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Tooltip label={t('agents.edit', { name: a.user.name })}>
                      <ActionIcon variant="subtle" color="gray" onClick={() => setAgent(a)} aria-label={t('agents.edit', { name: a.user.name })} data-testid="routing-agent-edit">
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </AdminTable>
          )}
        </div>
      )}
      {rule && <RuleModal rule={rule} onClose={() => setRule(null)} />}
      {agent && <AgentRoutingModal agent={agent} onClose={() => setAgent(null)} />}
    </Stack>
  );
}
