import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, post, setCsrfToken, type PortalSession } from './api.ts';
import { Loading } from './loading.tsx';
import { currentLanguage, isLanguage, switchLanguage } from './i18n.ts';
import { sessionKey, useBranding, useSession } from './session.ts';

/** Inside the app, paths are relative to /portal. */
const appPath = (returnTo: string | null | undefined): string => (returnTo && returnTo.startsWith('/portal/') ? returnTo.slice('/portal'.length) : '/requests');

/** Uses the token in the link's fragment (#token=…) once, then forgets it. */
function useRedeem(): { busy: boolean; error: string | null } {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const started = useRef(false);
  const token = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash)?.[1] ?? null;
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: token !== null, error: null });
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    // The token must not stay in the address bar, the history or a bookmark.
    history.replaceState(null, '', location.pathname + location.search);
    post<PortalSession>('/auth/redeem', { token })
      .then(async (s) => {
        setCsrfToken(s.csrfToken);
        if (isLanguage(s.customer.language) && s.customer.language !== currentLanguage()) await switchLanguage(s.customer.language);
        qc.setQueryData(sessionKey, s);
        navigate(appPath(s.returnTo), { replace: true });
      })
      .catch((err: unknown) => {
        const reason = err instanceof ApiError ? String(err.extra.reason ?? '') : '';
        const key = reason === 'used' ? 'signIn.linkUsed' : reason === 'expired' ? 'signIn.linkExpired' : err instanceof ApiError && err.status === 0 ? 'errors.network' : 'signIn.linkInvalid';
        setState({ busy: false, error: t(key) });
      });
  }, [token, qc, navigate, t]);
  return state;
}

/** Sign-in without a password: the customer asks for a link, opens it from their mailbox. */
export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const branding = useBranding();
  const location = useLocation();
  const redeem = useRedeem();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Only a plain path inside the portal travels with the link (the server checks the same).
  const wanted = (location.state as { returnTo?: string } | null)?.returnTo;
  const returnTo = wanted && /^\/portal(?:\/[A-Za-z0-9._~\-/?=&%]*)?$/.test(wanted) && wanted.length <= 300 ? wanted : undefined;

  if (redeem.busy) return <Loading />;
  if (session.data && !redeem.error) return <Navigate to={appPath(returnTo)} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setError(t('signIn.invalidEmail'));
      return;
    }
    setBusy(true);
    try {
      await post('/auth/link', { email: email.trim(), language: currentLanguage(), ...(returnTo ? { returnTo } : {}) });
      setSentTo(email.trim());
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) setError(t('errors.rateLimited'));
      else if (err instanceof ApiError && err.status === 400) setError(t('signIn.invalidEmail'));
      else setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="xl" radius="lg" maw={460} mx="auto">
      {sentTo ? (
        <Stack data-testid="link-sent">
          <IconMailCheck size={40} color="var(--mantine-color-brand-7)" aria-hidden />
          <Title order={1} size="h2">
            {t('signIn.sentTitle')}
          </Title>
          <Text role="status">{t('signIn.sentText', { email: sentTo, company: branding.data?.companyName ?? '', minutes: 15 })}</Text>
          <Button variant="default" onClick={() => setSentTo(null)}>
            {t('signIn.again')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('signIn.title')}
            </Title>
            <Text c="dimmed">{t('signIn.intro')}</Text>
            {(redeem.error || error) && (
              <Alert color="red" icon={<IconAlertCircle size={18} aria-hidden />} role="alert" data-testid="sign-in-error">
                {redeem.error ?? error}
              </Alert>
            )}
            <TextInput label={t('signIn.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} data-testid="sign-in-email" />
            <Button type="submit" loading={busy} data-testid="sign-in-submit">
              {t('signIn.send')}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
