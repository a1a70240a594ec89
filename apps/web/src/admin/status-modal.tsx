import { useState, type FormEvent } from 'react';
import { Modal, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { statuses } from '@switchboard/contracts/constants';
import { ApiError, patch, post } from '../api/client.ts';
import type { CustomStatus } from '../api/types.ts';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { ModalActions } from '../ui/modal-actions.tsx';

/** Adds a custom status, or renames, reorders or retires one (its category stays: cases count by it). */
export function StatusModal({ status, onClose }: { status: CustomStatus | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [name, setName] = useState(status?.name ?? '');
  const [category, setCategory] = useState<string>(status?.category ?? 'pending');
  const [position, setPosition] = useState<number>(status?.position ?? 0);
  const [active, setActive] = useState(status?.active ?? true);
  const save = useMutation({
    mutationFn: () =>
      status
        ? patch<CustomStatus>(`/statuses/${status.id}`, { name, position, active })
        : post<CustomStatus>('/statuses', { name, category, position }, { idempotencyKey }),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['statuses'] });
      notifySaved(t(status ? 'statuses.saved' : 'statuses.created', { name: saved.name }));
      onClose();
    },
    onError: notifyFailed,
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={status ? t('statuses.editTitle', { name: status.name }) : t('statuses.newTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('statuses.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-testid="status-name" data-autofocus />
          <Select
            label={t('statuses.category')}
            description={status ? t('statuses.categoryFixed') : t('statuses.categoryHint')}
            data={statuses.map((s) => ({ value: s, label: t(`common:status.${s}`) }))}
            value={category}
            onChange={(v) => v && setCategory(v)}
            allowDeselect={false}
            disabled={!!status}
            error={fieldError('category')}
            data-testid="status-category"
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput
            label={t('fields.position')}
            description={t('statuses.positionHint')}
            min={0}
            max={10000}
            allowDecimal={false}
            value={position}
            onChange={(v) => setPosition(typeof v === 'number' ? v : Number(v) || 0)}
            error={fieldError('position')}
            data-testid="status-position"
          />
          {status && (
            <Switch label={t('statuses.activeLabel')} description={t('statuses.activeHint')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} data-testid="status-active" />
          )}
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={status ? t('common:actions.save') : t('common:actions.create')} submitTestId="status-save" />
        </Stack>
      </form>
    </Modal>
  );
}
