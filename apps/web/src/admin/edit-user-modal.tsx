import { useState, type FormEvent } from 'react';
import { Button, Divider, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, patch, post } from '../api/client.ts';
import type { User } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { InviteLink } from './invite-link.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import type { IssuedInvitation } from './types.ts';
import { RoleSelect, TeamsSelect, UserLanguageSelect } from './user-fields.tsx';
import { ModalActions } from '../ui/modal-actions.tsx';

/** Changes a staff user (name, role, teams, language, active) and re-issues their invitation link. */
export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { user: me } = useSession();
  const qc = useQueryClient();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<string>(user.role);
  const [teamIds, setTeamIds] = useState(user.teams.map((team) => team.id));
  const [language, setLanguage] = useState<string>(user.language);
  const [active, setActive] = useState(user.active);
  const save = useMutation({
    mutationFn: () => patch<User>(`/users/${user.id}`, { name, role, teamIds, language, active }, { version: user.version }),
    onSuccess: (u) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      void qc.invalidateQueries({ queryKey: ['teams'] });
      if (u.id === me.id) void qc.invalidateQueries({ queryKey: ['session'] });
      notifySaved(t('users.saved', { name: u.name }));
      onClose();
    },
    onError: notifyFailed,
  });
  const reissue = useMutation({ mutationFn: () => post<IssuedInvitation>(`/users/${user.id}/invite`), onError: notifyFailed });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const self = user.id === me.id;

  return (
    <Modal opened onClose={onClose} title={t('users.editTitle', { name: user.name })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('users.email')} value={user.email} readOnly disabled description={t('users.emailFixed')} />
          <TextInput label={t('users.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-testid="user-name" data-autofocus />
          <RoleSelect value={role} onChange={setRole} error={fieldError('role')} testId="user-role" />
          <TeamsSelect value={teamIds} onChange={setTeamIds} error={fieldError('teamIds')} testId="user-teams" />
          <UserLanguageSelect value={language} onChange={setLanguage} testId="user-language" />
          <Switch
            label={t('users.activeLabel')}
            description={self ? t('users.selfActive') : t('users.activeHint')}
            checked={active}
            disabled={self}
            onChange={(e) => setActive(e.currentTarget.checked)}
            data-testid="user-active-switch"
          />
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={t('common:actions.save')} submitTestId="user-save" />
        </Stack>
      </form>
      {!self && (
        <>
          <Divider my="lg" label={t('invite.reissueSection')} labelPosition="left" />
          {reissue.data ? (
            <InviteLink url={reissue.data.inviteUrl} name={user.name} expiresAt={reissue.data.expiresAt} />
          ) : (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t('invite.reissueHint')}
              </Text>
              <Button
                variant="default"
                leftSection={<IconLink size={16} />}
                onClick={() => reissue.mutate()}
                loading={reissue.isPending}
                disabled={!user.active}
                w="fit-content"
                data-testid="user-reissue-invite"
              >
                {t('invite.reissue')}
              </Button>
            </Stack>
          )}
        </>
      )}
    </Modal>
  );
}
