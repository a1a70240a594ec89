import { Group, Text } from '@mantine/core';
import { IconMail, IconMessageCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ActivityProps } from '../case/activities.tsx';

/** "Chat started on …" and "Replies go by email to …" in the agent's language. */
export function ChatActivity({ entry, activity, when }: ActivityProps) {
  const { t } = useTranslation('chat');
  const d = activity.data as { origin?: string; channel?: string; identified?: boolean; email?: string; reason?: string };
  const text =
    activity.type === 'chat.started'
      ? t(d.identified ? 'activity.startedIdentified' : 'activity.started', { origin: d.origin ?? '', channel: d.channel ?? '' })
      : t(d.reason === 'left' ? 'activity.emailLeft' : 'activity.emailOffline', { email: d.email ?? '' });
  const Icon = activity.type === 'chat.started' ? IconMessageCircle : IconMail;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" px="xs" data-testid="timeline-activity" data-activity={activity.type}>
      <Icon size={16} aria-hidden style={{ marginTop: 2, flexShrink: 0 }} />
      <Text size="sm" c="dimmed" style={{ flex: 1 }} title={entry.body}>
        {text}
      </Text>
      {when}
    </Group>
  );
}
