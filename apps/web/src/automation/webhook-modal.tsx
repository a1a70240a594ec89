import { useState, type FormEvent } from 'react';
import { Button, Checkbox, CopyButton, Group, Modal, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, patch, post } from '../api/client.ts';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '../api/types.ts';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { ModalActions } from '../ui/modal-actions.tsx';
import { webhookEventTypes } from './options.ts';

type EventType = WebhookEndpoint['events'][number];

/** Adds or changes an endpoint; a new one hands its secret to `onCreated` (shown once). */
export function WebhookModal({ endpoint, onClose, onCreated }: { endpoint: WebhookEndpoint | null; onClose: () => void; onCreated: (e: WebhookEndpointWithSecret) => void }) {
  const { t } = useTranslation('automation');
  const qc = useQueryClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [name, setName] = useState(endpoint?.name ?? '');
  const [url, setUrl] = useState(endpoint?.url ?? 'https://');
  const [events, setEvents] = useState<string[]>(endpoint?.events ?? ['case.created', 'case.updated']);
  const [includeInternal, setIncludeInternal] = useState(endpoint?.includeInternal ?? false);
  const [enabled, setEnabled] = useState(endpoint?.enabled ?? true);
  const save = useMutation({
    mutationFn: () => {
      const body = { name, url, events: events as EventType[], includeInternal, enabled };
      return endpoint ? patch<WebhookEndpoint>(`/webhooks/${endpoint.id}`, body) : post<WebhookEndpointWithSecret>('/webhooks', body, { idempotencyKey });
    },
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['webhooks'] });
      notifySaved(t(endpoint ? 'webhooks.saved' : 'webhooks.created', { name: saved.name }));
      if (!endpoint) onCreated(saved as WebhookEndpointWithSecret);
      onClose();
    },
    onError: (err) => notifyFailed(err),
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={endpoint ? t('webhooks.editTitle', { name: endpoint.name }) : t('webhooks.newTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('webhooks.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-testid="webhook-name" data-autofocus />
          <TextInput label={t('webhooks.url')} description={t('webhooks.urlHint')} required value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={fieldError('url')} data-testid="webhook-url" />
          <Checkbox.Group label={t('webhooks.events')} value={events} onChange={setEvents} error={fieldError('events')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {webhookEventTypes.map((e) => (
                <Checkbox key={e} value={e} label={e} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Switch label={t('webhooks.includeInternal')} description={t('webhooks.includeInternalHint')} checked={includeInternal} onChange={(e) => setIncludeInternal(e.currentTarget.checked)} />
          <Switch label={t('enabled')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={endpoint ? t('common:actions.save') : t('common:actions.create')} submitTestId="webhook-save" />
        </Stack>
      </form>
    </Modal>
  );
}

/** Shows a signing secret once, with a copy button: it cannot be read again later. */
export function SecretModal({ endpoint, onClose }: { endpoint: WebhookEndpointWithSecret; onClose: () => void }) {
  const { t } = useTranslation('automation');
  return (
    <Modal opened onClose={onClose} title={t('webhooks.secretTitle', { name: endpoint.name })}>
      <Stack>
        <TextInput label={t('webhooks.secret')} description={t('webhooks.secretOnce')} value={endpoint.secret} readOnly onFocus={(e) => e.currentTarget.select()} data-testid="webhook-secret" />
        <Group justify="flex-end">
          <CopyButton value={endpoint.secret}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('webhooks.copied') : t('webhooks.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose} data-testid="webhook-secret-done">
            {t('webhooks.secretStored')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
