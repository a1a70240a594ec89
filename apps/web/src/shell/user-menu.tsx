import { Avatar, Indicator, Menu, UnstyledButton, VisuallyHidden, useMantineColorScheme } from '@mantine/core';
import { IconKeyboard, IconLogout, IconMoon, IconSettings, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { User } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { presenceLabel, PresenceMenuItems } from '../routing/presence-menu.tsx';
import { presenceColor, usePresence, usePresenceKeeper } from '../routing/presence.ts';

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}

export function UserMenu({ user, onShortcuts }: { user: User; onShortcuts: () => void }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const dark = colorScheme === 'dark';
  // The user menu is always on screen: it keeps the agent's presence alive for routing.
  usePresenceKeeper();
  const { t: tr } = useTranslation('routing');
  const presence = usePresence().data;
  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu">
          <Indicator color={presenceColor(presence?.effective)} position="bottom-end" size={11} offset={4} withBorder data-testid="presence-dot" data-presence={presence?.effective}>
            <Avatar color="blue" radius="xl" size={34} aria-hidden>
              {initials(user.name)}
            </Avatar>
          </Indicator>
          <VisuallyHidden>
            {t('userMenu.open', { name: user.name })}
            {presence ? ` (${presenceLabel(tr, presence.status, presence.reason)})` : ''}
          </VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.name}</Menu.Label>
        <PresenceMenuItems />
        <Menu.Divider />
        <Menu.Item leftSection={<IconSettings size={16} />} onClick={() => navigate('/settings')}>
          {t('nav.settings')}
        </Menu.Item>
        <Menu.Item leftSection={dark ? <IconSun size={16} /> : <IconMoon size={16} />} onClick={() => setColorScheme(dark ? 'light' : 'dark')} data-testid="toggle-theme">
          {dark ? t('userMenu.lightTheme') : t('userMenu.darkTheme')}
        </Menu.Item>
        <Menu.Item leftSection={<IconKeyboard size={16} />} onClick={onShortcuts}>
          {t('userMenu.shortcuts')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()} data-testid="sign-out">
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
