import { useEffect, useState } from 'react';
import { Badge, Button, Code, Group, Loader, Modal, SegmentedControl, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { templatePlaceholders, type MailboxTemplate } from '@switchboard/contracts';
import { languages } from '@switchboard/contracts/constants';
import { ApiError, get, post, put } from '../api/client.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { notifyFailed, notifySaved } from '../ui/notify.ts';

type Kind = MailboxTemplate['kind'];
type Language = MailboxTemplate['language'];

/** One template's editor: subject (acknowledgements), body, the placeholders it may use, save and reset. */
function TemplateEditor({ template, onSaved }: { template: MailboxTemplate; onSaved: () => void }) {
  const { t } = useTranslation('email');
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  useEffect(() => {
    setSubject(template.subject);
    setBody(template.body);
  }, [template]);
  const key = { mailboxId: template.mailboxId, kind: template.kind, language: template.language };
  const save = useMutation({
    mutationFn: () => put<MailboxTemplate>('/email/templates', { ...key, subject, body }),
    onSuccess: () => {
      notifySaved(t('templates.saved'));
      onSaved();
    },
    onError: notifyFailed,
  });
  const reset = useMutation({ mutationFn: () => post('/email/templates/reset', key), onSuccess: onSaved, onError: notifyFailed });
  const error = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const allowed = templatePlaceholders.filter((p) => p !== 'message' || template.kind === 'reply');
  const changed = subject !== template.subject || body !== template.body;
  return (
    <Stack gap="sm" pt="sm">
      <Group gap="xs">
        {template.builtIn ? <Badge color="gray">{t(template.mailboxId ? 'templates.inherited' : 'templates.builtIn')}</Badge> : <Badge color="blue">{t('templates.custom')}</Badge>}
      </Group>
      {template.kind === 'acknowledgement' && (
        <TextInput label={t('templates.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={error('subject')} data-testid="template-subject" />
      )}
      <Textarea label={t('templates.body')} autosize minRows={6} maxRows={16} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={error('body')} data-testid="template-body" />
      <Text size="xs" c="dimmed">
        {t('templates.placeholders')}{' '}
        {allowed.map((p) => (
          <Code key={p} mr={4}>{`{{${p}}}`}</Code>
        ))}
      </Text>
      <Group justify="flex-end">
        {!template.builtIn && (
          <Button variant="default" onClick={() => reset.mutate()} loading={reset.isPending} data-testid="template-reset">
            {t(template.mailboxId ? 'templates.useShared' : 'templates.useBuiltIn')}
          </Button>
        )}
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!changed && !template.builtIn} data-testid="template-save">
          {t('templates.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The texts a mailbox's mail is written with, per language: the acknowledgement of a new case and
 * the frame around agents' replies. `mailboxId` null edits the shared ones every mailbox inherits.
 */
export function TemplatesModal({ mailboxId, title, onClose }: { mailboxId: string | null; title: string; onClose: () => void }) {
  const { t } = useTranslation('email');
  const qc = useQueryClient();
  const [kind, setKind] = useState<Kind>('reply');
  const [language, setLanguage] = useState<Language>('en');
  const queryKey = ['email-templates', mailboxId];
  const templates = useQuery({ queryKey, queryFn: () => get<{ items: MailboxTemplate[] }>('/email/templates', mailboxId ? { mailboxId } : undefined).then((r) => r.items) });
  const current = templates.data?.find((x) => x.kind === kind && x.language === language);
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(mailboxId ? 'templates.introMailbox' : 'templates.introShared')}
        </Text>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={[
            { value: 'reply', label: t('templates.kind.reply') },
            { value: 'acknowledgement', label: t('templates.kind.acknowledgement') },
          ]}
          aria-label={t('templates.kindLabel')}
          data-testid="template-kind"
        />
        <Tabs value={language} onChange={(v) => v && setLanguage(v as Language)}>
          <Tabs.List>
            {languages.map((l) => (
              <Tabs.Tab key={l} value={l} data-testid={`template-lang-${l}`}>
                {t(`common:languageName.${l}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        {templates.isError ? (
          <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
        ) : current ? (
          <TemplateEditor template={current} onSaved={() => void qc.invalidateQueries({ queryKey })} />
        ) : (
          <Loader size="sm" aria-label={t('common:loading')} />
        )}
      </Stack>
    </Modal>
  );
}
