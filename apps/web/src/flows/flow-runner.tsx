import { useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Group, List, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconPlayerStop } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../api/client.ts';
import type { Case } from '../api/types.ts';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { caseFlowsKey } from './queries.ts';
import type { FlowRenderedStep, FlowRun } from './types.ts';

/** What applying the outcome will do to the case, as badges. */
export function OutcomeEffects({ outcome }: { outcome: NonNullable<FlowRenderedStep['outcome']> }) {
  const { t } = useTranslation('flows');
  return (
    <Group gap={4}>
      {outcome.status && (
        <Badge size="xs" variant="light" color="green" tt="none">
          {t('runner.setsStatus', { status: t(`common:status.${outcome.status}`) })}
        </Badge>
      )}
      {outcome.team && (
        <Badge size="xs" variant="light" color="orange" tt="none">
          {t('runner.transfers', { team: outcome.team.name })}
        </Badge>
      )}
      {outcome.tags.map((tag) => (
        <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
          #{tag}
        </Badge>
      ))}
    </Group>
  );
}

/** The outcome the run reached: what it means, what applying it does, and the details it needs. */
function OutcomeStep({ step, busy, onApply }: { step: FlowRenderedStep; busy: boolean; onApply: (extra: { appointment?: { wishedAt: string; note: string }; note?: string }) => void }) {
  const { t } = useTranslation('flows');
  const [wishedAt, setWishedAt] = useState('');
  const [note, setNote] = useState('');
  const [timeError, setTimeError] = useState<string | null>(null);
  const outcome = step.outcome!;
  const apply = () => {
    if (outcome.kind === 'appointment') {
      if (!wishedAt) return setTimeError(t('runner.wishedAtRequired'));
      onApply({ appointment: { wishedAt: new Date(wishedAt).toISOString(), note }, ...(note ? { note } : {}) });
    } else onApply(note ? { note } : {});
  };
  return (
    <Stack gap="xs" data-testid="flow-outcome" data-kind={outcome.kind}>
      <Badge variant="filled" color={outcome.kind === 'resolved' ? 'green' : outcome.kind === 'escalate' ? 'orange' : 'blue'} tt="none" w="fit-content">
        {t(`kind.${outcome.kind}`)}
      </Badge>
      <Text size="sm" fw={600}>
        {step.text}
      </Text>
      {step.detail && (
        <Text size="sm" c="dimmed">
          {step.detail}
        </Text>
      )}
      {outcome.article && (
        <Text size="sm">
          {t('runner.article')}{' '}
          {outcome.article.url ? (
            <Anchor href={outcome.article.url} target="_blank" rel="noreferrer">
              {outcome.article.title ?? outcome.article.slug}
            </Anchor>
          ) : (
            <Text span fw={600} inherit>
              {outcome.article.title ?? outcome.article.slug}
            </Text>
          )}
        </Text>
      )}
      <OutcomeEffects outcome={outcome} />
      {outcome.kind === 'appointment' && (
        <TextInput
          type="datetime-local"
          size="xs"
          label={t('runner.wishedAt')}
          required
          value={wishedAt}
          onChange={(e) => {
            setWishedAt(e.currentTarget.value);
            setTimeError(null);
          }}
          error={timeError}
          data-testid="flow-wished-at"
        />
      )}
      <Textarea size="xs" label={t('runner.note')} autosize minRows={1} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="flow-note" />
      <Button size="xs" leftSection={<IconCheck size={14} />} onClick={apply} loading={busy} data-testid="flow-finish">
        {t('runner.apply')}
      </Button>
    </Stack>
  );
}

/**
 * A flow in progress on a case: the answers so far, the current step with its choices, back and
 * stop. Every click is one request, documented on the case's timeline by the server.
 */
