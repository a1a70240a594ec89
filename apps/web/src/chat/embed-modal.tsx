import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../api/client.ts';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import type { ChatChannel } from './types.ts';

function Copyable({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation('chat');
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="default" onClick={copy}>
              {copied ? t('embed.copied') : t('embed.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block data-testid={testId} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {value}
      </Code>
    </Stack>
  );
}

/** The one line a website pastes in, how to recognise signed-in customers, and the identity secret (rotate). */
export function EmbedModal({ channel, onClose }: { channel: ChatChannel; onClose: () => void }) {
  const { t } = useTranslation('chat');
  const qc = useQueryClient();
  const rotate = useMutation({
    mutationFn: () => post<ChatChannel>(`/chat/channels/${channel.id}/rotate-secret`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['chat-channels'] });
      notifySaved(t('embed.rotated'));
    },
    onError: notifyFailed,
  });
  const snippet = `<script src="${location.origin}/widget.js" data-channel="${channel.id}" async></script>`;
  const identified = `<script src="${location.origin}/widget.js" data-channel="${channel.id}"\n  data-user-id="USER_ID" data-user-hash="HMAC_SHA256_HEX(secret, USER_ID)"\n  data-user-name="NAME" data-user-email="EMAIL" async></script>`;
  return (
    <Modal opened onClose={onClose} title={t('embed.title', { name: channel.name })} size="lg">
      <Stack>
        <Copyable label={t('embed.snippet')} value={snippet} testId="chat-embed-snippet" />
        <Text size="sm" c="dimmed">
          {t('embed.snippetHint')}
        </Text>
        <Copyable label={t('embed.identified')} value={identified} testId="chat-embed-identified" />
        <Text size="sm" c="dimmed">
          {t('embed.identifiedHint')}
        </Text>
        <Copyable label={t('embed.secret')} value={channel.identitySecret} testId="chat-secret" />
        <Alert color="orange" variant="light">
          <Group justify="space-between" wrap="nowrap" align="center">
            <Text size="sm">{t('embed.rotateHint')}</Text>
            <Button color="orange" variant="outline" size="xs" loading={rotate.isPending} onClick={() => window.confirm(t('embed.rotateConfirm')) && rotate.mutate()} data-testid="chat-rotate">
              {t('embed.rotate')}
            </Button>
          </Group>
        </Alert>
      </Stack>
    </Modal>
  );
}
