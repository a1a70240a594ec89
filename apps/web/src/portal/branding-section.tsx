import { useEffect, useState } from 'react';
import { Alert, Button, ColorInput, FileButton, Group, Image, Paper, Stack, Switch, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPhoto, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, get, patch } from '../api/client.ts';
import type { Language } from '../i18n/index.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { settingsKey, type PortalSettings, type WelcomeTexts } from './types.ts';

const langs: Language[] = ['en', 'de', 'et', 'tr'];

/** Company name, colour, logo, welcome text per language and self-registration — as customers see them. */
export function BrandingSection() {
  const { t } = useTranslation('portal');
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => get<PortalSettings>('/portal/settings') });
  const [companyName, setCompanyName] = useState('');
  const [primaryColor, setPrimaryColor] = useState('#1864ab');
  const [welcome, setWelcome] = useState<WelcomeTexts>({});
  const [selfRegistration, setSelfRegistration] = useState(false);
  const data = settings.data;
  useEffect(() => {
    if (!data) return;
    setCompanyName(data.companyName);
    setPrimaryColor(data.primaryColor);
    setWelcome(data.welcome);
    setSelfRegistration(data.selfRegistration);
  }, [data]);

  const onSaved = (s: PortalSettings) => {
    qc.setQueryData(settingsKey, s);
    notifySaved(t('branding.saved'));
  };
  const save = useMutation({
    mutationFn: () => patch<PortalSettings>('/portal/settings', { companyName, primaryColor, welcome, selfRegistration }, { version: data!.version }),
    onSuccess: onSaved,
    onError: (err) => notifyFailed(err),
  });
  const logo = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set('file', file, file.name);
      return api<PortalSettings>('POST', '/portal/settings/logo', { body: form });
    },
    onSuccess: onSaved,
    onError: (err) => notifyFailed(err, t('branding.logoFailed')),
  });
  const removeLogo = useMutation({
    mutationFn: () => patch<PortalSettings>('/portal/settings', { removeLogo: true }, { version: data!.version }),
    onSuccess: onSaved,
    onError: (err) => notifyFailed(err),
  });

  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const validColor = /^#[0-9a-fA-F]{6}$/.test(primaryColor);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <div>
          <Title order={3} size="h4">
            {t('branding.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('branding.intro')}
          </Text>
        </div>
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput label={t('branding.companyName')} value={companyName} onChange={(e) => setCompanyName(e.currentTarget.value)} required maxLength={120} w={320} data-testid="portal-company-name" />
          <ColorInput label={t('branding.primaryColor')} value={primaryColor} onChange={setPrimaryColor} format="hex" withEyeDropper={false} w={200} error={validColor ? undefined : t('branding.colorHint')} data-testid="portal-primary-color" />
        </Group>
        <Group gap="md" align="center">
          {data?.logoUrl ? <Image src={data.logoUrl} alt={t('branding.logoAlt')} h={40} w="auto" fit="contain" /> : <Text size="sm" c="dimmed">{t('branding.noLogo')}</Text>}
          <FileButton accept="image/png,image/jpeg,image/webp,image/gif" onChange={(file) => file && logo.mutate(file)}>
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconPhoto size={16} aria-hidden />} loading={logo.isPending} disabled={!data}>
                {t('branding.uploadLogo')}
              </Button>
            )}
          </FileButton>
          {data?.logoUrl && (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => removeLogo.mutate()} loading={removeLogo.isPending}>
              {t('branding.removeLogo')}
            </Button>
          )}
          <Text size="xs" c="dimmed">
            {t('branding.logoHint')}
          </Text>
        </Group>
        <Tabs defaultValue="en" variant="outline">
          <Tabs.List aria-label={t('branding.welcome')}>
            {langs.map((l) => (
              <Tabs.Tab key={l} value={l}>
                {t(`common:languageName.${l}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {langs.map((l) => (
            <Tabs.Panel key={l} value={l} pt="xs">
              <Textarea
                label={t('branding.welcomeIn', { language: t(`common:languageName.${l}`) })}
                description={t('branding.welcomeHint')}
                autosize
                minRows={2}
                maxRows={8}
                maxLength={2000}
                value={welcome[l] ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setWelcome((w) => ({ ...w, [l]: value }));
                }}
                data-testid={`portal-welcome-${l}`}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
        <Switch label={t('branding.selfRegistration')} description={t('branding.selfRegistrationHint')} checked={selfRegistration} onChange={(e) => setSelfRegistration(e.currentTarget.checked)} data-testid="portal-self-registration" />
        {selfRegistration && (
          <Alert color="yellow" variant="light">
            {t('branding.selfRegistrationWarning')}
          </Alert>
        )}
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!data || !validColor || !companyName.trim()} data-testid="portal-branding-save">
            {t('save')}
          </Button>
          <Button component="a" href="/portal" target="_blank" rel="noopener" variant="subtle">
            {t('openPortal')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
