import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Badge, Group, Kbd, Loader, Modal, Paper, ScrollArea, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconLanguage, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, post } from '../api/client.ts';
import { notifyFailed } from '../ui/notify.ts';
import { ActionBadges, useActionLabel } from './action-summary.tsx';
import { useMacros } from './queries.ts';
import type { Macro, MacroApplied, MacroRendering } from './types.ts';

interface Props {
  caseId: string;
  onClose: () => void;
  /** Puts the rendered text into the composer. */
  onInsert: (text: string) => void;
}

/** Which language the text is in, and whether that is the customer's. */
export function LanguageNote({ rendering }: { rendering: MacroRendering }) {
  const { t } = useTranslation('macros');
  const name = (l: string) => t(`common:languageName.${l}`);
  const text = rendering.fellBack
    ? t('language.fellBack', { wanted: name(rendering.requestedLanguage ?? ''), used: name(rendering.language) })
    : rendering.requestedLanguage
      ? t('language.customer', { language: name(rendering.language) })
      : t('language.unknown', { used: name(rendering.language) });
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="macro-language-note" data-fell-back={rendering.fellBack}>
      <IconLanguage size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} color={rendering.fellBack ? 'var(--mantine-color-orange-7)' : undefined} />
      <Text size="sm" c={rendering.fellBack ? 'orange.9' : 'dimmed'}>
        {text}
      </Text>
    </Group>
  );
}

function Preview({ caseId, macro }: { caseId: string; macro: Macro }) {
  const { t } = useTranslation('macros');
  const preview = useQuery({
    queryKey: ['macro-preview', caseId, macro.id, macro.version],
    queryFn: () => get<MacroRendering>(`/cases/${caseId}/macros/${macro.id}/preview`),
    staleTime: 15_000,
  });
  return (
    <Stack gap="xs" data-testid="macro-preview" aria-live="polite">
      <Text fw={600} size="sm">
        {macro.name}
      </Text>
      {macro.description && (
        <Text size="xs" c="dimmed">
          {macro.description}
        </Text>
      )}
      <ActionBadges actions={macro.actions} />
      {preview.isPending && <Loader size="sm" aria-label={t('common:loading')} />}
      {preview.isError && <Alert color="red">{preview.error.message}</Alert>}
      {preview.data && (
        <>
          <LanguageNote rendering={preview.data} />
          {preview.data.text ? (
            <Paper withBorder p="xs" radius="sm" bg="var(--mantine-color-body)">
              <ScrollArea.Autosize mah={320} type="auto" scrollbars="y">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="macro-preview-text">
                  {preview.data.text}
                </Text>
              </ScrollArea.Autosize>
            </Paper>
          ) : (
            <Text size="sm" c="dimmed">
              {t('picker.noText')}
            </Text>
          )}
          {preview.data.missing.length > 0 && <MissingNote missing={preview.data.missing} />}
        </>
      )}
    </Stack>
  );
}

function MissingNote({ missing }: { missing: string[] }) {
  const { t } = useTranslation('macros');
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-orange-7)" style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="sm" c="orange.9">
        {t('picker.missing', { placeholders: missing.map((p) => t(`placeholder.${p}`)).join(', ') })}
      </Text>
    </Group>
  );
}

/**
 * The keyboard-driven macro picker: type to search, arrows to choose, Enter to apply, Esc to
 * close. The chosen macro's text is previewed for this case before anything changes.
 */
