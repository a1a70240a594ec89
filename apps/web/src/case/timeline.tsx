import { Anchor, Avatar, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight, IconHistory, IconLock, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFields, useStatuses, useTeams, useUsers } from '../api/hooks.ts';
import type { TimelineEntry } from '../api/types.ts';
import { useFormat } from '../i18n/format.ts';
import { RoutingChange, routingFields } from '../routing/routing-change.tsx';
import { Activity } from './activities.tsx';
import { EmailContent, inlineAttachmentIds } from '../email/email-content.tsx';
import { initials } from '../shell/user-menu.tsx';

interface AttachmentRef {
  id: string;
  fileName: string;
  size: number;
}

function Attachments({ items }: { items: AttachmentRef[] | undefined }) {
  const f = useFormat();
  if (!items?.length) return null;
  return (
    <Group gap="xs" mt="xs">
      {items.map((a) => (
        <Anchor key={a.id} href={`/api/v1/attachments/${a.id}`} target="_blank" rel="noopener" size="sm" data-testid="timeline-attachment">
          <Group gap={4} wrap="nowrap">
            <IconPaperclip size={14} aria-hidden />
            {a.fileName} ({f.number(Math.max(1, Math.round(a.size / 1024)))} KB)
          </Group>
        </Anchor>
      ))}
    </Group>
  );
}

function When({ at }: { at: string }) {
  const f = useFormat();
  return (
    <Tooltip label={f.dateTime(at)}>
      <Text size="xs" c="dimmed" component="time" dateTime={at}>
        {f.relative(at)}
      </Text>
    </Tooltip>
  );
}

/** Changes that name another case by its number: "merged case #12 into this case", "linked … #12". */
const linkFields = new Set(['mergedFrom', 'mergedInto', 'linked', 'unlinked']);

/** How a change entry reads: "Jonas changed status from New to Open". */
function ChangeLine({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation('case');
  const users = useUsers();
  const teams = useTeams();
  const statuses = useStatuses();
  const fields = useFields('case');
  const named = (list: { id: string; name: string }[] | undefined, id: unknown) => list?.find((x) => x.id === id)?.name ?? t('timeline.unknown');
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('timeline.empty');
    if (field === 'assignee') return named(users.data, v);
    if (field === 'team') return named(teams.data, v);
    if (field === 'customStatus') return named(statuses.data, v);
    if (field === 'status') return t(`common:status.${String(v)}`);
    if (field === 'priority') return t(`common:priority.${String(v)}`);
    if (typeof v === 'boolean') return t(v ? 'customer:yes' : 'customer:no');
    if (Array.isArray(v)) return v.join(', ') || t('timeline.empty');
    if (typeof v === 'object') return (v as { name?: string }).name ?? JSON.stringify(v);
    return String(v);
  };
  // A custom field by its label (as on the form), a built-in one by its translated name.
  const fieldName = (field: string): string => {
    if (!field.startsWith('customFields.')) return t(`timeline.field.${field}`, { defaultValue: field });
    const key = field.slice('customFields.'.length);
    return fields.data?.find((d) => d.key === key)?.label ?? key;
  };
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" px="xs" data-testid="timeline-change">
      <IconHistory size={16} aria-hidden style={{ marginTop: 2, flexShrink: 0 }} />
      <Text size="sm" c="dimmed" style={{ flex: 1 }}>
        <Text span fw={600} inherit>
          {entry.author.name}
        </Text>{' '}
        {(entry.changes ?? []).map((c, i) => (
          <span key={i}>
            {i > 0 && '; '}
            {linkFields.has(c.field)
              ? t(`timeline.${c.field}`, { number: c.to })
              : c.from === null || c.from === undefined || c.from === ''
                ? t('timeline.set', { field: fieldName(c.field), to: value(c.field, c.to) })
                : t('timeline.changed', { field: fieldName(c.field), from: value(c.field, c.from), to: value(c.field, c.to) })}
          </span>
        ))}
      </Text>
      <When at={entry.createdAt} />
    </Group>
  );
}

/**
 * The case's history, oldest first. What the customer sees (messages) and what they never see
 * (internal notes, in yellow with a lock) look clearly different; `unseenAfter` outlines entries
 * that arrived from others since the agent last acknowledged the case.
 */
export function Timeline({ entries, unseenAfter, myId }: { entries: TimelineEntry[]; unseenAfter: number | null; myId: string }) {
  const { t } = useTranslation('case');
  return (
    <Stack gap="sm" data-testid="timeline">
      {entries.map((e) => {
        const unseen = unseenAfter !== null && e.id > unseenAfter && e.author.id !== myId;
        const routing = e.kind === 'change' ? e.changes?.find((c) => routingFields.has(c.field)) : undefined;
        if (routing) return <RoutingChange key={e.id} change={routing} author={e.author.name} when={<When at={e.createdAt} />} />;
        if (e.kind === 'change') return <ChangeLine key={e.id} entry={e} />;
        if (e.kind === 'activity') return <Activity key={e.id} entry={e} when={<When at={e.createdAt} />} />;
        const note = e.kind === 'note';
        const inbound = e.direction === 'inbound';
        const inline = e.email ? inlineAttachmentIds(e) : null;
        const attachments = inline?.size ? e.attachments.filter((a) => !inline.has(a.id)) : e.attachments;
        // Someone on Cc who answered is named as they signed their mail, not as the requester.
        const author = inbound && e.email?.from ? e.email.from.name || e.email.from.address : e.author.name;
        return (
          <Paper
            key={e.id}
            withBorder={!note}
            p="sm"
            radius="md"
            className={`${note ? 'sb-note' : ''} ${unseen ? 'sb-unseen' : ''}`}
            data-testid={note ? 'timeline-note' : 'timeline-message'}
            data-direction={e.direction ?? undefined}
            data-unseen={unseen || undefined}
            ml={!note && !inbound ? 'xl' : 0}
            mr={inbound ? 'xl' : 0}
            bg={!note && !inbound ? 'var(--mantine-color-blue-light)' : undefined}
          >
            <Group justify="space-between" wrap="nowrap" mb={6}>
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <Avatar size={26} radius="xl" color={inbound ? 'teal' : 'blue'} aria-hidden>
                  {initials(author)}
                </Avatar>
                <Text size="sm" fw={600} truncate>
                  {author}
                </Text>
                {note ? (
                  <Badge color="yellow" leftSection={<IconLock size={11} />}>
                    {t('timeline.note')}
                  </Badge>
                ) : (
                  <Badge color={inbound ? 'teal' : 'blue'} leftSection={inbound ? <IconArrowDownLeft size={11} /> : <IconArrowUpRight size={11} />}>
                    {inbound ? t('timeline.fromCustomer', { channel: t(`common:channel.${e.channel ?? 'email'}`) }) : t('timeline.reply', { channel: t(`common:channel.${e.channel ?? 'email'}`) })}
                  </Badge>
                )}
                {unseen && <Badge color="orange">{t('timeline.new')}</Badge>}
              </Group>
              <When at={e.createdAt} />
            </Group>
            {e.email && e.channel === 'email' ? (
              <EmailContent entry={e} />
            ) : (
              <Text size="sm" className="sb-body">
                {e.body}
              </Text>
            )}
            <Attachments items={attachments} />
            {e.recordedBy && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('timeline.recordedBy', { name: e.recordedBy.name })}
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
