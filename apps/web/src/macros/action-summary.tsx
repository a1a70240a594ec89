import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../api/hooks.ts';
import type { MacroAction } from './types.ts';

/** One action in a few words: "Status: Solved", "+ refund", "Assign: me". */
export function useActionLabel(): (a: MacroAction) => string {
  const { t } = useTranslation('macros');
  const teams = useTeams();
  const users = useUsers();
  return (a) => {
    switch (a.type) {
      case 'set_status':
        return t('summary.status', { status: t(`common:status.${a.status}`) });
      case 'set_priority':
        return t('summary.priority', { priority: t(`common:priority.${a.priority}`) });
      case 'add_tags':
        return a.tags.map((tag) => `+ ${tag}`).join(' ');
      case 'remove_tags':
        return a.tags.map((tag) => `− ${tag}`).join(' ');
      case 'set_assignee': {
        const who = a.assignee === 'me' ? t('summary.me') : a.assignee === null ? t('summary.nobody') : (users.data?.find((u) => u.id === a.assignee)?.name ?? '…');
        return t('summary.assignee', { who });
      }
      case 'set_team': {
        const team = a.teamId === null ? t('summary.noTeam') : (teams.data?.find((x) => x.id === a.teamId)?.name ?? '…');
        return t('summary.team', { team });
      }
    }
  };
}

/** A macro's actions as small badges (the picker, the lists, the timeline). */
export function ActionBadges({ actions, size = 'sm' }: { actions: readonly MacroAction[]; size?: 'xs' | 'sm' }) {
  const label = useActionLabel();
  if (actions.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap" data-testid="macro-actions">
      {actions.map((a, i) => (
        <Badge key={i} size={size} variant="light" color={a.type === 'remove_tags' ? 'gray' : 'blue'} tt="none">
          {label(a)}
        </Badge>
      ))}
    </Group>
  );
}
