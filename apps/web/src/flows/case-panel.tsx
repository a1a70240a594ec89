import { useState } from 'react';
import { Badge, Button, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBinaryTree, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../api/client.ts';
import type { Case } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import type { CasePanelProps } from '../case/side-panels.tsx';
import { useFormat } from '../i18n/format.ts';
import { notifyFailed } from '../ui/notify.ts';
import { FlowRunner } from './flow-runner.tsx';
import { caseFlowsKey, useCaseFlows } from './queries.ts';
import { flowLanguages, type CaseFlows, type FlowLanguage, type FlowRun } from './types.ts';

/**
 * Whether the flows panel holds the agent's next step on the case — a flow running, or flows
 * suggested for an open case — so the side column shows it first.
 */
export function useFlowsFirst(c: Case): boolean {
  const data = useCaseFlows(c.id).data;
  return !!data && (!!data.active || (c.status !== 'closed' && data.suggested.length > 0));
}

/**
 * Guided troubleshooting beside a case: the flow in progress (step by step, with back), or the
 * flows suggested by the case's tags and team, any other flow, and the runs done on it before.
 */
export function FlowsPanel({ c }: CasePanelProps) {
  const { t } = useTranslation('flows');
  const { user } = useSession();
  const f = useFormat();
  const qc = useQueryClient();
  const flows = useCaseFlows(c.id);
  const [other, setOther] = useState<string | null>(null);
  // Set by a start from here: the runner then takes the focus (the start button is gone, and the panel may have moved up).
  const [startedId, setStartedId] = useState<string | null>(null);
  const [language, setLanguage] = useState<FlowLanguage>((flowLanguages as readonly string[]).includes(user.language) ? (user.language as FlowLanguage) : 'en');
  const start = useMutation({
    mutationFn: (flowId: string) => post<FlowRun>(`/cases/${c.id}/flow-runs`, { flowId, language }, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: (run) => {
      setStartedId(run.id);
      qc.setQueryData<CaseFlows>(caseFlowsKey(c.id), (old) => (old ? { ...old, active: run } : old));
      void qc.invalidateQueries({ queryKey: ['timeline', c.id] });
    },
    onError: (err) => {
      void qc.invalidateQueries({ queryKey: caseFlowsKey(c.id) });
      notifyFailed(err, t('panel.startFailed'));
    },
  });

  if (flows.isPending) return <Skeleton h={80} />;
  if (flows.isError) return null;
  const data = flows.data;
  if (!data.active && data.available.length === 0 && data.recent.length === 0) return null;
  const closed = c.status === 'closed';

  return (
    <Stack gap="sm" data-testid="flows-panel" component="section" aria-labelledby="flows-panel-title">
      <Group gap={6}>
        <IconBinaryTree size={16} aria-hidden />
        <Title order={3} size="h6" id="flows-panel-title">
          {t('panel.title')}
        </Title>
      </Group>
      {data.active ? (
        <FlowRunner run={data.active} c={c} focusNow={startedId === data.active.id} />
      ) : (
        !closed && (
          <>
            {data.suggested.length > 0 && (
              <Stack gap={6} data-testid="flow-suggestions">
                <Text size="xs" c="dimmed" fw={600}>
                  {t('panel.suggested')}
                </Text>
                {data.suggested.map((s) => (
                  <Group key={s.flow.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid="flow-suggestion" data-slug={s.flow.slug}>
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600}>
                        {s.flow.title}
                      </Text>
                      <Group gap={4}>
                        {s.reasons.map((r) => (
                          <Badge key={r.kind === 'tag' ? `t-${r.tag}` : 'team'} size="xs" variant="outline" color="gray" tt="none">
                            {r.kind === 'tag' ? `#${r.tag}` : t('panel.byTeam', { team: r.team })}
                          </Badge>
                        ))}
                      </Group>
                    </Stack>
                    <Button size="xs" variant="light" leftSection={<IconPlayerPlay size={14} />} loading={start.isPending && start.variables === s.flow.id} onClick={() => start.mutate(s.flow.id)} style={{ flexShrink: 0 }} data-testid={`flow-start-${s.flow.slug}`} aria-label={t('panel.startNamed', { title: s.flow.title })}>
                      {t('panel.start')}
                    </Button>
                  </Group>
                ))}
              </Stack>
            )}
            {data.available.length > 0 && (
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <Select
                  size="xs"
                  label={t('panel.other')}
                  placeholder={t('panel.choose')}
                  data={data.available.map((x) => ({ value: x.id, label: x.title }))}
                  value={other}
                  onChange={setOther}
                  searchable
                  style={{ flex: 1 }}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="flow-other"
                />
                <Button size="xs" variant="default" disabled={!other} loading={start.isPending && start.variables === other} onClick={() => other && start.mutate(other)} data-testid="flow-start-other">
                  {t('panel.start')}
                </Button>
              </Group>
            )}
            <Select
              size="xs"
              label={t('panel.language')}
              data={flowLanguages.map((l) => ({ value: l, label: t(`common:languageName.${l}`) }))}
              value={language}
              onChange={(v) => v && setLanguage(v as FlowLanguage)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-testid="flow-language"
            />
          </>
        )
      )}
      {data.recent.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('panel.recent')}
          </Text>
          {data.recent.slice(0, 5).map((r) => (
            <Group key={r.id} gap={6} wrap="nowrap" data-testid="flow-recent">
              <Text size="xs" style={{ flex: 1, minWidth: 0 }} truncate>
                {r.title}
              </Text>
              <Badge size="xs" variant="light" color={r.status === 'completed' ? 'green' : r.status === 'abandoned' ? 'gray' : 'blue'} tt="none">
                {r.outcomeKind ? t(`kind.${r.outcomeKind}`) : t(`runStatus.${r.status}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {f.relative(r.startedAt)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