export function MacroPicker({ caseId, onClose, onInsert }: Props) {
  const { t } = useTranslation('macros');
  const qc = useQueryClient();
  const actionLabel = useActionLabel();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 150);
  const macros = useMacros({ q: search || undefined, usable: true, limit: 20 });
  const items = macros.data ?? [];
  const [active, setActive] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const current = items[Math.min(active, items.length - 1)];

  useEffect(() => setActive(0), [search]);
  useEffect(() => {
    if (current) list.current?.querySelector(`[data-macro-id="${current.id}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const apply = useMutation({
    mutationFn: (m: Macro) => post<MacroApplied>(`/cases/${caseId}/macros/${m.id}/apply`, undefined, { idempotencyKey: `${idempotencyKey}:${m.id}` }),
    onSuccess: (r, m) => {
      qc.setQueryData(['case', String(r.case.number)], r.case);
      void qc.invalidateQueries({ queryKey: ['case'] });
      void qc.invalidateQueries({ queryKey: ['timeline', caseId] });
      void qc.invalidateQueries({ queryKey: ['macros'] });
      if (r.text) onInsert(r.text);
      const notes = [r.changed.length ? t('applied.changed', { fields: r.changed.map((f) => t(`field.${f}`)).join(', ') }) : t('applied.nothingChanged')];
      if (r.fellBack) notes.push(t('language.fellBack', { wanted: t(`common:languageName.${r.requestedLanguage ?? ''}`), used: t(`common:languageName.${r.language}`) }));
      if (r.missing.length) notes.push(t('picker.missing', { placeholders: r.missing.map((p) => t(`placeholder.${p}`)).join(', ') }));
      notifications.show({ color: r.fellBack || r.missing.length ? 'orange' : 'green', title: t('applied.title', { name: m.name }), message: notes.join(' '), autoClose: 6000 });
      onClose();
    },
    onError: (err) => notifyFailed(err, t('applied.failed')),
  });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      if (items.length) setActive((i) => (Math.min(i, items.length - 1) + step + items.length) % items.length);
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (current && !apply.isPending) apply.mutate(current);
    }
  };

  const optionId = (m: Macro) => `macro-option-${m.id}`;
  return (
    <Modal opened onClose={onClose} size={960} title={t('picker.title')} data-testid="macro-picker" returnFocus>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap="xs">
          <TextInput
            data-autofocus
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            onKeyDown={onKeyDown}
            placeholder={t('picker.search')}
            aria-label={t('picker.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={macros.isFetching || apply.isPending ? <Loader size="xs" aria-hidden /> : null}
            role="combobox"
            aria-expanded
            aria-controls="macro-listbox"
            aria-autocomplete="list"
            aria-activedescendant={current ? optionId(current) : undefined}
            data-testid="macro-search"
          />
          <ScrollArea.Autosize mah={360} type="auto" scrollbars="y">
            <div ref={list} role="listbox" id="macro-listbox" aria-label={t('picker.list')}>
              {items.map((m, i) => {
                const selected = m.id === current?.id;
                return (
                  <UnstyledButton
                    component="div"
                    key={m.id}
                    id={optionId(m)}
                    role="option"
                    aria-selected={selected}
                    tabIndex={-1}
                    data-macro-id={m.id}
                    data-testid="macro-option"
                    onMouseEnter={() => setActive(i)}
                    onClick={() => apply.mutate(m)}
                    w="100%"
                    p="xs"
                    style={{ borderRadius: 6, display: 'block', background: selected ? 'var(--mantine-primary-color-light)' : undefined }}
                  >
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm" fw={500} truncate style={{ flex: 1, minWidth: 0 }}>
                        {m.name}
                      </Text>
                      {m.scope === 'personal' && (
                        <Badge size="xs" variant="light" color="grape" style={{ flexShrink: 0 }}>
                          {t('scope.personal')}
                        </Badge>
                      )}
                    </Group>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="xs" c="dimmed" truncate style={{ flex: 1, minWidth: 0 }}>
                        {m.actions.map(actionLabel).join(' · ')}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace" tt="uppercase" style={{ flexShrink: 0 }}>
                        {m.languages.join(' ')}
                      </Text>
                    </Group>
                  </UnstyledButton>
                );
              })}
            </div>
          </ScrollArea.Autosize>
          {macros.isSuccess && items.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="md" data-testid="macro-none">
              {search ? t('picker.noMatch', { q: search }) : t('picker.empty')}
            </Text>
          )}
          <Group gap="md" c="dimmed">
            <Text size="xs">
              <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('picker.keyChoose')}
            </Text>
            <Text size="xs">
              <Kbd size="xs">Enter</Kbd> {t('picker.keyApply')}
            </Text>
            <Text size="xs">
              <Kbd size="xs">Esc</Kbd> {t('picker.keyClose')}
            </Text>
          </Group>
        </Stack>
        {current ? <Preview caseId={caseId} macro={current} /> : <div />}
      </SimpleGrid>
    </Modal>
  );
}
