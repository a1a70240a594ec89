import type { ReactNode } from 'react';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * What an outcome does to the case, as badges: the status it sets, the team it transfers to, its
 * tags. The runner shows them before the outcome is applied; the timeline shows what it did.
 */
export function OutcomeEffects({
  status,
  team,
  tags,
  added = false,
  children,
}: {
  status: string | null | undefined;
  team: { name: string } | null | undefined;
  tags: readonly string[];
  /** The tags were added to the case (shown as +#tag, as the timeline documents them). */
  added?: boolean;
  /** Shown first in the same row (the timeline's badge of the outcome's kind). */
  children?: ReactNode;
}) {
  const { t } = useTranslation('flows');
  return (
    <Group gap={4}>
      {children}
      {status && (
        <Badge size="xs" variant="light" color="green" tt="none">
          {t('runner.setsStatus', { status: t(`common:status.${status}`) })}
        </Badge>
      )}
      {team && (
        <Badge size="xs" variant="light" color="orange" tt="none">
          {t('runner.transfers', { team: team.name })}
        </Badge>
      )}
      {tags.map((tag) => (
        <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
          {added ? '+' : ''}#{tag}
        </Badge>
      ))}
    </Group>
  );
}
