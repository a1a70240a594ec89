import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Card, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCheck, IconPaperclip } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, attachmentUrl, get, post, type PortalForm, type PortalMessage, type PortalRequest } from './api.ts';
import { ErrorState, useErrorText } from './error-state.tsx';
import { FilePicker, useUploads } from './file-picker.tsx';
import { formatBytes, formatDateTime } from './i18n.ts';
import { Loading } from './loading.tsx';
import { StatusBadge } from './status-badge.tsx';

export const requestKey = (ref: string | number) => ['requests', 'one', Number(ref)] as const;

function Message({ m }: { m: PortalMessage }) {
  const { t } = useTranslation();
  const mine = m.author.type === 'customer';
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      bg={mine ? 'brand.0' : 'white'}
      ml={mine ? { base: 0, sm: 'xl' } : 0}
      mr={mine ? 0 : { base: 0, sm: 'xl' }}
      data-testid="message"
      data-author={m.author.type}
    >
      <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
        <Text fw={600} size="sm">
          {m.author.isYou ? t('request.you') : m.author.name}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(m.createdAt)}
        </Text>
      </Group>
      <Text className="message-body" data-testid="message-body">
        {m.body}
      </Text>
      {m.attachments.length > 0 && (
        <Group gap="sm" mt="sm">
          {m.attachments.map((a) => (
            <Anchor key={a.id} href={attachmentUrl(a.id)} size="sm" target="_blank" rel="noopener" data-testid="message-attachment">
              <Group gap={4} wrap="nowrap" component="span">
                <IconPaperclip size={14} aria-hidden />
                {a.fileName} ({formatBytes(a.size)})
              </Group>
            </Anchor>
          ))}
        </Group>
      )}
    </Paper>
  );
}

function ReplyForm({ r }: { r: PortalRequest }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const form = useQuery({ queryKey: ['form'], queryFn: () => get<PortalForm>('/form'), staleTime: 5 * 60_000 });
  const maxBytes = form.data?.maxUploadBytes ?? 10 * 1_048_576;
  const uploads = useUploads(form.data?.maxFiles ?? 5, maxBytes);
  const [body, setBody] = useState('');
  const send = useMutation({
    mutationFn: () => post<PortalMessage>(`/requests/${r.number}/messages`, { body, uploadIds: uploads.files.map((f) => f.id) }),
    onSuccess: () => {
      setBody('');
      uploads.reset();
      void qc.invalidateQueries({ queryKey: ['requests'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) send.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('request.replyLabel')}>
      <Stack gap="sm">
        <Textarea label={t('request.reply')} autosize minRows={3} maxRows={12} value={body} onChange={(e) => setBody(e.currentTarget.value)} data-testid="reply-body" required />
        <FilePicker uploads={uploads} maxBytes={maxBytes} />
        {send.isError && (
          <Alert color="red" role="alert">
            {errorText(send.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={send.isPending} disabled={!body.trim() || uploads.busy} data-testid="reply-send">
            {t('request.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One request: status, the fields customers see, the conversation, a reply, "solved". */
export default function RequestPage() {
  const { t } = useTranslation();
  const { ref = '' } = useParams();
  const qc = useQueryClient();
  const valid = /^\d+$/.test(ref);
  const request = useQuery({ queryKey: requestKey(ref), queryFn: () => get<PortalRequest>(`/requests/${ref}`), enabled: valid });
  const solve = useMutation({
    mutationFn: () => post<PortalRequest>(`/requests/${ref}/solve`),
    onSuccess: (r) => {
      qc.setQueryData(requestKey(ref), r);
      void qc.invalidateQueries({ queryKey: ['requests', 'list'] });
      notifications.show({ color: 'green', message: t('request.solvedNotice') });
    },
  });
  const back = (
    <Anchor component={Link} to="/requests" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('request.back')}
      </Group>
    </Anchor>
  );
  if (!valid || (request.error instanceof ApiError && request.error.status === 404)) {
    return (
      <Stack>
        {back}
        <Alert color="orange" title={t('request.notFoundTitle')} role="alert" data-testid="request-not-found">
          {t('request.notFound', { ref })}
        </Alert>
      </Stack>
    );
  }
  if (request.isPending) return <Loading />;
  if (request.isError) return <ErrorState error={request.error} onRetry={() => void request.refetch()} />;
  const r = request.data;
  return (
    <Stack gap="lg">
      {back}
      <Stack gap={4}>
        <Group gap="sm" wrap="wrap">
          <Title order={1} size="h2" data-testid="request-subject">
            {r.subject}
          </Title>
          <StatusBadge status={r.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {[`#${r.number}`, r.topic, !r.requester.isYou && t('requests.by', { name: r.requester.name }), t('request.opened', { when: formatDateTime(r.createdAt) })].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
      {r.fields.length > 0 && (
        <Card withBorder component="dl" m={0}>
          {r.fields.map((f) => (
            <Group key={f.key} gap="xs">
              <Text component="dt" fw={600} size="sm">
                {f.label}:
              </Text>
              <Text component="dd" size="sm" m={0}>
                {typeof f.value === 'boolean' ? (f.value ? t('yes') : t('no')) : String(f.value)}
              </Text>
            </Group>
          ))}
        </Card>
      )}
      {r.mergedInto && (
        <Alert color="blue">
          {t('request.merged')}{' '}
          <Anchor component={Link} to={`/requests/${r.mergedInto.number}`}>
            #{r.mergedInto.number}
          </Anchor>
        </Alert>
      )}
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('request.conversation')} data-testid="conversation">
        {r.messages.map((m) => (
          <Message key={m.id} m={m} />
        ))}
      </Stack>
      {r.canReply ? (
        <ReplyForm r={r} />
      ) : (
        !r.requester.isYou && <Text c="dimmed">{t('request.readOnly', { name: r.requester.name })}</Text>
      )}
      {r.status === 'closed' && <Text c="dimmed">{t('request.closed')}</Text>}
      {r.canSolve && (
        <Card withBorder>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">{t('request.solveQuestion')}</Text>
            <Button variant="light" color="green" leftSection={<IconCheck size={16} aria-hidden />} onClick={() => solve.mutate()} loading={solve.isPending} data-testid="solve">
              {t('request.solve')}
            </Button>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
