import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../api/client.ts';
import { InviteLink } from './invite-link.tsx';
import { notifyFailed } from '../ui/notify.ts';
import type { CreatedUser } from './types.ts';
import { RoleSelect, TeamsSelect, UserLanguageSelect } from './user-fields.tsx';
import { ModalActions } from '../ui/modal-actions.tsx';

interface Draft {
  name: string;
  email: string;
  role: string;
  teamIds: string[];
  language: string;
}

function InviteForm({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const qc = useQueryClient();
  // One key per opening of the dialog: a retried submit never creates the user twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [draft, setDraft] = useState<Draft>({ name: '', email: '', role: 'agent', teamIds: [], language: i18n.resolvedLanguage ?? 'en' });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const create = useMutation({
    mutationFn: () => post<CreatedUser>('/users', draft, { idempotencyKey }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      void qc.invalidateQueries({ queryKey: ['teams'] });
    },
    onError: notifyFailed,
  });
  const fieldError = (f: string) => (create.error instanceof ApiError ? create.error.fieldError(f) : undefined);

  if (create.data) {
    return (
      <Stack>
        {create.data.inviteUrl ? (
          <InviteLink url={create.data.inviteUrl} name={create.data.name} />
        ) : (
          // An idempotent replay answers without the link: it was shown the first time only.
          <Text size="sm">{t('invite.replayed')}</Text>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="invite-done">
            {t('invite.done')}
          </Button>
        </Group>
      </Stack>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('invite.intro')}
        </Text>
        <TextInput label={t('users.name')} required value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} error={fieldError('name')} data-testid="invite-name" data-autofocus />
        <TextInput label={t('users.email')} type="email" required value={draft.email} onChange={(e) => set({ email: e.currentTarget.value })} error={fieldError('email')} data-testid="invite-email" />
        <RoleSelect value={draft.role} onChange={(role) => set({ role })} error={fieldError('role')} testId="invite-role" />
        <TeamsSelect value={draft.teamIds} onChange={(teamIds) => set({ teamIds })} error={fieldError('teamIds')} testId="invite-teams" />
        <UserLanguageSelect value={draft.language} onChange={(language) => set({ language })} testId="invite-language" />
        <ModalActions onCancel={onClose} loading={create.isPending} submitLabel={t('invite.submit')} submitTestId="invite-submit" />
      </Stack>
    </form>
  );
}

/** Invites an agent: creates the user without a password and shows the one-time link to send them. */
export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Modal opened={opened} onClose={onClose} title={t('invite.title')} size="lg">
      {opened && <InviteForm onClose={onClose} />}
    </Modal>
  );
}
