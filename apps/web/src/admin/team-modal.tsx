import { useState, type FormEvent } from 'react';
import { Modal, MultiSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, patch, post } from '../api/client.ts';
import type { Team } from '../api/types.ts';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { useAllUsers } from './queries.ts';
import { ModalActions } from '../ui/modal-actions.tsx';

/** Creates a team (team = null) or renames one and replaces its members. */
export function TeamModal({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const users = useAllUsers();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [name, setName] = useState(team?.name ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const [memberIds, setMemberIds] = useState(team?.members.map((m) => m.id) ?? []);
  const save = useMutation({
    mutationFn: () =>
      team
        ? patch<Team>(`/teams/${team.id}`, { name, description, memberIds }, { version: team.version })
        : post<Team>('/teams', { name, description, memberIds }, { idempotencyKey }),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['teams'] });
      void qc.invalidateQueries({ queryKey: ['users'] });
      notifySaved(t(team ? 'teams.saved' : 'teams.created', { name: saved.name }));
      onClose();
    },
    onError: notifyFailed,
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  // Deactivated users are left out unless they are members already (so saving keeps them).
  const options = (users.data ?? [])
    .filter((u) => u.active || memberIds.includes(u.id))
    .map((u) => ({ value: u.id, label: `${u.name} · ${t(`common:role.${u.role}`)}` }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={team ? t('teams.editTitle', { name: team.name }) : t('teams.newTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('teams.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-testid="team-name" data-autofocus />
          <Textarea
            label={t('teams.description')}
            autosize
            minRows={2}
            maxRows={6}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError('description')}
            data-testid="team-description"
          />
          <MultiSelect
            label={t('teams.members')}
            data={options}
            value={memberIds}
            onChange={setMemberIds}
            searchable
            clearable
            error={fieldError('memberIds')}
            data-testid="team-members"
            comboboxProps={{ withinPortal: true }}
          />
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={team ? t('common:actions.save') : t('common:actions.create')} submitTestId="team-save" />
        </Stack>
      </form>
    </Modal>
  );
}
