import { useState, type FormEvent } from 'react';
import { ColorInput, Fieldset, Group, Modal, MultiSelect, NumberInput, Select, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { languages } from '@switchboard/contracts/constants';
import { ApiError, patch, post } from '../api/client.ts';
import { useTeams } from '../api/hooks.ts';
import { languageNames, type Language } from '../i18n/index.ts';
import { ModalActions } from '../ui/modal-actions.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import type { ChatChannel, ChatFieldMode } from './types.ts';

const MB = 1_048_576;
const modes: ChatFieldMode[] = ['off', 'optional', 'required'];

/** Adds a widget channel or changes one: team, look, greeting, languages, pre-chat form, websites. */
export function ChannelModal({ channel, onClose }: { channel: ChatChannel | null; onClose: () => void }) {
  const { t } = useTranslation('chat');
  const qc = useQueryClient();
  const teams = useTeams();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [form, setForm] = useState({
    name: channel?.name ?? '',
    teamId: channel?.team?.id ?? null,
    colors: channel?.colors ?? { primary: '#1c7ed6', text: '#ffffff' },
    languages: (channel?.languages ?? ['en']) as Language[],
    greeting: channel?.greeting ?? {},
    preChat: channel?.preChat ?? { name: 'required' as ChatFieldMode, email: 'required' as ChatFieldMode, topic: 'off' as ChatFieldMode, topics: [] as string[] },
    allowedOrigins: channel?.allowedOrigins ?? [],
    maxUploadMb: channel ? Math.round((channel.maxUploadBytes / MB) * 10) / 10 : 10,
    active: channel?.active ?? true,
  });
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const save = useMutation({
    mutationFn: () => {
      const greeting = Object.fromEntries(Object.entries(form.greeting).filter(([l, text]) => form.languages.includes(l as Language) && text?.trim()));
      const body = {
        name: form.name,
        teamId: form.teamId,
        colors: form.colors,
        languages: form.languages,
        greeting,
        preChat: form.preChat,
        allowedOrigins: form.allowedOrigins,
        maxUploadBytes: Math.round(form.maxUploadMb * MB),
        active: form.active,
      };
      return channel ? patch<ChatChannel>(`/chat/channels/${channel.id}`, { ...body, version: channel.version }) : post<ChatChannel>('/chat/channels', body, { idempotencyKey });
    },
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['chat-channels'] });
      notifySaved(t('admin.saved', { name: saved.name }));
      onClose();
    },
    onError: notifyFailed,
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const modeSelect = (field: 'name' | 'email' | 'topic') => (
    <Select
      label={t(`admin.preChat.${field}`)}
      data={modes.map((m) => ({ value: m, label: t(`admin.mode.${m}`) }))}
      value={form.preChat[field]}
      onChange={(v) => v && set('preChat', { ...form.preChat, [field]: v as ChatFieldMode })}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      data-testid={`chat-prechat-${field}`}
    />
  );
  return (
    <Modal opened onClose={onClose} title={channel ? t('admin.editTitle', { name: channel.name }) : t('admin.newTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('admin.name')} required value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={fieldError('name')} data-testid="chat-channel-name" data-autofocus />
          <Select
            label={t('admin.team')}
            description={t('admin.teamHint')}
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            value={form.teamId}
            onChange={(v) => set('teamId', v)}
            clearable
            error={fieldError('teamId')}
            comboboxProps={{ withinPortal: true }}
            data-testid="chat-channel-team"
          />
          <Group grow>
            <ColorInput label={t('admin.primaryColor')} value={form.colors.primary} onChange={(v) => set('colors', { ...form.colors, primary: v })} error={fieldError('colors.primary')} format="hex" />
            <ColorInput label={t('admin.textColor')} value={form.colors.text} onChange={(v) => set('colors', { ...form.colors, text: v })} error={fieldError('colors.text')} format="hex" />
          </Group>
          <MultiSelect
            label={t('admin.languages')}
            description={t('admin.languagesHint')}
            data={languages.map((l) => ({ value: l, label: languageNames[l] }))}
            value={form.languages}
            onChange={(v) => set('languages', v as Language[])}
            error={fieldError('languages')}
            comboboxProps={{ withinPortal: true }}
          />
          {form.languages.map((l) => (
            <Textarea
              key={l}
              label={t('admin.greeting', { language: t(`common:languageName.${l}`) })}
              autosize
              minRows={2}
              value={form.greeting[l] ?? ''}
              onChange={(e) => set('greeting', { ...form.greeting, [l]: e.currentTarget.value })}
              error={fieldError(`greeting.${l}`)}
            />
          ))}
          <Fieldset legend={t('admin.preChat.legend')} variant="filled">
            <Stack gap="sm">
              <Group grow>
                {modeSelect('name')}
                {modeSelect('email')}
                {modeSelect('topic')}
              </Group>
              {form.preChat.topic !== 'off' && (
                <TagsInput label={t('admin.preChat.topics')} value={form.preChat.topics} onChange={(v) => set('preChat', { ...form.preChat, topics: v })} error={fieldError('preChat.topics')} />
              )}
            </Stack>
          </Fieldset>
          <TagsInput
            label={t('admin.origins')}
            description={t('admin.originsHint')}
            placeholder="https://shop.example.com"
            value={form.allowedOrigins}
            onChange={(v) => set('allowedOrigins', v)}
            error={fieldError('allowedOrigins')}
            data-testid="chat-channel-origins"
          />
          <NumberInput label={t('admin.maxUpload')} min={0.1} max={1024} step={1} decimalScale={1} value={form.maxUploadMb} onChange={(v) => set('maxUploadMb', Number(v) || 1)} error={fieldError('maxUploadBytes')} suffix=" MB" />
          <Switch label={t('admin.active')} checked={form.active} onChange={(e) => set('active', e.currentTarget.checked)} />
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={channel ? t('common:actions.save') : t('common:actions.create')} submitTestId="chat-channel-save" />
        </Stack>
      </form>
    </Modal>
  );
}
