import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Center, Loader, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';
import { ApiError, get, post, setCsrfToken } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { isLanguage, switchLanguage } from '../i18n/index.ts';
import { LanguageSelect } from '../shell/language-select.tsx';
import { Logo } from '../shell/logo.tsx';
import { errorMessage } from '../ui/error-state.tsx';
import { sessionKey } from './session.tsx';

type InvitationInfo = z.infer<typeof C.InvitationInfo>;

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationInfo }) {
  const { t } = useTranslation('forms');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const accept = useMutation({
    mutationFn: () => post<Session>(`/invitations/${token}/accept`, { password }),
    onSuccess: async (s) => {
      setCsrfToken(s.csrfToken);
      if (isLanguage(s.user.language)) await switchLanguage(s.user.language);
      qc.setQueryData(sessionKey, s);
      void navigate('/', { replace: true });
    },
  });
  const tooShort = password.length < 10;
  const mismatch = password !== repeat;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!tooShort && !mismatch) accept.mutate();
  };
  const serverError = accept.error instanceof ApiError && accept.error.status === 404 ? t('invite.gone') : accept.error ? errorMessage(accept.error) : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('invite.welcome', { name: invitation.name })}</Text>
        <Text size="sm" c="dimmed">
          {t('invite.account', { email: invitation.email })}
        </Text>
        {serverError && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {serverError}
          </Alert>
        )}
        {/* The email in a hidden username field lets password managers store the new password under it. */}
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        <PasswordInput
          label={t('invite.password')}
          description={t('password.rule')}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={tried && tooShort ? t('password.tooShort') : accept.error instanceof ApiError ? accept.error.fieldError('password') : undefined}
          data-testid="invite-password"
          autoFocus
        />
        <PasswordInput
          label={t('password.repeat')}
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={tried && mismatch ? t('password.mismatch') : undefined}
          data-testid="invite-password-repeat"
        />
        <Button type="submit" loading={accept.isPending} fullWidth data-testid="invite-accept">
          {t('invite.accept')}
        </Button>
      </Stack>
    </form>
  );
}

/** The invitation link (/invite/:token), outside the app shell: the invited agent picks a password and is signed in. */
export default function InvitePage() {
  const { t } = useTranslation('forms');
  const { token = '' } = useParams();
  const invitation = useQuery({ queryKey: ['invitation', token], queryFn: () => get<InvitationInfo>(`/invitations/${token}`), staleTime: Infinity });
  const invalid = invitation.error instanceof ApiError && (invitation.error.status === 404 || invitation.error.status === 400);

  return (
    <Center component="main" mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Paper withBorder shadow="sm" p="xl" radius="lg" w={420} maw="100%">
        <Stack>
          <Logo />
          <Title order={1} size="h3">
            {t('invite.title')}
          </Title>
          {invitation.isPending && <Loader aria-label={t('common:loading')} />}
          {invitation.isError && (
            <Alert color={invalid ? 'orange' : 'red'} icon={<IconAlertCircle size={18} />} role="alert" data-testid="invite-invalid">
              {invalid ? t('invite.invalid') : errorMessage(invitation.error)}
            </Alert>
          )}
          {invitation.isError && (
            <Anchor component={Link} to="/login" size="sm">
              {t('invite.toLogin')}
            </Anchor>
          )}
          {invitation.data && <AcceptForm token={token} invitation={invitation.data} />}
          <LanguageSelect />
        </Stack>
      </Paper>
    </Center>
  );
}
