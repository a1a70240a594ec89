import type { ReactNode } from 'react';
import { Anchor, Box, Button, Container, Group, Image, NativeSelect, Text, VisuallyHidden } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from './api.ts';
import { isLanguage, languageNames, languages, switchLanguage } from './i18n.ts';
import { useBranding, useSession, useSignOut } from './session.ts';

/** The language switcher: a native select, so it works the same with keyboard, touch and screen readers. */
function LanguageSwitcher({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language')}
      size="xs"
      value={isLanguage(i18n.language) ? i18n.language : 'en'}
      data={languages.map((l) => ({ value: l, label: languageNames[l] }))}
      data-testid="language-switcher"
      onChange={(e) => {
        const lng = e.currentTarget.value;
        if (!isLanguage(lng)) return;
        void switchLanguage(lng);
        // Mails (sign-in links, replies) follow the language the customer chose here.
        if (signedIn) void api('PATCH', '/me', { language: lng }).catch(() => undefined);
      }}
    />
  );
}

/** Header with the company's logo and name, navigation, language and sign-out; the page; a footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const branding = useBranding();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const company = branding.data?.companyName ?? '';
  const signedIn = !!session.data;
  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Anchor href="#main" style={{ position: 'absolute', left: -9999 }} onFocus={(e) => (e.currentTarget.style.left = '8px')} onBlur={(e) => (e.currentTarget.style.left = '-9999px')}>
        {t('skipToContent')}
      </Anchor>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', borderTop: '4px solid var(--mantine-color-brand-6)' }}>
        <Container size="md" py="sm">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Anchor component={Link} to="/" underline="never" c="inherit" data-testid="portal-home-link">
              <Group gap="xs" wrap="nowrap">
                {branding.data?.logoUrl && <Image src={branding.data.logoUrl} alt="" h={32} w="auto" fit="contain" />}
                <Text fw={700} size="lg">
                  {company}
                </Text>
                <VisuallyHidden>{t('portalName')}</VisuallyHidden>
              </Group>
            </Anchor>
            <Group component="nav" aria-label={t('nav.label')} gap="md" wrap="wrap">
              <Anchor href="/help">{t('nav.help')}</Anchor>
              {signedIn && (
                <Anchor component={Link} to="/requests" data-testid="nav-requests">
                  {t('nav.requests')}
                </Anchor>
              )}
              <LanguageSwitcher signedIn={signedIn} />
              {signedIn ? (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconLogout size={14} aria-hidden />}
                  data-testid="sign-out"
                  onClick={() => void signOut().then(() => navigate('/'))}
                >
                  {t('signOut')}
                </Button>
              ) : (
                <Button size="xs" component={Link} to="/sign-in" data-testid="nav-sign-in">
                  {t('signIn.action')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" size="md" py="lg" w="100%" style={{ flex: 1 }}>
        {children}
      </Container>
      <Box component="footer" py="md" bg="white" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md">
          <Text size="sm" c="dimmed">
            {session.data ? t('footer.signedInAs', { name: session.data.customer.name, email: session.data.customer.email }) : t('footer.company', { company })}
          </Text>
        </Container>
      </Box>
    </Box>
  );
}
