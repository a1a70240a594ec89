import { Badge, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconEye, IconLock, IconPencil, IconShieldCheck, IconThumbDown, IconThumbUp, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import type { ArticleSummary, KnowledgeVisibility } from './types.ts';

const visibilityLook: Record<KnowledgeVisibility, { color: string; icon: typeof IconEye }> = {
  public: { color: 'green', icon: IconEye },
  internal: { color: 'blue', icon: IconLock },
  draft: { color: 'gray', icon: IconPencil },
};

/** Public / internal / draft, with an icon so it does not rely on colour alone. */
export function VisibilityBadge({ visibility }: { visibility: KnowledgeVisibility }) {
  const { t } = useTranslation('knowledge');
  const { color, icon: Icon } = visibilityLook[visibility];
  return (
    <Badge size="sm" variant="light" color={color} leftSection={<Icon size={12} aria-hidden />} data-testid="visibility-badge">
      {t(`visibility.${visibility}`)}
    </Badge>
  );
}

export function PolicyBadge() {
  const { t } = useTranslation('knowledge');
  return (
    <Badge size="sm" variant="light" color="grape" leftSection={<IconShieldCheck size={12} aria-hidden />}>
      {t('policy.badge')}
    </Badge>
  );
}

/** A "not in your language" note for an article shown in its fallback language. */
export function FallbackBadge({ language }: { language: string }) {
  const { t } = useTranslation('knowledge');
  return (
    <Tooltip label={t('fallback.tooltip', { language: t(`common:languageName.${language}`) })}>
      <Badge size="sm" variant="outline" color="orange" tt="none" data-testid="fallback-badge">
        {t('fallback.badge', { language: language.toUpperCase() })}
      </Badge>
    </Tooltip>
  );
}

function Stat({ icon: Icon, value, label }: { icon: typeof IconSend; value: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={14} aria-hidden />
      <Text size="xs" c="dimmed">
        <span aria-hidden>{value}</span>
        <VisuallyHidden>{label}</VisuallyHidden>
      </Text>
    </Group>
  );
}

/** How often agents used an article, and how customers rated it. */
export function ArticleStatsLine({ stats }: { stats: ArticleSummary['stats'] }) {
  const { t } = useTranslation('knowledge');
  const f = useFormat();
  const rated = stats.helpful + stats.notHelpful;
  return (
    <Group gap="sm" wrap="nowrap" data-testid="article-stats" data-uses={stats.uses}>
      <Stat icon={IconSend} value={f.number(stats.uses)} label={t('stats.uses', { count: stats.uses })} />
      <Stat icon={IconThumbUp} value={f.number(stats.helpful)} label={t('stats.helpful', { count: stats.helpful })} />
      <Stat icon={IconThumbDown} value={f.number(stats.notHelpful)} label={t('stats.notHelpful', { count: stats.notHelpful })} />
      {rated > 0 && (
        <Text size="xs" c="dimmed">
          {t('stats.rate', { percent: Math.round((stats.helpful / rated) * 100) })}
        </Text>
      )}
    </Group>
  );
}

/** A search snippet with the matched words marked. */
export function Highlight({ parts }: { parts: Array<{ text: string; match: boolean }> }) {
  return (
    <Text size="sm" c="dimmed" lineClamp={3}>
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </Text>
  );
}
