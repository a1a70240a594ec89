import type { ComponentType, ReactNode } from 'react';
import { Group, Text } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import type { TimelineEntry } from '../api/types.ts';
import { MacroAppliedLine } from '../macros/macro-activity.tsx';
import { ChatActivity } from '../chat/chat-activity.tsx';
import { ArticleSentLine } from '../knowledge/article-activity.tsx';
import { FlowActivity } from '../flows/flow-activity.tsx';

/** What a renderer of one activity type receives: the entry, its activity, and the "when" element. */
export interface ActivityProps {
  entry: TimelineEntry;
  activity: NonNullable<TimelineEntry['activity']>;
  when: ReactNode;
}

/**
 * How each module's activity entries look in the timeline, by activity type ("flows.step").
 * A module adds its renderer here; a type without one shows its one-line summary.
 */
const renderers: Record<string, ComponentType<ActivityProps>> = {
  'macros.applied': MacroAppliedLine,
  'knowledge.article_sent': ArticleSentLine,
  'flows.started': FlowActivity,
  'flows.step': FlowActivity,
  'flows.back': FlowActivity,
  'flows.abandoned': FlowActivity,
  'flows.outcome': FlowActivity,
  'chat.started': ChatActivity,
  'chat.email_continuation': ChatActivity,
};

function ActivityLine({ entry, when }: ActivityProps) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" px="xs" data-testid="timeline-activity" data-activity={entry.activity?.type}>
      <IconListDetails size={16} aria-hidden style={{ marginTop: 2, flexShrink: 0 }} />
      <Text size="sm" c="dimmed" style={{ flex: 1 }}>
        <Text span fw={600} inherit>
          {entry.author.name}
        </Text>{' '}
        {entry.body}
      </Text>
      {when}
    </Group>
  );
}

/** One activity entry, drawn by its module's renderer. */
export function Activity({ entry, when }: { entry: TimelineEntry; when: ReactNode }) {
  const activity = entry.activity;
  if (!activity) return null;
  const Renderer = renderers[activity.type] ?? ActivityLine;
  return <Renderer entry={entry} activity={activity} when={when} />;
}
