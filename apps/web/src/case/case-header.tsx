import { ActionIcon, Avatar, Badge, Group, Menu, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconChevronDown, IconChevronUp, IconDots, IconGitMerge, IconLayoutSidebarRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../api/types.ts';
import { PriorityBadge, StatusBadge } from '../ui/badges.tsx';
import { CaseSlaBadge } from '../sla/case-sla.tsx';
import { initials } from '../shell/user-menu.tsx';
import type { Colleague } from './presence.ts';

interface Props {
  c: Case;
  others: Colleague[];
  onBack: () => void;
  onStep: (step: 1 | -1) => void;
  onMerge: () => void;
  onDetails?: (() => void) | undefined;
}

/** Number, subject, badges, who else is here, and the case's actions. */
export function CaseHeader({ c, others, onBack, onStep, onMerge, onDetails }: Props) {
  const { t } = useTranslation('case');
  return (
    <Group justify="space-between" wrap="nowrap" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }} data-testid="case-header">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Tooltip label={t('header.back')}>
          <ActionIcon variant="subtle" color="gray" onClick={onBack} aria-label={t('header.back')}>
            <IconArrowLeft size={18} />
          </ActionIcon>
        </Tooltip>
        <div style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Text c="dimmed" fw={600}>
              #{c.number}
            </Text>
            <Title order={2} size="h4" lineClamp={1} data-testid="case-subject">
              {c.subject}
            </Title>
          </Group>
          <Group gap={6} mt={2}>
            <StatusBadge status={c.status} customName={c.customStatus?.name} />
            <PriorityBadge priority={c.priority} />
            <Badge color="gray">{t(`common:channel.${c.channel}`)}</Badge>
            <CaseSlaBadge c={c} />
          </Group>
        </div>
      </Group>
      <Group gap="xs" wrap="nowrap">
        {others.length > 0 && (
          <Group gap={6} wrap="nowrap" data-testid="presence" aria-live="polite">
            <Avatar.Group>
              {others.map((o) => (
                <Tooltip key={o.id} label={o.state === 'typing' ? t('presence.typing', { name: o.name }) : t('presence.viewing', { name: o.name })}>
                  <Avatar radius="xl" size={30} color={o.state === 'typing' ? 'orange' : 'teal'} aria-label={o.name}>
                    {initials(o.name)}
                  </Avatar>
                </Tooltip>
              ))}
            </Avatar.Group>
            <Text size="xs" c="dimmed" visibleFrom="lg" data-testid="presence-text">
              {others.some((o) => o.state === 'typing')
                ? t('presence.typing', { name: others.filter((o) => o.state === 'typing').map((o) => o.name).join(', ') })
                : t('presence.viewing', { name: others.map((o) => o.name).join(', ') })}
            </Text>
          </Group>
        )}
        <Tooltip label={t('header.previous')}>
          <ActionIcon variant="default" onClick={() => onStep(-1)} aria-label={t('header.previous')}>
            <IconChevronUp size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('header.next')}>
          <ActionIcon variant="default" onClick={() => onStep(1)} aria-label={t('header.next')} data-testid="next-case">
            <IconChevronDown size={16} />
          </ActionIcon>
        </Tooltip>
        {onDetails && (
          <ActionIcon variant="default" onClick={onDetails} aria-label={t('header.details')} data-testid="case-details">
            <IconLayoutSidebarRight size={16} />
          </ActionIcon>
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="default" aria-label={t('header.more')} data-testid="case-menu">
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconGitMerge size={16} />} onClick={onMerge} disabled={!!c.mergedIntoId} data-testid="merge-case">
              {t('merge.menu')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}
