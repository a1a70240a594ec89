import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Divider, Group, Menu, Modal, Paper, Select, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBraces, IconChevronDown } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { languages } from '@switchboard/contracts/constants';
import { ApiError, patch, post } from '../api/client.ts';
import { useTeams } from '../api/hooks.ts';
import { ModalActions } from '../ui/modal-actions.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { MacroActionRows } from './macro-action-rows.tsx';
import { macroPlaceholders } from './options.ts';
import type { CreateMacroBody, Macro, MacroAction, MacroLanguage, MacroPreview, MacroTexts } from './types.ts';

const EVERYONE = '__everyone';

interface Props {
  /** null: a new macro of this scope. */
  macro: Macro | null;
  scope: 'personal' | 'shared';
  onClose: () => void;
}

/** What the current text reads like for an example customer (or says is wrong with it), as it is typed. */
function LivePreview({ text, actions }: { text: string; actions: MacroAction[] }) {
  const { t } = useTranslation('macros');
  const [debounced] = useDebouncedValue(text, 300);
  const preview = useQuery({
    queryKey: ['macro-live-preview', debounced, actions],
    queryFn: () => post<MacroPreview>('/macros/preview', { text: debounced, actions }),
    placeholderData: keepPreviousData,
    enabled: debounced.trim().length > 0,
  });
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="macro-live-preview" aria-live="polite">
      <Text size="xs" fw={600} c="dimmed" mb={4}>
        {t('editor.preview')}
      </Text>
      {!debounced.trim() && (
        <Text size="sm" c="dimmed">
          {t('editor.previewEmpty')}
        </Text>
      )}
      {debounced.trim() && preview.data && (
        <Stack gap={6}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="macro-live-preview-text">
            {preview.data.text}
          </Text>
          {preview.data.problems.map((p) => (
            <Text key={p} size="sm" c="red" data-testid="macro-live-problem">
              {p}
            </Text>
          ))}
          {preview.data.missing.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('editor.previewMissing', { placeholders: preview.data.missing.map((p) => t(`placeholder.${p}`)).join(', ') })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/**
 * Creates or edits a macro: name, who it is for, a text per language (tabs, with a menu that
 * inserts placeholders at the cursor and a live preview), and the actions it takes.
 */
export function MacroEditor({ macro, scope, onClose }: Props) {
  const { t } = useTranslation('macros');
  const qc = useQueryClient();
  const teams = useTeams();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [name, setName] = useState(macro?.name ?? '');
  const [description, setDescription] = useState(macro?.description ?? '');
  const [teamId, setTeamId] = useState<string | null>(macro?.team?.id ?? null);
  const [defaultLanguage, setDefaultLanguage] = useState<MacroLanguage>(macro?.defaultLanguage ?? 'en');
  const [texts, setTexts] = useState<MacroTexts>(macro?.texts ?? {});
  const [actions, setActions] = useState<MacroAction[]>(macro?.actions ?? []);
  const [tab, setTab] = useState<MacroLanguage>(macro?.defaultLanguage ?? 'en');
  const areas = useRef<Partial<Record<MacroLanguage, HTMLTextAreaElement | null>>>({});

  const save = useMutation({
    mutationFn: () => {
      const body = { name, description, defaultLanguage, texts, actions, teamId: scope === 'shared' ? teamId : null };
      if (macro) return patch<Macro>(`/macros/${macro.id}`, body, { version: macro.version });
      return post<Macro>('/macros', { ...body, scope } satisfies CreateMacroBody, { idempotencyKey });
    },
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['macros'] });
      notifySaved(t(macro ? 'editor.saved' : 'editor.created', { name: saved.name }));
      onClose();
    },
    onError: (err) => notifyFailed(err),
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const exactError = (f: string) => (save.error instanceof ApiError ? save.error.errors.find((e) => e.field === `body.${f}`)?.message : undefined);

  const setText = (lng: MacroLanguage, value: string) => setTexts((cur) => ({ ...cur, [lng]: value }));
  /** Puts a placeholder at the cursor of the text being edited (or at its end) and keeps typing there. */
  const insertPlaceholder = (key: string) => {
    const el = areas.current[tab];
    const cur = texts[tab] ?? '';
    const at = el ? el.selectionStart : cur.length;
    const token = `{{${key}}}`;
    setText(tab, cur.slice(0, at) + token + cur.slice(el ? el.selectionEnd : at));
    setTimeout(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    }, 0);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const languageName = (l: string) => t(`common:languageName.${l}`);

  return (
    <Modal opened onClose={onClose} size="xl" title={macro ? t('editor.editTitle', { name: macro.name }) : t(scope === 'shared' ? 'editor.newShared' : 'editor.newPersonal')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('editor.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-testid="macro-name" data-autofocus />
          <Textarea label={t('editor.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={1} />
          <Group align="flex-start" grow>
            <Select
              label={t('editor.defaultLanguage')}
              description={t('editor.defaultLanguageHint')}
              data={languages.map((l) => ({ value: l, label: languageName(l) }))}
              value={defaultLanguage}
              onChange={(v) => v && setDefaultLanguage(v as MacroLanguage)}
              allowDeselect={false}
              data-testid="macro-default-language"
            />
            {scope === 'shared' && (
              <Select
                label={t('editor.team')}
                description={t('editor.teamHint')}
                data={[{ value: EVERYONE, label: t('editor.everyone') }, ...(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))]}
                value={teamId ?? EVERYONE}
                onChange={(v) => setTeamId(!v || v === EVERYONE ? null : v)}
                allowDeselect={false}
                error={fieldError('teamId')}
                data-testid="macro-team"
              />
            )}
          </Group>

          <Divider />
          <Group justify="space-between">
            <Title order={3} size="h5">
              {t('editor.texts')}
            </Title>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="light" size="xs" leftSection={<IconBraces size={14} />} rightSection={<IconChevronDown size={14} />} data-testid="macro-insert-placeholder">
                  {t('editor.insertPlaceholder')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {macroPlaceholders.map((p) => (
                  <Menu.Item key={p} onClick={() => insertPlaceholder(p)} rightSection={<Text size="xs" c="dimmed" ff="monospace">{`{{${p}}}`}</Text>}>
                    {t(`placeholder.${p}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Group>
          <Text size="xs" c="dimmed">
            {t('editor.textsHint', { example: `{{customer.firstName|${t('editor.exampleFallback')}}}` })}
          </Text>
          {exactError('texts') && <Alert color="red">{exactError('texts')}</Alert>}
          <Tabs value={tab} onChange={(v) => v && setTab(v as MacroLanguage)}>
            <Tabs.List>
              {languages.map((l) => {
                const has = !!texts[l]?.trim();
                const bad = !!fieldError(`texts.${l}`);
                const suffix = l === defaultLanguage ? t('editor.isDefault') : has ? '' : t('editor.fallsBack', { language: languageName(defaultLanguage) });
                return (
                  <Tabs.Tab key={l} value={l} c={bad ? 'red' : undefined} data-testid={`macro-tab-${l}`}>
                    {languageName(l)}
                    {suffix && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({suffix})
                      </Text>
                    )}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
            {languages.map((l) => (
              <Tabs.Panel key={l} value={l} pt="xs">
                <Textarea
                  ref={(el) => {
                    areas.current[l] = el;
                  }}
                  label={t('editor.textIn', { language: languageName(l) })}
                  required={l === defaultLanguage}
                  autosize
                  minRows={5}
                  maxRows={14}
                  value={texts[l] ?? ''}
                  onChange={(e) => setText(l, e.currentTarget.value)}
                  error={fieldError(`texts.${l}`)}
                  data-testid={`macro-text-${l}`}
                />
              </Tabs.Panel>
            ))}
          </Tabs>
          <LivePreview text={texts[tab] ?? ''} actions={actions} />

          <Divider />
          <Title order={3} size="h5">
            {t('editor.actions')}
          </Title>
          <MacroActionRows actions={actions} onChange={setActions} errorOf={(i) => fieldError(`actions.${i}`)} />
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={macro ? t('common:actions.save') : t('common:actions.create')} submitTestId="macro-save" />
        </Stack>
      </form>
    </Modal>
  );
}
