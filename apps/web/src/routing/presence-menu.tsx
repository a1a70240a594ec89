import { Menu } from '@mantine/core';
import { IconCircleFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyFailed } from '../ui/notify.ts';
import { presenceColor, usePresence, useSetPresence } from './presence.ts';
import type { PresenceReason, PresenceStatus } from './types.ts';

const choices: Array<{ status: PresenceStatus; reason: PresenceReason | null }> = [
  { status: 'online', reason: null },
  { status: 'away', reason: 'break' },
  { status: 'away', reason: 'lunch' },
  { status: 'away', reason: 'meeting' },
  { status: 'away', reason: 'training' },
  { status: 'offline', reason: null },
];

/** The presence choices inside the user menu: what routing sees of you. */
export function PresenceMenuItems() {
  const { t } = useTranslation('routing');
  const { data } = usePresence();
  const setPresence = useSetPresence();
  return (
    <>
      <Menu.Label data-testid="presence-current">{data ? t('presence.current', { status: presenceLabel(t, data.status, data.reason) }) : t('presence.title')}</Menu.Label>
      {choices.map((c) => {
        const selected = data?.status === c.status && (c.status !== 'away' || data.reason === c.reason);
        return (
          <Menu.Item
            key={`${c.status}-${c.reason ?? ''}`}
            leftSection={<IconCircleFilled size={10} color={`var(--mantine-color-${presenceColor(c.status)}-6)`} aria-hidden />}
            aria-current={selected || undefined}
            fw={selected ? 600 : undefined}
            data-testid={`presence-${c.status}${c.reason ? `-${c.reason}` : ''}`}
            onClick={() => setPresence.mutate({ status: c.status, reason: c.reason }, { onError: (e) => notifyFailed(e) })}
          >
            {presenceLabel(t, c.status, c.reason)}
          </Menu.Item>
        );
      })}
    </>
  );
}

/** "Away – break", "Online". */
export function presenceLabel(t: (key: string) => string, status: PresenceStatus, reason: PresenceReason | null): string {
  const s = t(`presence.status.${status}`);
  return reason ? `${s} – ${t(`presence.reason.${reason}`)}` : s;
}
