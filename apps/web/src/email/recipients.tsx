import { useEffect, useMemo, useRef } from 'react';
import { Button, Group, TagsInput, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseParticipant } from '@switchboard/contracts';
import { get } from '../api/client.ts';

const emailLike = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The case's email participants (Cc of earlier messages); reply-all writes to them. */
export function useParticipants(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['participants', caseId],
    queryFn: () => get<{ items: CaseParticipant[] }>(`/cases/${caseId}/participants`).then((r) => r.items),
    enabled,
  });
}

interface Props {
  caseId: string;
  /** The requester's address: the reply always goes to them. */
  to: string;
  cc: string[];
  onChange: (cc: string[]) => void;
}

/**
 * Who an email reply goes to: the requester, and on Cc the case's participants (reply-all, the
 * default once there are any) or whoever the agent adds. "Requester only" takes them off.
 */
export function Recipients({ caseId, to, cc, onChange }: Props) {
  const { t } = useTranslation('email');
  const participants = useParticipants(caseId, true);
  const all = useMemo(() => participants.data?.map((p) => p.email) ?? [], [participants.data]);
  const filled = useRef(false);
  useEffect(() => {
    if (!filled.current && participants.data) {
      filled.current = true;
      if (all.length) onChange(all);
    }
  }, [participants.data, all, onChange]);
  const replyAll = all.length > 0 && all.every((a) => cc.includes(a));
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="composer-recipients">
      <Text size="xs" c="dimmed" pt={6} style={{ whiteSpace: 'nowrap' }}>
        {t('composer.to')} <Text span fw={600} inherit>{to}</Text>
      </Text>
      <TagsInput
        size="xs"
        style={{ flex: 1 }}
        aria-label={t('composer.cc')}
        placeholder={cc.length ? undefined : t('composer.ccPlaceholder')}
        leftSection={<Text size="xs" c="dimmed">{t('composer.ccShort')}</Text>}
        value={cc}
        data={all}
        maxTags={20}
        splitChars={[',', ' ', ';']}
        onChange={(v) => onChange([...new Set(v.map((a) => a.trim().toLowerCase()).filter((a) => emailLike.test(a) && a !== to.toLowerCase()))])}
        clearable
        data-testid="composer-cc"
      />
      {all.length > 0 && (
        <Button
          size="compact-xs"
          variant={replyAll ? 'light' : 'subtle'}
          leftSection={<IconUsers size={14} aria-hidden />}
          onClick={() => onChange(replyAll ? cc.filter((a) => !all.includes(a)) : [...new Set([...cc, ...all])])}
          aria-pressed={replyAll}
          data-testid="composer-reply-all"
          mt={2}
        >
          {replyAll ? t('composer.requesterOnly') : t('composer.replyAll', { count: all.length })}
        </Button>
      )}
    </Group>
  );
}
