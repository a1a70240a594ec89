import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../api/hooks.ts';
import { freeId, localize, setText } from './draft-ops.ts';
import { outcomeKinds, type FlowDefinition, type FlowLanguage, type FlowOutcome, type FlowStep, type FlowText } from './types.ts';

/** One language of a flow text; English shows through as the placeholder (the fallback). */
export function FlowTextField({ label, value, lang, onChange, multiline, testId }: { label: string; value: FlowText | undefined; lang: FlowLanguage; onChange: (v: FlowText) => void; multiline?: boolean; testId?: string }) {
  const { t } = useTranslation('flows');
  const props = {
    label: `${label} (${lang.toUpperCase()})`,
    value: value?.[lang] ?? '',
    placeholder: lang === 'en' ? '' : (value?.en ?? '') || t('editor.fallbackEmpty'),
    onChange: (e: { currentTarget: { value: string } }) => onChange(setText(value, lang, e.currentTarget.value)),
    size: 'xs' as const,
    maxLength: 4000,
    'data-testid': testId,
    lang,
  };
  return multiline ? <Textarea {...props} autosize minRows={2} /> : <TextInput {...props} />;
}

interface Props {
  def: FlowDefinition;
  step: FlowStep;
  lang: FlowLanguage;
  onChange: (step: FlowStep) => void;
  onRename: (id: string) => void;
  onDelete: () => void;
}

/** The form of one step: its id, texts in the editing language, and where each branch leads (or what the outcome does). */
export function StepForm({ def, step, lang, onChange, onRename, onDelete }: Props) {
  const { t } = useTranslation('flows');
  const teams = useTeams();
  const [id, setId] = useState(step.id);
  const targets = [{ value: '', label: t('editor.notConnected') }, ...def.steps.filter((s) => s.id !== step.id).map((s) => ({ value: s.id, label: `${s.id} — ${localize(s.text, lang) || t('tree.noText')}`.slice(0, 80) }))];
  const target = (label: string, value: string | null, set: (v: string | null) => void, testId: string) => (
    <Select size="xs" label={label} data={targets} value={value ?? ''} onChange={(v) => set(v || null)} searchable allowDeselect={false} comboboxProps={{ withinPortal: true }} data-testid={testId} />
  );
  const validId = /^[a-z][a-z0-9_-]{0,39}$/.test(id);
  const setOutcome = (o: Partial<FlowOutcome>) => step.type === 'outcome' && onChange({ ...step, outcome: { ...step.outcome, ...o } as never });

  return (
    <Stack gap="sm" data-testid="flow-step-form" data-step={step.id}>
      <Group justify="space-between">
        <Badge variant="light" color="gray" tt="none" data-testid="flow-step-type">
          {t(`stepType.${step.type}`)}
        </Badge>
        <Button size="xs" color="red" variant="subtle" leftSection={<IconTrash size={14} />} onClick={onDelete} data-testid="flow-step-delete">
          {t('editor.deleteStep')}
        </Button>
      </Group>
      <TextInput
        size="xs"
        label={t('editor.stepId')}
        value={id}
        onChange={(e) => setId(e.currentTarget.value.trim())}
        onBlur={() => validId && id !== step.id && onRename(id)}
        error={validId ? (id !== step.id && def.steps.some((s) => s.id === id) ? t('editor.idTaken') : undefined) : t('editor.idInvalid')}
        maw={280}
        data-testid="flow-step-id"
      />
      <FlowTextField label={t(`editor.text.${step.type}`)} value={step.text} lang={lang} onChange={(text) => onChange({ ...step, text })} multiline testId="flow-step-text" />
      <FlowTextField label={t('editor.detail')} value={step.detail} lang={lang} onChange={(detail) => onChange({ ...step, detail })} multiline />
      {step.type === 'question' && (
        <Stack gap="xs">
          <Text size="xs" fw={700}>
            {t('editor.answers')}
          </Text>
          {step.answers.map((a, i) => (
            <Group key={i} gap="xs" align="flex-end" wrap="nowrap" data-testid="flow-answer-row">
              <div style={{ flex: 1 }}>
                <FlowTextField label={t('editor.answerLabel', { id: a.id })} value={a.label} lang={lang} onChange={(label) => onChange({ ...step, answers: step.answers.map((x, j) => (j === i ? { ...x, label } : x)) })} />
              </div>
              <div style={{ flex: 1 }}>{target(t('editor.leadsTo'), a.next, (next) => onChange({ ...step, answers: step.answers.map((x, j) => (j === i ? { ...x, next } : x)) }), `flow-answer-target-${a.id}`)}</div>
              <ActionIcon variant="subtle" color="red" onClick={() => onChange({ ...step, answers: step.answers.filter((_, j) => j !== i) })} aria-label={t('editor.removeAnswer', { id: a.id })}>
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            w="fit-content"
            disabled={step.answers.length >= 12}
            onClick={() => onChange({ ...step, answers: [...step.answers, { id: freeId(step.answers.map((a) => a.id), 'answer'), label: {}, next: null }] })}
            data-testid="flow-add-answer"
          >
            {t('editor.addAnswer')}
          </Button>
        </Stack>
      )}
      {step.type === 'instruction' && target(t('editor.next'), step.next, (next) => onChange({ ...step, next }), 'flow-next')}
      {step.type === 'check' && (
        <>
          <FlowTextField label={t('editor.expected')} value={step.expected} lang={lang} onChange={(expected) => onChange({ ...step, expected })} multiline />
          {target(t('editor.pass'), step.pass, (pass) => onChange({ ...step, pass }), 'flow-pass')}
          {target(t('editor.fail'), step.fail, (fail) => onChange({ ...step, fail }), 'flow-fail')}
        </>
      )}
      {step.type === 'outcome' && (
        <>
          <Select
            size="xs"
            label={t('editor.kind')}
            data={outcomeKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            value={step.outcome.kind}
            onChange={(v) => v && setOutcome({ kind: v as FlowOutcome['kind'] })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="flow-outcome-kind"
          />
          <Select
            size="xs"
            label={t('editor.status')}
            description={t('editor.statusHint')}
            data={[{ value: '', label: t('editor.statusDefault') }, ...['open', 'pending', 'on_hold', 'solved'].map((s) => ({ value: s, label: t(`common:status.${s}`) }))]}
            value={step.outcome.status ?? ''}
            onChange={(v) => setOutcome({ status: (v || null) as FlowOutcome['status'] })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            size="xs"
            label={t('editor.team')}
            data={[{ value: '', label: t('editor.noTransfer') }, ...(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))]}
            value={step.outcome.teamId ?? ''}
            onChange={(v) => setOutcome({ teamId: v || null })}
            allowDeselect={false}
            searchable
            comboboxProps={{ withinPortal: true }}
            data-testid="flow-outcome-team"
          />
          <TagsInput size="xs" label={t('editor.tags')} value={step.outcome.tags ?? []} onChange={(tags) => setOutcome({ tags: tags.map((x) => x.toLowerCase().replace(/[\s,]+/g, '-')) })} maxTags={20} />
          {step.outcome.kind === 'article' && (
            <TextInput
              size="xs"
              label={t('editor.article')}
              description={t('editor.articleHint')}
              value={step.outcome.article?.slug ?? ''}
              onChange={(e) => setOutcome({ article: e.currentTarget.value ? { slug: e.currentTarget.value.trim().toLowerCase() } : null })}
              data-testid="flow-outcome-article"
            />
          )}
        </>
      )}
    </Stack>
  );
}
