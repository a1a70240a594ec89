import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBook, IconListCheck, IconMessagePlus, IconSearch, IconTool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RecentRequests } from './requests-list.tsx';
import { useBranding, useSession } from './session.ts';
import { currentLanguage } from './i18n.ts';

/** A card linking somewhere; plain links for the server-rendered help center, router links inside the portal. */
function Tile({ icon: Icon, title, text, href, to, testId }: { icon: typeof IconBook; title: string; text: string; href?: string; to?: string; testId: string }) {
  const inner = (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Icon size={28} color="var(--mantine-color-brand-7)" aria-hidden />
      <div>
        <Text fw={600} c="brand.8">
          {title}
        </Text>
        <Text size="sm" c="dimmed">
          {text}
        </Text>
      </div>
    </Group>
  );
  const style = { textDecoration: 'none' };
  return to ? (
    <Card withBorder padding="lg" radius="md" component={Link} to={to} data-testid={testId} style={style}>
      {inner}
    </Card>
  ) : (
    <Card withBorder padding="lg" radius="md" component="a" href={href} data-testid={testId} style={style}>
      {inner}
    </Card>
  );
}

/**
 * The portal home: the company's welcome, a search that sends the customer to the help center,
 * the ways to help themselves, and — signed in — their latest requests.
 */
export function HomePage() {
  const { t } = useTranslation();
  const branding = useBranding();
  const session = useSession();
  const lang = currentLanguage();
  const welcome = branding.data?.welcome[lang] || branding.data?.welcome.en || t('home.welcomeText');
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1}>{t('home.title', { company: branding.data?.companyName ?? '' })}</Title>
        <Text size="lg" data-testid="welcome-text" style={{ whiteSpace: 'pre-line' }}>
          {welcome}
        </Text>
      </Stack>
      <form action={`/help/${lang}/search`} method="get" role="search" data-testid="help-search">
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput name="q" type="search" label={t('home.searchLabel')} placeholder={t('home.searchPlaceholder')} leftSection={<IconSearch size={16} aria-hidden />} style={{ flex: 1 }} />
          <Button type="submit">{t('home.search')}</Button>
        </Group>
      </form>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Tile icon={IconBook} title={t('home.helpTitle')} text={t('home.helpText')} href={`/help/${lang}`} testId="tile-help" />
        <Tile icon={IconTool} title={t('home.troubleshootTitle')} text={t('home.troubleshootText')} href="/help/troubleshoot" testId="tile-troubleshoot" />
        {session.data ? (
          <Tile icon={IconMessagePlus} title={t('home.newTitle')} text={t('home.newText')} to="/requests/new" testId="tile-new-request" />
        ) : (
          <Tile icon={IconListCheck} title={t('home.requestsTitle')} text={t('home.signInText')} to="/sign-in" testId="tile-sign-in" />
        )}
      </SimpleGrid>
      {session.data && <RecentRequests />}
    </Stack>
  );
}
