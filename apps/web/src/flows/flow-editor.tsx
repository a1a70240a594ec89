import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Grid, Group, List, Menu, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { patch, post } from '../api/client.ts';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { addStep, localize, removeStep, renameStep, replaceStep, sameDraft } from './draft-ops.ts';
import { FlowTree } from './flow-tree.tsx';
import { flowsKey } from './queries.ts';
import { FlowTextField, StepForm } from './step-form.tsx';
import { flowLanguages, type Flow, type FlowDefinition, type FlowIssue, type FlowLanguage, type StepType } from './types.ts';

/** The validation messages, errors first, each naming its step (click to select it). */
export function IssueList({ issues, onSelect }: { issues: FlowIssue[]; onSelect?: (id: string) => void }) {
  const { t } = useTranslation('flows');
  if (issues.length === 0) {
    return (
      <Alert color="green" p="xs" data-testid="flow-valid">
        {t('editor.valid')}
      </Alert>
    );
  }
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <Alert color={errors ? 'red' : 'yellow'} p="xs" icon={<IconAlertTriangle size={16} />} title={errors ? t('editor.errors', { count: errors }) : t('editor.warnings', { count: issues.length })} data-testid="flow-issues">
      <List size="xs" spacing={2}>
        {issues.map((i, n) => (
          <List.Item key={n} data-testid="flow-issue" data-code={i.code} data-severity={i.severity}>
            <Badge size="xs" variant="light" color={i.severity === 'error' ? 'red' : 'yellow'} mr={4} tt="none">
              {t(`severity.${i.severity}`)}
            </Badge>
            {i.stepId && onSelect ? (
              <Text span size="xs" td="underline" style={{ cursor: 'pointer' }} onClick={() => onSelect(i.stepId!)}>
                {i.stepId}
              </Text>
            ) : null}
            {i.stepId ? ': ' : ''}
            {t(`issue.${i.code}`, { ...i.params, step: i.stepId ?? '', language: i.params.language ? t(`common:languageName.${i.params.language}`) : '' })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/**
 * The tree editor: the draft as a tree on the left with the live validation, the selected step's
 * form on the right, texts edited one language at a time (English shows through where a
 * translation is missing). Saving stores the draft; publishing happens from the flow's header.
 */
export function FlowEditor({ flow, onDirty }: { flow: Flow; onDirty: (dirty: boolean) => void }) {
  const { t, i18n } = useTranslation('flows');
  const qc = useQueryClient();
  const [draft, setDraft] = useState<FlowDefinition>(flow.draft);
  const [base, setBase] = useState(flow.version);
  const [selected, setSelected] = useState<string | null>(flow.draft.start);
  const [lang, setLang] = useState<FlowLanguage>((flowLanguages as readonly string[]).includes(i18n.language) ? (i18n.language as FlowLanguage) : 'en');
  // A save elsewhere (settings, another tab after reload) brings a new version: take its draft when we have no edits.
  const dirty = useMemo(() => !sameDraft(draft, flow.draft), [draft, flow.draft]);
  useEffect(() => {
    if (flow.version !== base && !dirty) {
      setDraft(flow.draft);
      setBase(flow.version);
    }
  }, [flow.version, flow.draft, base, dirty]);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const wide = useMediaQuery('(min-width: 62em)');
  const [checked] = useDebouncedValue(draft, 400);
  const validation = useQuery({
    queryKey: ['flow-validate', flow.id, JSON.stringify(checked)],
    queryFn: () => post<{ issues: FlowIssue[] }>('/flows/validate', { draft: checked }).then((r) => r.issues),
    placeholderData: (prev) => prev,
    staleTime: Infinity,
  });
  const issues = validation.data ?? flow.issues;

  const save = useMutation({
    mutationFn: () => patch<Flow>(`/flows/${flow.id}`, { draft }, { version: flow.version }),
    onSuccess: (saved) => {
      qc.setQueryData([...flowsKey, flow.id], saved);
      void qc.invalidateQueries({ queryKey: flowsKey, exact: true });
      setBase(saved.version);
      notifySaved(t('editor.saved'));
    },
    onError: (err) => notifyFailed(err),
  });

  const step = draft.steps.find((s) => s.id === selected);
  const add = (type: StepType) => {
    const next = addStep(draft, type);
    setDraft(next.def);
    setSelected(next.id);
  };

  return (
    <Stack gap="sm" data-testid="flow-editor">
      <Group justify="space-between">
        <SegmentedControl size="xs" value={lang} onChange={(v) => setLang(v as FlowLanguage)} data={flowLanguages.map((l) => ({ value: l, label: l.toUpperCase() }))} aria-label={t('editor.language')} data-testid="flow-edit-language" />
        <Group gap="xs">
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} data-testid="flow-add-step">
                {t('editor.addStep')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {(['question', 'instruction', 'check', 'outcome'] as const).map((type) => (
                <Menu.Item key={type} onClick={() => add(type)} data-testid={`flow-add-${type}`}>
                  {t(`stepType.${type}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button size="xs" leftSection={<IconDeviceFloppy size={14} />} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()} data-testid="flow-save">
            {t('editor.save')}
          </Button>
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            <IssueList issues={issues} onSelect={setSelected} />
            <Paper withBorder p="sm">
              <FlowTree def={draft} lang={lang} issues={issues} selected={selected} onSelect={setSelected} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {/* Sticky beside a long tree: the selected step's form stays in sight while the tree scrolls. */}
          <Stack gap="sm" style={wide ? { position: 'sticky', top: 0, maxHeight: 'calc(100dvh - 96px)', overflowY: 'auto' } : undefined} data-testid="flow-editor-side">
            <Paper withBorder p="sm">
              {step ? (
                <StepForm
                  key={step.id}
                  def={draft}
                  step={step}
                  lang={lang}
                  onChange={(s) => setDraft(replaceStep(draft, step.id, s))}
                  onRename={(id) => {
                    setDraft(renameStep(draft, step.id, id));
                    setSelected(id);
                  }}
                  onDelete={() => {
                    setDraft(removeStep(draft, step.id));
                    setSelected(null);
                  }}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('editor.selectStep')}
                </Text>
              )}
            </Paper>
            <Paper withBorder p="sm">
              <Stack gap="sm">
                <FlowTextField label={t('editor.title')} value={draft.title} lang={lang} onChange={(title) => setDraft({ ...draft, title })} testId="flow-title" />
                <FlowTextField label={t('editor.description')} value={draft.description} lang={lang} onChange={(description) => setDraft({ ...draft, description })} multiline />
                <Select
                  size="xs"
                  label={t('editor.start')}
                  data={draft.steps.map((s) => ({ value: s.id, label: `${s.id} — ${localize(s.text, lang) || t('tree.noText')}`.slice(0, 80) }))}
                  value={draft.start}
                  onChange={(v) => setDraft({ ...draft, start: v })}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="flow-start-step"
                />
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
