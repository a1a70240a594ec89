import { useState, type FormEvent } from 'react';
import { Button, Divider, Group, Modal, SegmentedControl, Select, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, patch, post } from '../api/client.ts';
import type { AutomationRule, DryRunResult, RuleAction, RuleBody, RuleCondition } from '../api/types.ts';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { ModalActions } from '../ui/modal-actions.tsx';
import { ActionRow } from './action-row.tsx';
import { ConditionRow } from './condition-row.tsx';
import { DryRunList } from './dry-run-result.tsx';
import { blankAction, triggerEvents } from './options.ts';

type Kind = 'trigger' | 'time';

/** Creates or edits a rule: kind, event, conditions, actions; a dry run shows which cases it would hit. */
export function RuleEditor({ rule, onClose }: { rule: AutomationRule | null; onClose: () => void }) {
  const { t } = useTranslation('automation');
  const qc = useQueryClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [name, setName] = useState(rule?.name ?? '');
  const [description, setDescription] = useState(rule?.description ?? '');
  const [kind, setKind] = useState<Kind>(rule?.kind ?? 'trigger');
  const [event, setEvent] = useState<string>(rule?.event ?? 'case.created');
  const [match, setMatch] = useState<'all' | 'any'>(rule?.conditions.match ?? 'all');
  const [conditions, setConditions] = useState<RuleCondition[]>(rule?.conditions.items ?? []);
  const [actions, setActions] = useState<RuleAction[]>(rule?.actions ?? [blankAction('add_tags')]);
  const [timeZone, setTimeZone] = useState(rule?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);

  const body = (): RuleBody => ({
    name,
    description,
    kind,
    event: kind === 'trigger' ? (event as RuleBody['event']) : null,
    conditions: { match, items: conditions },
    actions,
    timeZone,
    enabled,
  });
  const save = useMutation({
    mutationFn: () =>
      rule ? patch<AutomationRule>(`/automation/rules/${rule.id}`, body(), { version: rule.version }) : post<AutomationRule>('/automation/rules', body(), { idempotencyKey }),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['automation-rules'] });
      notifySaved(t(rule ? 'saved' : 'created', { name: saved.name }));
      onClose();
    },
    onError: (err) => notifyFailed(err),
  });
  const dry = useMutation({ mutationFn: () => post<DryRunResult>('/automation/dry-run', { rule: body() }), onError: (err) => notifyFailed(err, t('dryRun.failed')) });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const replaceAt = <T,>(list: T[], i: number, v: T) => list.map((x, j) => (j === i ? v : x));

  return (
    <Modal opened onClose={onClose} size="xl" title={rule ? t('editTitle', { name: rule.name }) : t('newTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-testid="rule-name" data-autofocus />
          <Textarea label={t('description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={1} />
          <Group align="flex-end">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="rule-kind-label">
                {t('kind.label')}
              </Text>
              <SegmentedControl
                aria-labelledby="rule-kind-label"
                value={kind}
                onChange={(v) => setKind(v as Kind)}
                data={[
                  { value: 'trigger', label: t('kind.trigger') },
                  { value: 'time', label: t('kind.time') },
                ]}
                data-testid="rule-kind"
              />
            </Stack>
            {kind === 'trigger' && (
              <Select
                label={t('event.label')}
                data={triggerEvents.map((e) => ({ value: e, label: t(`event.${e}`) }))}
                value={event}
                onChange={(v) => v && setEvent(v)}
                allowDeselect={false}
                error={fieldError('event')}
                w={260}
                data-testid="rule-event"
              />
            )}
            <TextInput label={t('timeZone')} description={t('timeZoneHint')} value={timeZone} onChange={(e) => setTimeZone(e.currentTarget.value)} error={fieldError('timeZone')} w={220} />
          </Group>
          {kind === 'time' && (
            <Text size="sm" c="dimmed">
              {t('kind.timeHint')}
            </Text>
          )}

          <Divider />
          <Group justify="space-between">
            <Title order={3} size="h5">
              {t('conditions')}
            </Title>
            <Group gap="xs">
              <Text size="sm" id="rule-match-label">
                {t('match.label')}
              </Text>
              <SegmentedControl
                aria-labelledby="rule-match-label"
                size="xs"
                value={match}
                onChange={(v) => setMatch(v as 'all' | 'any')}
                data={[
                  { value: 'all', label: t('match.all') },
                  { value: 'any', label: t('match.any') },
                ]}
              />
            </Group>
          </Group>
          {conditions.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('noConditions')}
            </Text>
          )}
          {conditions.map((c, i) => (
            <ConditionRow key={i} index={i} condition={c} onChange={(v) => setConditions(replaceAt(conditions, i, v))} onRemove={() => setConditions(conditions.filter((_, j) => j !== i))} />
          ))}
          {fieldError('conditions') && (
            <Text size="sm" c="red">
              {fieldError('conditions')}
            </Text>
          )}
          <Group>
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setConditions([...conditions, { field: 'case.status', op: 'is', value: 'open' }])} data-testid="add-condition">
              {t('addCondition')}
            </Button>
          </Group>

          <Divider />
          <Title order={3} size="h5">
            {t('actions')}
          </Title>
          {actions.map((a, i) => (
            <ActionRow key={i} index={i} action={a} onChange={(v) => setActions(replaceAt(actions, i, v))} onRemove={() => setActions(actions.filter((_, j) => j !== i))} />
          ))}
          {fieldError('actions') && (
            <Text size="sm" c="red">
              {fieldError('actions')}
            </Text>
          )}
          <Group>
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setActions([...actions, blankAction('add_note')])} data-testid="add-action">
              {t('addAction')}
            </Button>
          </Group>

          <Divider />
          <Group justify="space-between" align="flex-start">
            <Switch label={t('enabled')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
            <Button variant="default" leftSection={<IconPlayerPlay size={16} />} onClick={() => dry.mutate()} loading={dry.isPending} data-testid="rule-dry-run">
              {t('dryRun.button')}
            </Button>
          </Group>
          {dry.data && <DryRunList result={dry.data} />}
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={rule ? t('common:actions.save') : t('common:actions.create')} submitTestId="rule-save" />
        </Stack>
      </form>
    </Modal>
  );
}
