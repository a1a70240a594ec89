import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlarm, IconAlertTriangle, IconArrowUpCircle, IconBell, IconMessageCircle, IconUserCheck } from '@tabler/icons-react';
import type { NotificationKind } from '@switchboard/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { get, post } from '../api/client.ts';
import { useFormat } from '../i18n/format.ts';

const kindIcons: Record<NotificationKind, typeof IconBell> = {
  assigned: IconUserCheck,
  customer_replied: IconMessageCircle,
  escalated: IconArrowUpCircle,
  sla_warning: IconAlarm,
  sla_breached: IconAlertTriangle,
};

export interface NotificationPayload {
  id: string;
  kind: NotificationKind;
  case: { id: string; number: number; subject: string };
  actor: { id: string; name: string } | null;
  excerpt: string;
  read: boolean;
  createdAt: string;
}

interface NotificationPage {
  items: NotificationPayload[];
  nextCursor: string | null;
  unreadCount: number;
}

/** The bell: unread count, the latest notifications, and marking them read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ['notifications'], queryFn: () => get<NotificationPage>('/notifications', { limit: 30 }) });
  const markRead = useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => post<{ unreadCount: number }>('/notifications/read', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = list.data?.unreadCount ?? 0;
  // The button's overflow is visible: the unread count sits on its edge and would be cut off.
  return (
    <Popover width={360} position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <ActionIcon variant="default" size="lg" aria-label={t('notifications.open', { count: unread })} style={{ overflow: 'visible' }} data-testid="notifications">
          <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red" offset={-2} data-testid="notifications-unread" data-count={unread}>
            <IconBell size={18} />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" p="sm">
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} onClick={() => markRead.mutate({ all: true })}>
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420}>
          <Stack gap={0}>
            {list.data?.items.length === 0 && (
              <Text size="sm" c="dimmed" p="sm">
                {t('notifications.empty')}
              </Text>
            )}
            {list.data?.items.map((n) => (
              <UnstyledButton
                key={n.id}
                p="sm"
                className="sb-row"
                data-selected={!n.read}
                data-testid="notification-item"
                onClick={() => {
                  if (!n.read) markRead.mutate({ ids: [n.id] });
                  navigate(`/cases/${n.case.number}`);
                }}
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  {(() => {
                    const Icon = kindIcons[n.kind] ?? IconBell;
                    return <Icon size={18} aria-hidden />;
                  })()}
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Text size="sm" fw={n.read ? 400 : 600}>
                      {t(`notifications.${n.kind}`, { number: n.case.number, name: n.actor?.name ?? '' })}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {n.excerpt || n.case.subject}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {f.relative(n.createdAt)}
                    </Text>
                  </div>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
