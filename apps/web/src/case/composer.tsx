import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { ActionIcon, Button, CloseButton, FileButton, Group, Menu, Paper, SegmentedControl, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLock, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../api/client.ts';
import { useFormat } from '../i18n/format.ts';
import { errorMessage } from '../ui/error-state.tsx';
import { Recipients } from '../email/recipients.tsx';
import { ComposerTools } from './composer-tools.tsx';
import { useDraft, type DraftAttachment } from './draft.ts';

export type ComposerMode = 'reply' | 'note';

export interface ComposerHandle {
  focus: (mode: ComposerMode) => void;
}

export interface SendRequest {
  mode: ComposerMode;
  body: string;
  attachmentIds: string[];
  /** A status to set right after sending ("send and set pending"). */
  thenStatus?: 'pending' | 'solved';
  /** Email replies: Cc recipients besides the requester. */
  cc?: string[];
}

interface Props {
  caseId: string;
  /** The requester's address when replies go out by email (shows To and Cc). */
  emailTo?: string | null;
  disabled?: string | null;
  /** Sends; resolves true when it went through (the draft is then cleared). */
  onSend: (req: SendRequest) => Promise<boolean>;
  onTyping: (typing: boolean) => void;
}

/** Writes a public reply or an internal note, with attachments and a draft that survives a reload. */
export const Composer = forwardRef<ComposerHandle, Props>(function Composer({ caseId, emailTo, disabled, onSend, onTyping }, ref) {
  const { t } = useTranslation('case');
  const f = useFormat();
  const [mode, setMode] = useState<ComposerMode>('reply');
  const { draft, setDraft, clear } = useDraft(caseId, mode);
  const [uploading, setUploading] = useState(0);
  const [sending, setSending] = useState(false);
  const [cc, setCc] = useState<string[]>([]);
  const textarea = useRef<HTMLTextAreaElement>(null);
  /** Where the cursor was when the composer last had it: a tool's dialog takes focus away. */
  const cursor = useRef<number | null>(null);
  useImperativeHandle(ref, () => ({
    focus: (m) => {
      setMode(m);
      setTimeout(() => textarea.current?.focus(), 0);
    },
  }));

  /** Puts text at the cursor, or after what is written when the composer has no cursor. */
  const insert = (text: string) => {
    setDraft((d) => {
      const at = Math.min(cursor.current ?? d.body.length, d.body.length);
      const before = d.body.slice(0, at);
      const glue = before && !before.endsWith('\n') ? '\n' : '';
      cursor.current = at + glue.length + text.length;
      return { ...d, body: `${before}${glue}${text}${d.body.slice(at)}` };
    });
    if (mode === 'reply') onTyping(true);
    setTimeout(() => {
      const el = textarea.current;
      if (!el) return;
      el.focus();
      if (cursor.current !== null) el.setSelectionRange(cursor.current, cursor.current);
    }, 0);
  };

  const upload = async (files: File[]) => {
    for (const file of files) {
      setUploading((n) => n + 1);
      try {
        const form = new FormData();
        form.append('file', file);
        const a = await post<DraftAttachment>('/attachments', form);
        setDraft((d) => ({ ...d, attachments: [...d.attachments, { id: a.id, fileName: a.fileName, size: a.size }] }));
      } catch (err) {
        notifications.show({ color: 'red', title: t('composer.uploadFailed', { name: file.name }), message: errorMessage(err) });
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  const send = async (thenStatus?: SendRequest['thenStatus']) => {
    if (!draft.body.trim() || sending || uploading) return;
    setSending(true);
    try {
      const ok = await onSend({
        mode,
        body: draft.body,
        attachmentIds: draft.attachments.map((a) => a.id),
        ...(thenStatus ? { thenStatus } : {}),
        ...(mode === 'reply' && emailTo && cc.length ? { cc } : {}),
      });
      if (ok) {
        clear();
        cursor.current = null;
        onTyping(false);
      }
    } catch (err) {
      notifications.show({ color: 'red', title: t('composer.sendFailed'), message: err instanceof ApiError ? errorMessage(err) : String(err) });
    } finally {
      setSending(false);
    }
  };

  const note = mode === 'note';
  return (
    <Paper withBorder p="sm" radius="md" className={note ? 'sb-note' : undefined} data-testid="composer" data-mode={mode}>
      <Stack gap="xs">
        <Group justify="space-between">
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(v) => setMode(v as ComposerMode)}
            data={[
              { value: 'reply', label: t('composer.reply') },
              { value: 'note', label: t('composer.note') },
            ]}
            aria-label={t('composer.mode')}
            data-testid="composer-mode"
          />
          <Text size="xs" c="dimmed">
            {note ? (
              <Group gap={4} component="span">
                <IconLock size={12} aria-hidden /> {t('composer.noteHint')}
              </Group>
            ) : (
              t('composer.replyHint')
            )}
          </Text>
        </Group>
        {!note && emailTo && <Recipients caseId={caseId} to={emailTo} cc={cc} onChange={setCc} />}
        <Textarea
          ref={textarea}
          aria-label={note ? t('composer.noteLabel') : t('composer.replyLabel')}
          placeholder={note ? t('composer.notePlaceholder') : t('composer.replyPlaceholder')}
          autosize
          minRows={3}
          maxRows={12}
          value={draft.body}
          disabled={!!disabled}
          onChange={(e) => {
            const body = e.currentTarget.value;
            setDraft((d) => ({ ...d, body }));
            // Writing a note is nobody's business outside the team: a chat visitor must not see "typing…".
            if (mode === 'reply') onTyping(body.length > 0);
          }}
          onKeyDown={getHotkeyHandler([['mod+Enter', () => void send()]])}
          onSelect={(e) => (cursor.current = e.currentTarget.selectionStart)}
          data-testid="composer-input"
        />
        {draft.attachments.length > 0 && (
          <Group gap="xs">
            {draft.attachments.map((a) => (
              <Paper key={a.id} withBorder px="xs" py={2} radius="sm" data-testid="composer-attachment">
                <Group gap={4} wrap="nowrap">
                  <IconPaperclip size={14} aria-hidden />
                  <Text size="xs">
                    {a.fileName} ({f.number(Math.max(1, Math.round(a.size / 1024)))} KB)
                  </Text>
                  <CloseButton size="xs" aria-label={t('composer.removeAttachment', { name: a.fileName })} onClick={() => setDraft((d) => ({ ...d, attachments: d.attachments.filter((x) => x.id !== a.id) }))} />
                </Group>
              </Paper>
            ))}
          </Group>
        )}
        <Group justify="space-between">
          <Group gap="xs" wrap="nowrap">
            <FileButton onChange={(files) => void upload(files)} multiple>
              {(props) => (
                <Tooltip label={t('composer.attach')}>
                  <ActionIcon {...props} variant="default" size="lg" aria-label={t('composer.attach')} loading={uploading > 0} data-testid="composer-attach">
                    <IconPaperclip size={18} />
                  </ActionIcon>
                </Tooltip>
              )}
            </FileButton>
            <ComposerTools caseId={caseId} mode={mode} insert={insert} disabled={!!disabled} />
          </Group>
          {disabled && (
            <Text size="sm" c="dimmed">
              {disabled}
            </Text>
          )}
          <Group gap={0} wrap="nowrap">
            <Button
              onClick={() => void send()}
              loading={sending}
              disabled={!draft.body.trim() || !!disabled || uploading > 0}
              leftSection={<IconSend size={16} />}
              color={note ? 'yellow' : 'blue'}
              style={note ? undefined : { borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
              data-testid="composer-send"
            >
              {note ? t('composer.addNote') : t('composer.send')}
            </Button>
            {!note && (
              <Menu position="top-end" withinPortal>
                <Menu.Target>
                  <ActionIcon size={36} disabled={!draft.body.trim() || !!disabled} aria-label={t('composer.sendOptions')} style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: '1px solid rgba(255,255,255,.4)' }} data-testid="composer-send-options">
                    <IconChevronDown size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => void send('pending')}>{t('composer.sendPending')}</Menu.Item>
                  <Menu.Item onClick={() => void send('solved')} data-testid="composer-send-solved">
                    {t('composer.sendSolved')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
});
