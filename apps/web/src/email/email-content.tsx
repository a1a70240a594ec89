import { useMemo, useState } from 'react';
import { Box, Button, Group, Text } from '@mantine/core';
import { IconDots, IconPhotoOff } from '@tabler/icons-react';
import DOMPurify from 'dompurify';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api/types.ts';

type EntryEmail = NonNullable<TimelineEntry['email']>;
type Address = EntryEmail['to'][number];

/**
 * The server stores email HTML sanitized; it is cleaned once more here (defence in depth), and its
 * inline images (cid:) point at the message's own attachments.
 */
function safeHtml(html: string, attachments: TimelineEntry['attachments']): string {
  const byCid = new Map(attachments.filter((a) => a.contentId).map((a) => [a.contentId!.toLowerCase(), a.id]));
  const withImages = html.replace(/src="cid:([^"]+)"/gi, (_, cid: string) => {
    const id = byCid.get(cid.toLowerCase());
    return id ? `src="/api/v1/attachments/${id}"` : 'src=""';
  });
  return DOMPurify.sanitize(withImages, { ADD_ATTR: ['target'], FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe'] });
}

/** The inline images the HTML shows itself (they are not listed again as files). */
export function inlineAttachmentIds(entry: TimelineEntry): Set<string> {
  const html = `${entry.email?.html ?? ''}${entry.email?.quotedHtml ?? ''}`;
  return new Set(entry.attachments.filter((a) => a.contentId && html.toLowerCase().includes(`cid:${a.contentId.toLowerCase()}`)).map((a) => a.id));
}

const label = (a: Address) => (a.name ? `${a.name} <${a.address}>` : a.address);

/** From / To / Cc of a message, as a mail program shows them. */
function Envelope({ email, inbound }: { email: EntryEmail; inbound: boolean }) {
  const { t } = useTranslation('email');
  const rows: Array<[string, Address[]]> = [];
  if (inbound && email.from) rows.push([t('message.from'), [email.from]]);
  if (email.to.length) rows.push([t('message.to'), email.to]);
  if (email.cc.length) rows.push([t('message.cc'), email.cc]);
  if (rows.length === 0) return null;
  return (
    <Box mb={6} data-testid="email-envelope">
      {rows.map(([name, list]) => (
        <Text key={name} size="xs" c="dimmed" lineClamp={2}>
          <Text span fw={600} inherit>
            {name}:
          </Text>{' '}
          {list.map(label).join(', ')}
        </Text>
      ))}
    </Box>
  );
}

/**
 * An email message in the timeline: its envelope, the sanitized HTML (or the text) of what the
 * sender wrote, and the quoted history and signature folded behind a button.
 */
export function EmailContent({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation('email');
  const [expanded, setExpanded] = useState(false);
  const email = entry.email!;
  const inbound = entry.direction === 'inbound';
  const html = useMemo(() => (email.html ? safeHtml(email.html, entry.attachments) : null), [email.html, entry.attachments]);
  const quotedHtml = useMemo(() => (email.quotedHtml ? safeHtml(email.quotedHtml, entry.attachments) : null), [email.quotedHtml, entry.attachments]);
  const foldable = html ? quotedHtml !== null : email.foldAt !== null;
  const blocked = html?.includes('sb-blocked-image') ?? false;
  const text = !expanded && email.foldAt !== null ? entry.body.slice(0, email.foldAt).trimEnd() : entry.body;
  return (
    <>
      <Envelope email={email} inbound={inbound} />
      {html ? (
        <div className="sb-email-html" data-testid="email-html" dangerouslySetInnerHTML={{ __html: expanded && quotedHtml ? html + quotedHtml : html }} />
      ) : (
        <Text size="sm" className="sb-body" data-testid="email-text">
          {text}
        </Text>
      )}
      {(foldable || blocked) && (
        <Group gap="xs" mt={4}>
          {foldable && (
            <Button
              variant="subtle"
              size="compact-xs"
              color="gray"
              leftSection={<IconDots size={14} aria-hidden />}
              onClick={() => setExpanded((v) => !v)}
              aria-expanded={expanded}
              data-testid="email-fold-toggle"
            >
              {expanded ? t('message.hideQuoted') : t('message.showQuoted')}
            </Button>
          )}
          {blocked && (
            <Text size="xs" c="dimmed" component="span">
              <IconPhotoOff size={12} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('message.imagesBlocked')}
            </Text>
          )}
        </Group>
      )}
    </>
  );
}
