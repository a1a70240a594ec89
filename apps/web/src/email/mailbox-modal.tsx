import { useState, type FormEvent } from 'react';
import { Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
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
  const save = useMutation({
    mutationFn: () =>
      mailbox
        ? patch<Mailbox>(`/mailboxes/${mailbox.id}`, { name, address, teamId, active, version: mailbox.version })
        : post<Mailbox>('/mailboxes', { name, address, teamId, active }, { idempotencyKey }),
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
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={mailbox ? t('common:actions.save') : t('common:actions.create')} submitTestId="mailbox-save" />
        </Stack>
      </form>
    </Modal>
  );
}
