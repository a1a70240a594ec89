import { ActionIcon, Alert, CopyButton, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

/** A freshly issued invitation link: shown once, with a copy button and how long it is valid. */
export function InviteLink({ url, name, expiresAt }: { url: string; name: string; expiresAt?: string | undefined }) {
  const { t } = useTranslation('admin');
  const f = useFormat();
  return (
    <Stack gap="sm">
      <Alert color="blue" icon={<IconInfoCircle size={18} />} title={t('invite.linkTitle', { name })}>
        <Text size="sm">{t('invite.linkHint')}</Text>
        {expiresAt && (
          <Text size="sm" mt={4}>
            {t('invite.expires', { date: f.dateTime(expiresAt) })}
          </Text>
        )}
      </Alert>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput
          label={t('invite.link')}
          value={url}
          readOnly
          style={{ flex: 1 }}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="invite-link"
        />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('copied') : t('copy')}>
              <ActionIcon variant={copied ? 'filled' : 'default'} color={copied ? 'green' : undefined} size={36} onClick={copy} aria-label={t('copy')} data-testid="invite-link-copy">
                {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
