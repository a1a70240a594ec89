import { useEffect, useState } from 'react';
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconMail, IconMessageCircle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, get, post } from '../api/client.ts';
import type { TimelineEntry } from '../api/types.ts';
import type { CasePanelProps } from '../case/side-panels.tsx';
import { realtime } from '../realtime/socket.ts';
import type { ChatCaseState } from './types.ts';

/**
 * The chat side of a chat case: is the visitor on the page, typing, have they read our reply;
 * do replies go to the widget or by email. Marks the visitor's messages read while shown.
 */
export function ChatPanel({ c }: CasePanelProps) {
  const { t } = useTranslation('chat');
  const qc = useQueryClient();
  const isChat = c.channel === 'chat';
  const state = useQuery({
    queryKey: ['chat-case', c.id],
    queryFn: () => get<ChatCaseState>(`/chat/cases/${c.id}`).catch((err: unknown) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err))),
    enabled: isChat,
  });
  // The same query as the case screen's timeline (shared from the cache): what the agent has on screen.
  const timeline = useQuery({
    queryKey: ['timeline', c.id],
    queryFn: () => get<{ items: TimelineEntry[] }>(`/cases/${c.id}/timeline`, { limit: 500 }).then((r) => r.items),
    enabled: isChat && !!state.data,
  });
  const [typing, setTyping] = useState(false);
  const refetch = state.refetch;

  useEffect(() => {
    if (!isChat) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = realtime.onEvent((e) => {
      if (e.payload.caseId !== c.id) return;
      if (e.type === 'chat.visitor') {
        const p = e.payload as { online?: boolean; typing?: boolean; readUpTo?: number };
        if (p.typing !== undefined) {
          setTyping(p.typing);
          clearTimeout(timer);
          // A visitor whose "stopped typing" got lost (closed tab) does not type forever.
          if (p.typing) timer = setTimeout(() => setTyping(false), 8000);
        }
        qc.setQueryData<ChatCaseState | null>(['chat-case', c.id], (s) =>
          s ? { ...s, visitor: { ...s.visitor, online: p.online ?? s.visitor.online }, visitorReadUpTo: Math.max(s.visitorReadUpTo, p.readUpTo ?? 0) } : s,
        );
      } else if (e.type === 'case.entry_added' && (e.payload.entry as TimelineEntry | undefined)?.direction === 'inbound') setTyping(false);
    });
    const offReconnect = realtime.onReconnect(() => void refetch());
    return () => {
      off();
      offReconnect();
      clearTimeout(timer);
    };
  }, [c.id, isChat, qc, refetch]);

  // Read receipts: the visitor's newest message counts as read while this screen shows it.
  const s = state.data;
  const entries = timeline.data ?? [];
  const lastInbound = [...entries].reverse().find((e) => e.kind === 'message' && e.direction === 'inbound');
  useEffect(() => {
    if (!s || !lastInbound || lastInbound.id <= s.agentReadUpTo) return;
    const mark = () => {
      if (document.visibilityState !== 'visible') return;
      post<ChatCaseState>(`/chat/cases/${c.id}/read`, { upTo: lastInbound.id })
        .then((fresh) => qc.setQueryData(['chat-case', c.id], fresh))
        .catch(() => undefined);
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [c.id, qc, s, lastInbound]);

  if (!isChat || !s) return null;
  const lastReply = [...entries].reverse().find((e) => e.kind === 'message' && e.direction === 'outbound');
  return (
    <Stack gap="xs" data-testid="chat-panel">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('panel.title')}
        </Title>
        <Badge color={s.visitor.online ? 'green' : 'gray'} variant="light" data-testid="chat-visitor-online" data-online={s.visitor.online}>
          {s.visitor.online ? t('panel.online') : t('panel.offline')}
        </Badge>
      </Group>
      <Text size="sm" aria-live="polite" data-testid="chat-visitor-typing" c={typing ? undefined : 'dimmed'} fs={typing ? 'italic' : undefined}>
        {typing ? t('panel.typing', { name: s.visitor.name ?? t('panel.visitor') }) : '\u00a0'}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {s.mode === 'email' ? <IconMail size={16} aria-hidden /> : <IconMessageCircle size={16} aria-hidden />}
        <Text size="sm" data-testid="chat-mode" data-mode={s.mode}>
          {s.mode === 'email' ? t('panel.byEmail', { email: s.visitor.email ?? '' }) : t('panel.byChat')}
        </Text>
      </Group>
      {lastReply && (
        <Text size="sm" c="dimmed" data-testid="chat-seen">
          {s.visitorReadUpTo >= lastReply.id ? t('panel.seen') : t('panel.notSeen')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('panel.channel', { name: s.channel.name })}
        {s.visitor.identified ? ` · ${t('panel.identified')}` : ''}
      </Text>
      {s.page && (
        <Anchor size="xs" href={s.page} target="_blank" rel="noreferrer noopener" style={{ wordBreak: 'break-all' }}>
          {s.page}
        </Anchor>
      )}
    </Stack>
  );
}
