import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ActivityProps } from '../case/activities.tsx';
import { ActionBadges } from './action-summary.tsx';
import type { MacroAppliedActivity } from './types.ts';

/** The timeline's line for `macros.applied`: who applied which macro, in which language, and what it changed. */
export function MacroAppliedLine({ entry, activity, when }: ActivityProps) {
  const { t } = useTranslation('macros');
  const data = activity.data as unknown as MacroAppliedActivity;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" px="xs" data-testid="timeline-macro" data-activity={activity.type}>
      <IconTemplate size={16} aria-hidden style={{ marginTop: 2, flexShrink: 0 }} />
      <Stack gap={4} style={{ flex: 1 }}>
        <Text size="sm" c="dimmed">
          {t('activity.applied', { name: entry.author.name, macro: data.name })}{' '}
          <Badge component="span" size="xs" variant="outline" color="gray" tt="none">
            {t(`common:languageName.${data.language}`)}
            {data.fellBack ? ` · ${t('activity.fellBack')}` : ''}
          </Badge>
        </Text>
        <ActionBadges actions={data.actions} size="xs" />
      </Stack>
      {when}
    </Group>
  );
}
