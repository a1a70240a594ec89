import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { ActionIcon, Alert, Box, Button, CopyButton, Group, NumberInput, Paper, PasswordInput, SegmentedControl, Select, Stack, Table, Text, TextInput, Title, Tooltip, VisuallyHidden, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';
import { languages } from '@switchboard/contracts/constants';
import { ApiError, del, get, patch, post } from '../api/client.ts';
import type { User } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { useFormat } from '../i18n/format.ts';
import { isLanguage, languageNames, switchLanguage } from '../i18n/index.ts';
import { errorMessage } from '../ui/error-state.tsx';
import { PersonalMacros } from '../macros/personal-macros.tsx';

type ApiToken = z.infer<typeof C.ApiToken>;
type CreatedApiToken = z.infer<typeof C.CreatedApiToken>;

const ok = (message: string) => notifications.show({ color: 'green', message, autoClose: 3000 });
const failed = (err: unknown) => notifications.show({ color: 'red', message: errorMessage(err), autoClose: 8000 });
const fieldError = (err: unknown, f: string) => (err instanceof ApiError ? err.fieldError(f) : undefined);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Name, language and time zone; a new language also switches the interface at once. */
function Profile({ user }: { user: User }) {
  const { t } = useTranslation('forms');
  const qc = useQueryClient();
  const [name, setName] = useState(user.name);
  const [language, setLanguage] = useState<string>(user.language);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const zones = useMemo(() => {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return all.includes(user.timeZone) ? all : [user.timeZone, ...all];
  }, [user.timeZone]);
  const save = useMutation({
    mutationFn: () => patch<User>('/auth/me', { name, language, timeZone }),
    onSuccess: async (u) => {
      if (isLanguage(u.language)) await switchLanguage(u.language);
      void qc.invalidateQueries({ queryKey: ['session'] });
      ok(t('settings.saved'));
    },
    onError: failed,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Section title={t('settings.profile')}>
      <form onSubmit={submit} noValidate>
        <Stack maw={480}>
          <TextInput label={t('settings.email')} value={user.email} readOnly disabled />
          <TextInput label={t('settings.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(save.error, 'name')} data-testid="settings-name" />
          <Select
            label={t('settings.language')}
            data={languages.map((l) => ({ value: l, label: languageNames[l] }))}
            value={language}
            onChange={(v) => v && setLanguage(v)}
            allowDeselect={false}
            data-testid="settings-language"
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('settings.timeZone')}
            description={t('settings.timeZoneHint')}
            data={zones}
            value={timeZone}
            onChange={(v) => v && setTimeZone(v)}
            searchable
            allowDeselect={false}
            limit={100}
            error={fieldError(save.error, 'timeZone')}
            data-testid="settings-time-zone"
            comboboxProps={{ withinPortal: true }}
          />
          <Button type="submit" loading={save.isPending} w="fit-content" data-testid="settings-save">
            {t('common:actions.save')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function Password() {
  const { t } = useTranslation('forms');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const change = useMutation({
    mutationFn: () => patch<User>('/auth/me', { currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
      setTried(false);
      ok(t('settings.passwordChanged'));
    },
    onError: failed,
  });
  const tooShort = next.length < 10;
  const mismatch = next !== repeat;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!tooShort && !mismatch && current) change.mutate();
  };
  return (
    <Section title={t('settings.password')}>
      <form onSubmit={submit} noValidate>
        <Stack maw={480}>
          <PasswordInput label={t('settings.currentPassword')} autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={(tried && !current ? t('password.required') : undefined) ?? fieldError(change.error, 'currentPassword')} data-testid="settings-current-password" />
          <PasswordInput label={t('settings.newPassword')} description={t('password.rule')} autoComplete="new-password" required value={next} onChange={(e) => setNext(e.currentTarget.value)} error={(tried && tooShort ? t('password.tooShort') : undefined) ?? fieldError(change.error, 'newPassword')} data-testid="settings-new-password" />
          <PasswordInput label={t('password.repeat')} autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={tried && mismatch ? t('password.mismatch') : undefined} data-testid="settings-repeat-password" />
          <Button type="submit" variant="default" loading={change.isPending} w="fit-content" data-testid="settings-change-password">
            {t('settings.changePassword')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function Appearance() {
  const { t } = useTranslation('forms');
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Section title={t('settings.appearance')}>
      <Stack gap={6}>
        <Text size="sm" id="theme-label">
          {t('settings.theme')}
        </Text>
        <SegmentedControl
          value={colorScheme}
          onChange={(v) => setColorScheme(v as MantineColorScheme)}
          data={(['light', 'dark', 'auto'] as const).map((v) => ({ value: v, label: t(`settings.themes.${v}`) }))}
          aria-labelledby="theme-label"
          w="fit-content"
          data-testid="settings-theme"
        />
      </Stack>
    </Section>
  );
}

function NewToken({ token }: { token: CreatedApiToken }) {
  const { t } = useTranslation('forms');
  return (
    <Alert color="green" icon={<IconKey size={18} />} title={t('tokens.createdTitle', { name: token.name })} mb="md">
      <Text size="sm" mb="xs">
        {t('tokens.shownOnce')}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput label={t('tokens.secret')} value={token.token} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} data-testid="token-secret" />
        <CopyButton value={token.token}>
          {({ copied, copy }) => (
            <ActionIcon variant={copied ? 'filled' : 'default'} color={copied ? 'green' : undefined} size={36} onClick={copy} aria-label={copied ? t('tokens.copied') : t('tokens.copy')}>
              {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
            </ActionIcon>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}

/** Personal API tokens: the secret of a new one is shown once; revoking stops it at once. */
function Tokens() {
  const { t } = useTranslation('forms');
  const f = useFormat();
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => get<{ items: ApiToken[] }>('/tokens').then((r) => r.items) });
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>('');
  const create = useMutation({
    mutationFn: () => post<CreatedApiToken>('/tokens', { name, ...(typeof days === 'number' ? { expiresInDays: days } : {}) }),
    onSuccess: () => {
      setName('');
      setDays('');
      void qc.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: failed,
  });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => del(`/tokens/${token.id}`),
    onSuccess: (_r, token) => {
      void qc.invalidateQueries({ queryKey: ['tokens'] });
      ok(t('tokens.revoked', { name: token.name }));
    },
    onError: failed,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Section title={t('tokens.title')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('tokens.intro')}
      </Text>
      {create.data && <NewToken token={create.data} />}
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" mb="md">
          <TextInput label={t('tokens.name')} placeholder={t('tokens.namePlaceholder')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(create.error, 'name')} data-testid="token-name" />
          <NumberInput label={t('tokens.expiresInDays')} placeholder={t('tokens.never')} min={1} max={3650} allowDecimal={false} value={days} onChange={setDays} w={200} data-testid="token-days" />
          <Button type="submit" mt={25} loading={create.isPending} leftSection={<IconKey size={16} />} data-testid="token-create">
            {t('tokens.create')}
          </Button>
        </Group>
      </form>
      {tokens.isError && <Alert color="red">{errorMessage(tokens.error)}</Alert>}
      {tokens.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('tokens.none')}
        </Text>
      )}
      {!!tokens.data?.length && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tokens.name')}</Table.Th>
                <Table.Th>{t('tokens.prefix')}</Table.Th>
                <Table.Th>{t('tokens.created')}</Table.Th>
                <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                <Table.Th>{t('tokens.expires')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('tokens.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((tk) => (
                <Table.Tr key={tk.id} data-testid="token-row">
                  <Table.Td fw={500}>{tk.name}</Table.Td>
                  <Table.Td ff="monospace">{tk.prefix}…</Table.Td>
                  <Table.Td>{f.date(tk.createdAt)}</Table.Td>
                  <Table.Td>{tk.lastUsedAt ? f.relative(tk.lastUsedAt) : t('tokens.neverUsed')}</Table.Td>
                  <Table.Td>{tk.expiresAt ? f.date(tk.expiresAt) : t('tokens.never')}</Table.Td>
                  <Table.Td ta="right">
                    <Tooltip label={t('tokens.revoke', { name: tk.name })}>
                      <ActionIcon variant="subtle" color="red" loading={revoke.isPending && revoke.variables?.id === tk.id} onClick={() => window.confirm(t('tokens.confirmRevoke', { name: tk.name })) && revoke.mutate(tk)} aria-label={t('tokens.revoke', { name: tk.name })} data-testid="token-revoke">
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

/** Settings (/settings): your profile, password, theme and personal API tokens. */
export default function SettingsPage() {
  const { t } = useTranslation('forms');
  const { user } = useSession();
  return (
    <Box style={{ flex: 1, overflow: 'auto' }} p="md">
      <Stack maw={900}>
        <Title order={2} size="h3">
          {t('settings.title')}
        </Title>
        <Profile key={user.version} user={user} />
        <Password />
        <Appearance />
        <Tokens />
        <PersonalMacros />
      </Stack>
    </Box>
  );
}
