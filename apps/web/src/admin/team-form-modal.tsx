import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Loader, Modal, Paper, Stack, Switch, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { put } from '../api/client.ts';
import { useFields } from '../api/hooks.ts';
import type { FieldDefinition, Team, TeamForm } from '../api/types.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { teamFormKey, useTeamForm } from './queries.ts';

interface Entry {
  fieldId: string;
  required: boolean;
}

function FormEditor({ team, form, fields, onClose }: { team: Team; form: TeamForm; fields: FieldDefinition[]; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  // The form's order is the order the fields are asked for on a case of this team.
  const [used, setUsed] = useState<Entry[]>(form.fields.map((f) => ({ fieldId: f.id, required: f.required })));
  const byId = new Map(fields.map((f) => [f.id, f]));
  const unused = fields.filter((f) => f.active && !used.some((u) => u.fieldId === f.id));
  const save = useMutation({
    mutationFn: () => put<TeamForm>(`/teams/${team.id}/form`, { fields: used }),
    onSuccess: (saved) => {
      qc.setQueryData(teamFormKey(team.id), saved);
      notifySaved(t('teamForm.saved', { name: team.name }));
      onClose();
    },
    onError: notifyFailed,
  });
  const move = (index: number, by: number) =>
    setUsed((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('teamForm.intro')}
      </Text>
      {fields.length === 0 && <Alert color="gray">{t('teamForm.noFields')}</Alert>}
      {used.map((entry, i) => {
        const field = byId.get(entry.fieldId);
        const label = field?.label ?? entry.fieldId;
        return (
          <Paper key={entry.fieldId} withBorder p="xs" data-testid="team-form-field" data-field-key={field?.key}>
            <Group justify="space-between" wrap="nowrap">
              <Checkbox label={label} checked onChange={() => setUsed((list) => list.filter((u) => u.fieldId !== entry.fieldId))} />
              <Group gap="xs" wrap="nowrap">
                {field && !field.active && <Badge color="gray">{t('inactive')}</Badge>}
                <Switch
                  label={t('teamForm.required')}
                  aria-label={t('teamForm.requiredOf', { name: label })}
                  checked={entry.required}
                  onChange={(e) => {
                    const required = e.currentTarget.checked;
                    setUsed((list) => list.map((u) => (u.fieldId === entry.fieldId ? { ...u, required } : u)));
                  }}
                  data-testid="team-form-required"
                />
                <ActionIcon variant="subtle" color="gray" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('teamForm.up', { name: label })}>
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon variant="subtle" color="gray" disabled={i === used.length - 1} onClick={() => move(i, 1)} aria-label={t('teamForm.down', { name: label })}>
                  <IconArrowDown size={16} />
                </ActionIcon>
              </Group>
            </Group>
          </Paper>
        );
      })}
      {unused.map((field) => (
        <Paper key={field.id} withBorder p="xs" data-testid="team-form-field" data-field-key={field.key}>
          <Checkbox label={field.label} checked={false} onChange={() => setUsed((list) => [...list, { fieldId: field.id, required: false }])} />
        </Paper>
      ))}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common:actions.cancel')}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="team-form-save">
          {t('common:actions.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Which case custom fields a team's form uses, in which order, and which of them must be filled in. */
export function TeamFormModal({ team, onClose }: { team: Team; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const form = useTeamForm(team.id);
  const fields = useFields('case');
  const error = form.error ?? fields.error;
  return (
    <Modal opened onClose={onClose} title={t('teamForm.title', { name: team.name })} size="lg">
      {error ? (
        <ErrorState error={error} onRetry={() => void Promise.all([form.refetch(), fields.refetch()])} />
      ) : form.data && fields.data ? (
        <FormEditor team={team} form={form.data} fields={fields.data} onClose={onClose} />
      ) : (
        <Loader aria-label={t('common:loading')} />
      )}
    </Modal>
  );
}
