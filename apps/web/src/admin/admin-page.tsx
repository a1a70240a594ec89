import type { ReactNode } from 'react';
import { Box, Tabs, Title } from '@mantine/core';
import { IconBolt, IconClockHour4, IconForms, IconGauge, IconListCheck, IconMail, IconMailExclamation, IconMessages, IconRoute, IconWorldWww, IconTags, IconTemplate, IconUsers, IconUsersGroup, IconWebhook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useNavigate, useParams } from 'react-router';
import { FieldsTab } from './fields-tab.tsx';
import { StatusesTab } from './statuses-tab.tsx';
import { TeamsTab } from './teams-tab.tsx';
import { UsersTab } from './users-tab.tsx';
import { BusinessHoursTab } from './business-hours-tab.tsx';
import { SlaTab } from './sla-tab.tsx';
import { RoutingTab } from './routing-tab.tsx';
import { AutomationTab } from './automation-tab.tsx';
import { WebhooksTab } from './webhooks-tab.tsx';
import { JobsTab } from './jobs-tab.tsx';
import { MailboxesTab } from './mailboxes-tab.tsx';
import { QuarantineTab } from './quarantine-tab.tsx';
import { SharedMacros } from '../macros/shared-macros.tsx';
import { PortalTab } from '../portal/portal-tab.tsx';
import { ChatChannelsTab } from '../chat/chat-channels-tab.tsx';

const sections: { value: string; icon: typeof IconUsers; element: ReactNode }[] = [
  { value: 'users', icon: IconUsers, element: <UsersTab /> },
  { value: 'teams', icon: IconUsersGroup, element: <TeamsTab /> },
  { value: 'fields', icon: IconForms, element: <FieldsTab /> },
  { value: 'statuses', icon: IconTags, element: <StatusesTab /> },
  { value: 'mailboxes', icon: IconMail, element: <MailboxesTab /> },
  { value: 'quarantine', icon: IconMailExclamation, element: <QuarantineTab /> },
  { value: 'routing', icon: IconRoute, element: <RoutingTab /> },
  { value: 'business-hours', icon: IconClockHour4, element: <BusinessHoursTab /> },
  { value: 'sla', icon: IconGauge, element: <SlaTab /> },
  { value: 'automation', icon: IconBolt, element: <AutomationTab /> },
  { value: 'webhooks', icon: IconWebhook, element: <WebhooksTab /> },
  { value: 'macros', icon: IconTemplate, element: <SharedMacros /> },
  { value: 'portal', icon: IconWorldWww, element: <PortalTab /> },
  { value: 'chat-channels', icon: IconMessages, element: <ChatChannelsTab /> },
  { value: 'jobs', icon: IconListCheck, element: <JobsTab /> },
];

/** One administration section; the tab follows the URL so every section can be linked to. */
function AdminSections() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const { section } = useParams();
  if (!sections.some((s) => s.value === section)) return <Navigate to="/admin/users" replace />;
  return (
    <Tabs value={section ?? 'users'} onChange={(v) => v && navigate(`/admin/${v}`)}>
      <Tabs.List>
        {sections.map(({ value, icon: Icon }) => (
          <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} aria-hidden />} data-testid={`admin-tab-${value}`}>
            {t(`tabs.${value}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {sections.map(({ value, element }) => (
        <Tabs.Panel key={value} value={value} pt="md">
          {element}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

/** Administration (/admin/*): agents, teams and forms, fields, statuses, mailboxes and quarantine, routing, SLAs, automation, webhooks, jobs. */
export default function AdminPage() {
  const { t } = useTranslation('admin');
  return (
    <Box style={{ flex: 1, overflow: 'auto' }} p="md">
      <Title order={2} size="h3" mb="md">
        {t('title')}
      </Title>
      <Routes>
        <Route index element={<Navigate to="/admin/users" replace />} />
        <Route path=":section" element={<AdminSections />} />
        <Route path="*" element={<Navigate to="/admin/users" replace />} />
      </Routes>
    </Box>
  );
}
