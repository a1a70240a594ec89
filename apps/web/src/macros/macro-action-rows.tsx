import { ActionIcon, Button, Group, Select, Stack, TagsInput, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { priorities, statuses } from '@switchboard/contracts/constants';
import { useTeams, useUsers } from '../api/hooks.ts';
import { blankMacroAction, macroActionTypes, type MacroActionType } from './options.ts';
import type { MacroAction } from './types.ts';

const NOBODY = '__none';
const ME = 'me';

interface RowProps {
  n: number;
  action: MacroAction;
  onChange: (a: MacroAction) => void;
  onRemove: () => void;
  error: string | undefined;
}

function ActionRow({ n, action, onChange, onRemove, error }: RowProps) {
  const { t } = useTranslation('macros');
  const users = useUsers();
  const teams = useTeams();
  let editor = null;
  switch (action.type) {
    case 'set_status':
      editor = (
        <Select
          aria-label={t('actions.statusOf', { n })}
          data={statuses.filter((s) => s !== 'new').map((s) => ({ value: s, label: t(`common:status.${s}`) }))}
          value={action.status}
          onChange={(v) => v && onChange({ ...action, status: v as typeof action.status })}
          allowDeselect={false}
          w={220}
        />
      );
      break;
    case 'set_priority':
      editor = (
        <Select
          aria-label={t('actions.priorityOf', { n })}
          data={priorities.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))}
          value={action.priority}
          onChange={(v) => v && onChange({ ...action, priority: v as typeof action.priority })}
          allowDeselect={false}
          w={220}
        />
      );
      break;
    case 'add_tags':
    case 'remove_tags':
      editor = <TagsInput aria-label={t('actions.tagsOf', { n })} value={action.tags} onChange={(tags) => onChange({ ...action, tags })} placeholder={t('actions.tagsPlaceholder')} w={320} />;
      break;
    case 'set_assignee':
      editor = (
        <Select
          aria-label={t('actions.assigneeOf', { n })}
          data={[
            { value: ME, label: t('actions.me') },
            { value: NOBODY, label: t('summary.nobody') },
            ...(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
          ]}
          value={action.assignee ?? NOBODY}
          onChange={(v) => v && onChange({ ...action, assignee: v === NOBODY ? null : v })}
          searchable
          allowDeselect={false}
          w={260}
        />
      );
      break;
    case 'set_team':
      editor = (
        <Select
          aria-label={t('actions.teamOf', { n })}
          data={[{ value: NOBODY, label: t('summary.noTeam') }, ...(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))]}
          value={action.teamId ?? NOBODY}
          onChange={(v) => v && onChange({ ...action, teamId: v === NOBODY ? null : v })}
          allowDeselect={false}
          w={260}
        />
      );
      break;
  }
  return (
    <Stack gap={2}>
      <Group gap="xs" align="flex-start" wrap="wrap" data-testid="macro-action-row">
        <Select
          aria-label={t('actions.typeOf', { n })}
          data={macroActionTypes.map((type) => ({ value: type, label: t(`actions.type.${type}`) }))}
          value={action.type}
          onChange={(v) => v && v !== action.type && onChange(blankMacroAction(v as MacroActionType))}
          allowDeselect={false}
          w={200}
          data-testid="macro-action-type"
        />
        {editor}
        <ActionIcon variant="subtle" color="red" size="lg" onClick={onRemove} aria-label={t('actions.remove', { n })}>
          <IconTrash size={18} />
        </ActionIcon>
      </Group>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** The macro's actions, one row each, in the order they apply. */
export function MacroActionRows({ actions, onChange, errorOf }: { actions: MacroAction[]; onChange: (a: MacroAction[]) => void; errorOf: (i: number) => string | undefined }) {
  const { t } = useTranslation('macros');
  return (
    <Stack gap="xs">
      {actions.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('actions.none')}
        </Text>
      )}
      {actions.map((a, i) => (
        <ActionRow
          key={i}
          n={i + 1}
          action={a}
          error={errorOf(i)}
          onChange={(v) => onChange(actions.map((x, j) => (j === i ? v : x)))}
          onRemove={() => onChange(actions.filter((_, j) => j !== i))}
        />
      ))}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onChange([...actions, blankMacroAction('set_status')])} data-testid="macro-add-action">
          {t('actions.add')}
        </Button>
      </Group>
    </Stack>
  );
}
