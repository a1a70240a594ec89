import { useState, type ReactNode } from 'react';
import { ActionIcon, AppShell, Badge, Burger, Button, Group, Kbd, Tooltip, UnstyledButton, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch, IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PushedEvent } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { useLiveUpdates } from '../realtime/live-updates.ts';
import { CommandPalette, openCommandPalette } from '../search/command-palette.tsx';
import { NotificationBell, type NotificationPayload } from '../notifications/notification-bell.tsx';
import { NewCaseModal } from '../case/new-case-modal.tsx';
import { Logo } from './logo.tsx';
import { Navigation } from './navigation.tsx';
import { ShortcutHelp } from './shortcut-help.tsx';
import { UserMenu } from './user-menu.tsx';

/** The frame of every signed-in screen: header, navigation with live view counts, global shortcuts. */
export function AppShellLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const [navOpen, nav] = useDisclosure(false);
  const [helpOpen, help] = useDisclosure(false);
  const [newCaseOpen, setNewCaseOpen] = useState(false);

  const onEvent = (e: PushedEvent) => {
    if (e.type !== 'notification.created') return;
    const n = e.payload as unknown as NotificationPayload;
    notifications.show({
      id: `notification-${n.id}`,
      title: t(`notifications.${n.kind}`, { number: n.case.number, name: n.actor?.name ?? '' }),
      message: n.excerpt || n.case.subject,
      color: n.kind === 'assigned' ? 'blue' : 'teal',
      autoClose: 8000,
      onClick: () => navigate(`/cases/${n.case.number}`),
      style: { cursor: 'pointer' },
    });
  };
  const connection = useLiveUpdates(onEvent);

  useHotkeys([
    ['mod+K', () => openCommandPalette()],
    ['/', () => openCommandPalette()],
    ['shift+?', () => help.toggle()],
    ['c', () => setNewCaseOpen(true)],
  ]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: 'md', collapsed: { mobile: !navOpen } }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="md" size="sm" aria-label={t('nav.toggle')} />
            <UnstyledButton onClick={() => navigate('/inbox/mine')} aria-label={`Switchboard – ${t('nav.home')}`}>
              <Logo />
            </UnstyledButton>
          </Group>
          <UnstyledButton onClick={() => openCommandPalette()} data-testid="search-trigger" style={{ flex: '0 1 420px' }}>
            <Group gap="xs" px="sm" h={36} wrap="nowrap" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
              <IconSearch size={16} aria-hidden />
              <Text size="sm" c="dimmed" style={{ flex: 1 }} truncate>
                {t('search.placeholder')}
              </Text>
              <Kbd size="xs" visibleFrom="sm">
                Ctrl K
              </Kbd>
            </Group>
          </UnstyledButton>
          <Group gap="xs" wrap="nowrap">
            {connection === 'closed' && (
              <Tooltip label={t('connection.lostHint')}>
                <Badge color="orange" leftSection={<IconWifiOff size={12} />} data-testid="connection-lost">
                  {t('connection.lost')}
                </Badge>
              </Tooltip>
            )}
            <Button leftSection={<IconPlus size={16} />} size="sm" onClick={() => setNewCaseOpen(true)} visibleFrom="sm" data-testid="new-case">
              {t('newCase.button')}
            </Button>
            <ActionIcon variant="default" size="lg" onClick={() => setNewCaseOpen(true)} hiddenFrom="sm" aria-label={t('newCase.button')}>
              <IconPlus size={18} />
            </ActionIcon>
            <NotificationBell />
            <UserMenu user={user} onShortcuts={help.open} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <Navigation onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        <VisuallyHidden>
          <h1>Switchboard</h1>
        </VisuallyHidden>
        {children}
      </AppShell.Main>
      <CommandPalette />
      <ShortcutHelp opened={helpOpen} onClose={help.close} />
      <NewCaseModal opened={newCaseOpen} onClose={() => setNewCaseOpen(false)} />
    </AppShell>
  );
}
