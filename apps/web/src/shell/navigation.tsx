import { Badge, Divider, NavLink, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import { IconAddressBook, IconChartBar, IconInbox, IconSettings, IconShieldCog, IconUser, IconUsersGroup, IconClock, IconListDetails, IconTemplate, IconBook, IconRoute } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useViews } from '../api/hooks.ts';
import { useSession } from '../auth/session.tsx';
import { useFormat } from '../i18n/format.ts';
import './navigation.css';

const viewIcons: Record<string, typeof IconInbox> = { mine: IconUser, unassigned: IconInbox, open: IconListDetails, pending: IconClock, all: IconUsersGroup };

/** The sidebar: views with live counts, then the other areas the user's role may use. */
export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { pathname } = useLocation();
  const views = useViews();
  const f = useFormat();
  const link = (to: string, label: string, icon: typeof IconInbox, extra?: React.ReactNode, testId?: string) => {
    const Icon = icon;
    return (
      <NavLink
        key={to}
        component={RouterLink}
        to={to}
        className="sb-nav-link"
        label={label}
        leftSection={<Icon size={18} aria-hidden />}
        rightSection={extra}
        active={pathname === to || pathname.startsWith(`${to}/`)}
        onClick={onNavigate}
        data-testid={testId}
      />
    );
  };
  return (
    <Stack gap={4} h="100%" component="nav" aria-label={t('nav.label')}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt={4}>
        {t('nav.views')}
      </Text>
      <ScrollArea style={{ flex: 1 }} type="auto">
        {views.isPending && Array.from({ length: 5 }, (_, i) => <Skeleton key={i} h={32} my={4} />)}
        {views.data?.map((v) =>
          link(
            `/inbox/${v.id}`,
            v.builtIn ? t(`views.${v.id}`) : v.name,
            viewIcons[v.id] ?? IconListDetails,
            <Badge variant="light" color={v.count > 0 ? 'blue' : 'gray'} size="sm" data-testid={`view-count-${v.id}`} aria-label={t('nav.count', { count: v.count })}>
              {f.number(v.count)}
              {v.countCapped ? '+' : ''}
            </Badge>,
            `view-${v.id}`,
          ),
        )}
        <Divider my="sm" />
        {link('/customers', t('nav.customers'), IconAddressBook)}
        {link('/knowledge', t('knowledge:nav.title'), IconBook, undefined, 'nav-knowledge')}
        {(user.role === 'supervisor' || user.role === 'admin') && link('/flows', t('flows:nav.title'), IconRoute, undefined, 'nav-flows')}
        {(user.role === 'supervisor' || user.role === 'admin') && link('/supervisor', t('nav.supervisor'), IconChartBar, undefined, 'nav-supervisor')}
        {user.role === 'supervisor' && link('/macros', t('macros:nav.title'), IconTemplate, undefined, 'nav-macros')}
        {user.role === 'admin' && link('/admin', t('nav.admin'), IconShieldCog, undefined, 'nav-admin')}
        {link('/settings', t('nav.settings'), IconSettings)}
      </ScrollArea>
    </Stack>
  );
}