export function FlowRunner({ run, c }: { run: FlowRun; c: Case }) {
  const { t } = useTranslation('flows');
  const qc = useQueryClient();
  const refresh = (finished = false) => {
    void qc.invalidateQueries({ queryKey: ['timeline', c.id] });
    if (finished) {
      void qc.invalidateQueries({ queryKey: ['case'] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
    }
  };
  const onError = (err: unknown) => {
    // Someone answered in another tab: show where the run is now.
    if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: caseFlowsKey(c.id) });
    notifyFailed(err, t('runner.failed'));
  };
  const setRun = (next: FlowRun) => qc.setQueryData(caseFlowsKey(c.id), (old: unknown) => (old ? { ...(old as object), active: next.status === 'active' ? next : null } : old));
  const step = run.current;
  const act = useMutation({
    mutationFn: (a: { kind: 'answer'; answer: string } | { kind: 'back' } | { kind: 'abandon' } | { kind: 'finish'; extra: object }) => {
      if (a.kind === 'answer') return post<FlowRun>(`/flow-runs/${run.id}/answer`, { stepId: step.id, answer: a.answer });
      if (a.kind === 'back') return post<FlowRun>(`/flow-runs/${run.id}/back`, { stepId: step.id });
      if (a.kind === 'abandon') return post<FlowRun>(`/flow-runs/${run.id}/abandon`);
      return post<FlowRun>(`/flow-runs/${run.id}/finish`, { stepId: step.id, ...a.extra });
    },
    onSuccess: (next, a) => {
      setRun(next);
      refresh(a.kind === 'finish');
      if (next.status !== 'active') void qc.invalidateQueries({ queryKey: caseFlowsKey(c.id) });
      if (a.kind === 'finish') notifySaved(t('runner.applied', { outcome: t(`kind.${next.outcome?.kind ?? 'resolved'}`) }));
    },
    onError,
  });
  const busy = act.isPending;
  return (
    <Stack gap="sm" data-testid="flow-runner" data-run={run.id}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={700} style={{ minWidth: 0 }}>
          {run.flow.title}
        </Text>
        <Badge size="xs" variant="outline" color="gray" tt="none" style={{ flexShrink: 0 }} mt={2}>
          {t('runner.version', { version: run.version })}
        </Badge>
      </Group>
      {run.latestVersion !== null && run.latestVersion > run.version && (
        <Alert color="gray" p="xs" fz="xs">
          {t('runner.olderVersion', { version: run.version, latest: run.latestVersion })}
        </Alert>
      )}
      {run.path.length > 0 && (
        <Box>
          <Text size="xs" c="dimmed" fw={600} mb={2}>
            {t('runner.path')}
          </Text>
          <List size="xs" spacing={2} type="ordered" data-testid="flow-path">
            {run.path.map((p, i) => (
              <List.Item key={`${p.stepId}-${i}`}>
                <Text span size="xs" c="dimmed">
                  {p.text}
                </Text>{' '}
                <Text span size="xs" fw={600}>
                  → {p.answerLabel}
                </Text>
              </List.Item>
            ))}
          </List>
        </Box>
      )}
      <Box p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }} data-testid="flow-step" data-step={step.id} data-type={step.type}>
        {step.type === 'outcome' ? (
          <OutcomeStep step={step} busy={busy} onApply={(extra) => act.mutate({ kind: 'finish', extra })} />
        ) : (
          <Stack gap="xs">
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {t(`stepType.${step.type}`)}
            </Text>
            <Text size="sm" fw={600}>
              {step.text}
            </Text>
            {step.detail && (
              <Text size="sm" c="dimmed">
                {step.detail}
              </Text>
            )}
            {step.expected && (
              <Text size="sm" p={6} style={{ borderLeft: '3px solid var(--mantine-primary-color-filled)' }}>
                <Text span fw={600} inherit>
                  {t('runner.expected')}
                </Text>{' '}
                {step.expected}
              </Text>
            )}
            <Stack gap={6}>
              {step.options.map((o) => (
                <Button
                  key={o.id}
                  size="xs"
                  variant="light"
                  justify="flex-start"
                  fullWidth
                  h="auto"
                  py={6}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.35 } }}
                  onClick={() => act.mutate({ kind: 'answer', answer: o.id })}
                  disabled={busy}
                  data-testid={`flow-option-${o.id}`}
                >
                  {o.label}
                </Button>
              ))}
            </Stack>
          </Stack>
        )}
      </Box>
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} />} disabled={run.path.length === 0 || busy} onClick={() => act.mutate({ kind: 'back' })} data-testid="flow-back">
          {t('runner.back')}
        </Button>
        <Button size="xs" variant="subtle" color="red" leftSection={<IconPlayerStop size={14} />} disabled={busy} onClick={() => act.mutate({ kind: 'abandon' })} data-testid="flow-abandon">
          {t('runner.stop')}
        </Button>
      </Group>
    </Stack>
  );
}
