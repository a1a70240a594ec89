import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../api/hooks.ts';
import type { PushedEvent, TimelineEntry } from '../api/types.ts';
import { realtime } from '../realtime/socket.ts';

export interface UnseenChange {
  eventId: string;
  text: string;
}

/**
 * What others did on this case since the agent last acknowledged it: changes and new messages
 * arriving while they read or write. The composer asks before sending over them.
 */
export function useUnseenChanges(caseId: string | undefined, myId: string) {
  const { t } = useTranslation('case');
  const users = useUsers();
  const [unseen, setUnseen] = useState<UnseenChange[]>([]);
  const [forCase, setForCase] = useState(caseId);
  if (forCase !== caseId) {
    setForCase(caseId);
    setUnseen([]);
  }
  useEffect(() => {
    if (!caseId) return;
    const nameOf = (id: string | null) => users.data?.find((u) => u.id === id)?.name ?? t('unseen.someone');
    const describe = (e: PushedEvent): string | null => {
      if (e.type === 'case.entry_added') {
        const entry = e.payload.entry as TimelineEntry;
        if (entry.kind === 'note') return t('unseen.note', { name: entry.author.name });
        // A live chat's next line is the conversation itself, shown as it arrives — not a change to confirm.
        if (entry.direction === 'inbound' && entry.channel === 'chat') return null;
        return entry.direction === 'inbound' ? t('unseen.customerMessage', { name: entry.author.name }) : t('unseen.reply', { name: entry.author.name });
      }
      if (e.type === 'case.updated') {
        const fields = ((e.payload.changes ?? []) as { field: string }[]).map((c) => t(`timeline.field.${c.field}`, { defaultValue: c.field }));
        return t('unseen.changed', { name: nameOf(e.actorId), fields: fields.join(', ') });
      }
      if (e.type === 'case.merged') return t('unseen.merged', { name: nameOf(e.actorId) });
      return null;
    };
    return realtime.onEvent((e) => {
      if (e.payload.caseId !== caseId || e.actorId === myId) return;
      const text = describe(e);
      if (text) setUnseen((list) => [...list, { eventId: e.id, text }]);
    });
  }, [caseId, myId, users.data, t]);
  return { unseen, acknowledge: () => setUnseen([]) };
}
