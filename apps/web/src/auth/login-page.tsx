import { useState, type FormEvent } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, post, setCsrfToken } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { isLanguage, switchLanguage } from '../i18n/index.ts';
import { sessionKey } from './session.tsx';
import { LanguageSelect } from '../shell/language-select.tsx';
import { Logo } from '../shell/logo.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await post<Session>('/auth/login', { email, password });
      setCsrfToken(s.csrfToken);
      if (isLanguage(s.user.language)) await switchLanguage(s.user.language);
      qc.setQueryData(sessionKey, s);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) setError(t('login.lockedOut'));
      else if (err instanceof ApiError && (err.status === 401 || err.status === 400)) setError(t('login.wrongCredentials'));
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center component="main" mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Paper withBorder shadow="sm" p="xl" radius="lg" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Logo />
            <Title order={1} size="h3">
              {t('login.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('login.subtitle')}
            </Text>
            {error && (
              <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="login-error">
                {error}
              </Alert>
            )}
            <TextInput label={t('login.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoFocus />
            <PasswordInput label={t('login.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
            <Button type="submit" loading={busy} fullWidth>
              {t('login.submit')}
            </Button>
            <LanguageSelect />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
