import { useState } from 'react';
import { ActionIcon, Anchor, Code, Group, Modal, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The parts of a mail job's payload worth reading: who it was for, its subject and its text. */
interface MailPayload {
  to: string[];
  subject: string;
  text: string;
}

function asMail(payload: unknown): MailPayload | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.subject !== 'string' || typeof p.text !== 'string') return null;
  const to = Array.isArray(p.to) ? p.to.filter((x): x is string => typeof x === 'string') : [];
  return { to, subject: p.subject, text: p.text };
}

/** Plain text with its web addresses as links (a sign-in link in a mail that could not be sent). */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/);
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="job-mail-text">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Anchor key={i} href={part} target="_blank" rel="noopener noreferrer" underline="always" inherit>
            {part}
          </Anchor>
        ) : (
          part
        ),
      )}
    </Text>
  );
}

/**
 * A job's data in its table cell (one line, cut short), and the whole of it on demand: a mail as it would
 * have read — so without an SMTP relay, a portal sign-in link can still be found and opened —
 * and the JSON, wrapped.
 */
export function JobPayload({ id, name, payload }: { id: number; name: string; payload: unknown }) {
  const { t } = useTranslation('jobs');
  const [open, setOpen] = useState(false);
  const mail = asMail(payload);
  const label = t('showPayload', { id });
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Code style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: 11, flex: 1, minWidth: 0 }}>
        {JSON.stringify(payload)}
      </Code>
      <Tooltip label={label}>
        <ActionIcon variant="subtle" color="gray" onClick={() => setOpen(true)} aria-label={label} data-testid="job-payload-open">
          <IconEye size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Modal opened={open} onClose={() => setOpen(false)} size="lg" title={t('payloadTitle', { id, name })} data-testid="job-payload">
        <Stack gap="sm">
          {mail && (
            <Paper withBorder p="sm">
              <Stack gap={4}>
                <Title order={3} size="h6">
                  {t('mail.title')}
                </Title>
                <Text size="sm">
                  <Text span fw={600} inherit>
                    {t('mail.to')}
                  </Text>{' '}
                  {mail.to.join(', ') || '—'}
                </Text>
                <Text size="sm">
                  <Text span fw={600} inherit>
                    {t('mail.subject')}
                  </Text>{' '}
                  {mail.subject}
                </Text>
                <LinkedText text={mail.text} />
              </Stack>
            </Paper>
          )}
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 11 }}>
            {JSON.stringify(payload, null, 2)}
          </Code>
        </Stack>
      </Modal>
    </Group>
  );
}
