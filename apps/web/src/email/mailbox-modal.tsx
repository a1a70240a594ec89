import { useState, type FormEvent } from 'react';
import { Collapse, Fieldset, Group, Modal, NumberInput, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';
import { ApiError, patch, post } from '../api/client.ts';
import { useTeams } from '../api/hooks.ts';
import { ModalActions } from '../ui/modal-actions.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';

export type Mailbox = z.infer<typeof C.Mailbox>;

/** Adds a mailbox or changes one: its address, the team its new cases go to, on or off. */
export function MailboxModal({ mailbox, onClose }: { mailbox: Mailbox | null; onClose: () => void }) {
  const { t } = useTranslation('email');
  const qc = useQueryClient();
  const teams = useTeams();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [name, setName] = useState(mailbox?.name ?? '');
  const [address, setAddress] = useState(mailbox?.address ?? '');
  const [teamId, setTeamId] = useState<string | null>(mailbox?.team?.id ?? null);
  const [active, setActive] = useState(mailbox?.active ?? true);
  const [imap, setImap] = useState({
    enabled: mailbox?.imap.enabled ?? false,
    host: mailbox?.imap.host ?? '',
    port: mailbox?.imap.port ?? 993,
    secure: mailbox?.imap.secure ?? true,
    user: mailbox?.imap.user ?? '',
    password: '',
    folder: mailbox?.imap.folder ?? 'INBOX',
  });
  const imapBody = () =>
    imap.enabled || mailbox?.imap.enabled
      ? { enabled: imap.enabled, host: imap.host || undefined, port: imap.port, secure: imap.secure, user: imap.user || undefined, password: imap.password || undefined, folder: imap.folder || undefined }
      : undefined;
  const save = useMutation({
    mutationFn: () =>
      mailbox
        ? patch<Mailbox>(`/mailboxes/${mailbox.id}`, { name, address, teamId, active, imap: imapBody(), version: mailbox.version })
        : post<Mailbox>('/mailboxes', { name, address, teamId, active, imap: imapBody() }, { idempotencyKey }),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['mailboxes'] });
      notifySaved(t('mailboxes.saved', { name: saved.name }));
      onClose();
    },
    onError: notifyFailed,
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={mailbox ? t('mailboxes.editTitle', { name: mailbox.name }) : t('mailboxes.newTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('mailboxes.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-testid="mailbox-name" data-autofocus />
          <TextInput label={t('mailboxes.address')} required type="email" value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={fieldError('address')} data-testid="mailbox-address" />
          <Select
            label={t('mailboxes.team')}
            description={t('mailboxes.teamHint')}
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            value={teamId}
            onChange={setTeamId}
            clearable
            error={fieldError('teamId')}
            data-testid="mailbox-team"
            comboboxProps={{ withinPortal: true }}
          />
          <Switch label={t('mailboxes.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} data-testid="mailbox-active" />
          <Fieldset legend={t('mailboxes.imap.legend')} variant="filled">
            <Stack gap="sm">
              <Switch
                label={t('mailboxes.imap.enabled')}
                description={t('mailboxes.imap.hint')}
                checked={imap.enabled}
                onChange={(e) => setImap({ ...imap, enabled: e.currentTarget.checked })}
                data-testid="mailbox-imap-enabled"
              />
              <Collapse expanded={imap.enabled}>
                <Stack gap="sm">
                  <Group grow align="flex-start">
                    <TextInput label={t('mailboxes.imap.host')} required value={imap.host} onChange={(e) => setImap({ ...imap, host: e.currentTarget.value })} error={fieldError('imap.host')} placeholder="imap.example.com" />
                    <NumberInput label={t('mailboxes.imap.port')} min={1} max={65535} allowDecimal={false} value={imap.port} onChange={(v) => setImap({ ...imap, port: Number(v) || 993 })} error={fieldError('imap.port')} maw={120} />
                  </Group>
                  <Switch label={t('mailboxes.imap.secure')} checked={imap.secure} onChange={(e) => setImap({ ...imap, secure: e.currentTarget.checked })} />
                  <TextInput label={t('mailboxes.imap.user')} required value={imap.user} onChange={(e) => setImap({ ...imap, user: e.currentTarget.value })} error={fieldError('imap.user')} autoComplete="off" />
                  <PasswordInput
                    label={t('mailboxes.imap.password')}
                    description={mailbox?.imap.hasPassword ? t('mailboxes.imap.passwordKept') : undefined}
                    required={!mailbox?.imap.hasPassword}
                    value={imap.password}
                    onChange={(e) => setImap({ ...imap, password: e.currentTarget.value })}
                    error={fieldError('imap.password')}
                    autoComplete="new-password"
                  />
                  <TextInput label={t('mailboxes.imap.folder')} value={imap.folder} onChange={(e) => setImap({ ...imap, folder: e.currentTarget.value })} error={fieldError('imap.folder')} />
                </Stack>
              </Collapse>
            </Stack>
          </Fieldset>
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={mailbox ? t('common:actions.save') : t('common:actions.create')} submitTestId="mailbox-save" />
        </Stack>
      </form>
    </Modal>
  );
}
