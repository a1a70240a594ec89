import { Anchor, Badge, Group, Text } from '@mantine/core';
import { IconBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ActivityProps } from '../case/activities.tsx';
import type { ArticleSentActivity } from './types.ts';

/** The timeline's line for `knowledge.article_sent`: who put which article into a reply, how, in which language. */
export function ArticleSentLine({ entry, activity, when }: ActivityProps) {
  const { t } = useTranslation('knowledge');
  const data = activity.data as unknown as ArticleSentActivity;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" px="xs" data-testid="timeline-article-sent" data-activity={activity.type}>
      <IconBook size={16} aria-hidden style={{ marginTop: 2, flexShrink: 0 }} />
      <Text size="sm" c="dimmed" style={{ flex: 1 }}>
        {t(data.mode === 'link' ? 'activity.sentLink' : 'activity.sentText', { name: entry.author.name })}{' '}
        <Anchor component={RouterLink} to={`/knowledge/articles/${data.articleId}?lang=${data.language}`} inherit fw={600} lang={data.language}>
          {data.title}
        </Anchor>{' '}
        <Badge component="span" size="xs" variant="outline" color={data.fellBack ? 'orange' : 'gray'} tt="none">
          {t(`common:languageName.${data.language}`)}
          {data.fellBack ? ` · ${t('activity.fellBack')}` : ''}
        </Badge>
      </Text>
      {when}
    </Group>
  );
}
