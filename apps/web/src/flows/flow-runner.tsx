import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Fieldset, Group, List, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconPlayerStop } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../api/client.ts';
import type { Case } from '../api/types.ts';
import { CustomFieldInput, type FieldValue } from '../case/custom-field-input.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { OutcomeEffects } from './outcome-effects.tsx';
import { caseFlowsKey } from './queries.ts';
import type { FlowOutcomeFieldsProblem, FlowRenderedStep, FlowRun } from './types.ts';

interface FinishExtra {
  appointment?: { wishedAt: string; note: string };
  note?: string;
  customFields?: Record<string, FieldValue>;
}

/** The fields a refused finish asks for (its transfer's team form needs them), or null for any other error. */
function fieldsProblemOf(err: unknown): FlowOutcomeFieldsProblem | null {
  if (!(err instanceof ApiError) || err.status !== 400 || !Array.isArray(err.extra.missingFields)) return null;
  return err.extra as unknown as FlowOutcomeFieldsProblem;
}

const blank = (v: FieldValue | undefined) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The outcome the run reached: what it means, what applying it does, and the details it needs —
 * with the case fields its transfer needs once the server has named them.
 */
function OutcomeStep({ step, busy, error, onApply }: { step: FlowRenderedStep; busy: boolean; error: unknown; onApply: (extra: FinishExtra, onRefused: (p: FlowOutcomeFieldsProblem) => void) => void }) {
  const { t } = useTranslation('flows');
  const [wishedAt, setWishedAt] = useState('');
  const [note, setNote] = useState('');
  const [timeError, setTimeError] = useState<string | null>(null);
  const [asked, setAsked] = useState<FlowOutcomeFieldsProblem | null>(null);
  const [values, setValues] = useState<Record<string, FieldValue>>({});
  const [tried, setTried] = useState(false);
  const prompt = useRef<HTMLFieldSetElement>(null);
  const askedCount = asked?.missingFields.length ?? 0;
  // The agent's next move is to fill them in: the first field takes the focus when they are asked for.
  useEffect(() => {
    if (askedCount) prompt.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [askedCount]);
  const outcome = step.outcome!;
  const refused = (p: FlowOutcomeFieldsProblem) => {
    // Fields asked for before stay on screen with their values; newly required ones are added.
    setAsked((old) => ({ team: p.team, missingFields: [...(old?.missingFields ?? []), ...p.missingFields.filter((f) => !old?.missingFields.some((o) => o.key === f.key))] }));
    setTried(false);
  };
  const fieldValue = (f: FlowOutcomeFieldsProblem['missingFields'][number]): FieldValue => {
    const v = values[f.key];
    if (f.type === 'checkbox') return v === true;
    return typeof v === 'string' ? v.trim() || null : (v ?? null);
  };
  const serverError = (key: string) => (error instanceof ApiError && !fieldsProblemOf(error) ? error.fieldError(`customFields.${key}`) : undefined);
  const apply = () => {
    const extra: FinishExtra = note ? { note } : {};
    if (outcome.kind === 'appointment') {
      if (!wishedAt) return setTimeError(t('runner.wishedAtRequired'));
      extra.appointment = { wishedAt: new Date(wishedAt).toISOString(), note };
    }
    if (asked) {
      extra.customFields = Object.fromEntries(asked.missingFields.map((f) => [f.key, fieldValue(f)]));
      if (asked.missingFields.some((f) => blank(extra.customFields![f.key]))) return setTried(true);
    }
    onApply(extra, refused);
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
      <OutcomeEffects status={outcome.status} team={outcome.team} tags={outcome.tags} />
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
      {asked && (
        <Fieldset
          ref={prompt}
          legend={t('runner.fieldsTitle', { team: asked.team.name })} p="xs"
          style={{ borderColor: 'var(--mantine-color-orange-outline)' }}
          styles={{ legend: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600 } }}
          data-testid="flow-missing-fields"
        >
          <Stack gap="xs">
            <Text size="xs">{t('runner.fieldsHint', { count: asked.missingFields.length, team: asked.team.name })}</Text>
            {asked.missingFields.map((f) => (
              <CustomFieldInput
                key={f.key}
                field={{ ...f, required: true }}
                size="xs"
                value={values[f.key]}
                onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))}
                error={(tried && blank(fieldValue(f)) ? t('runner.fieldRequired') : undefined) ?? serverError(f.key)}
                testId={`flow-field-${f.key}`}
              />
            ))}
          </Stack>
        </Fieldset>
      )}
      <Textarea size="xs" label={t('runner.note')} autosize minRows={1} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="flow-note" />
      <Button size="xs" leftSection={<IconCheck size={14} />} onClick={apply} loading={busy} data-testid="flow-finish">
        {asked ? t('runner.applyWithFields') : t('runner.apply')}
      </Button>
    </Stack>
  );
}

/**
 * A flow in progress on a case: the answers so far, the current step with its choices, back and
 * stop. Every click is one request, documented on the case's timeline by the server.
 */
export function FlowRunner({ run, c, focusNow = false }: { run: FlowRun; c: Case; focusNow?: boolean }) {
  const { t } = useTranslation('flows');
  const qc = useQueryClient();
  const stepBox = useRef<HTMLDivElement>(null);
  const shownStep = useRef<string | null>(null);
  // After a start or an answer the button clicked is gone: the new step takes the focus (and so
  // comes into view). Not when the page opens on a running flow.
  const stepId = run.current.id;
  useEffect(() => {
    const before = shownStep.current;
    shownStep.current = stepId;
    if (before === null ? focusNow : before !== stepId) stepBox.current?.focus();
  }, [stepId, focusNow]);
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
    // Fields the transfer needs are asked for in the outcome step itself.
    if (!fieldsProblemOf(err)) notifyFailed(err, t('runner.failed'));
  };
  const setRun = (next: FlowRun) => qc.setQueryData(caseFlowsKey(c.id), (old: unknown) => (old ? { ...(old as object), active: next.status === 'active' ? next : null } : old));
  const step = run.current;
  const act = useMutation({
    mutationFn: (a: { kind: 'answer'; answer: string } | { kind: 'back' } | { kind: 'abandon' } | { kind: 'finish'; extra: FinishExtra }) => {
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
      <Box ref={stepBox} tabIndex={-1} p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }} data-testid="flow-step" data-step={step.id} data-type={step.type}>
        {step.type === 'outcome' ? (
          <OutcomeStep
            step={step}
            busy={busy}
            error={act.variables?.kind === 'finish' ? act.error : null}
            onApply={(extra, onRefused) =>
              act.mutate(
                { kind: 'finish', extra },
                {
                  onError: (err) => {
                    const p = fieldsProblemOf(err);
                    if (p) onRefused(p);
                  },
                },
              )
            }
          />
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
