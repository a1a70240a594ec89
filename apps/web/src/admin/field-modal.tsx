import { useState, type FormEvent } from 'react';
import { Checkbox, Modal, NumberInput, Select, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldTypes } from '@switchboard/contracts/constants';
import { ApiError, patch, post } from '../api/client.ts';
import type { FieldDefinition } from '../api/types.ts';
import { notifyFailed, notifySaved } from '../ui/notify.ts';
import { ModalActions } from '../ui/modal-actions.tsx';

/** A key from a label: "Contract number" → "contract_number" (the admin may still change it). */
function keyOf(label: string): string {
  const k = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '');
  return k.slice(0, 63);
}

/** Defines a new custom field, or changes one (its key and type stay: values are stored under them). */
export function FieldModal({ entity, field, onClose }: { entity: FieldDefinition['entity']; field: FieldDefinition | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [label, setLabel] = useState(field?.label ?? '');
  const [key, setKey] = useState(field?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(false);
  const [type, setType] = useState<string>(field?.type ?? 'text');
  const [options, setOptions] = useState(field?.options ?? []);
  const [important, setImportant] = useState(field?.important ?? false);
  const [position, setPosition] = useState<number>(field?.position ?? 0);
  const [active, setActive] = useState(field?.active ?? true);
  const save = useMutation({
    mutationFn: () =>
      field
        ? patch<FieldDefinition>(`/fields/${field.id}`, { label, important, position, active, ...(field.type === 'select' ? { options } : {}) })
        : post<FieldDefinition>('/fields', { entity, key, label, type, options: type === 'select' ? options : [], important, position }, { idempotencyKey }),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['fields'] });
      void qc.invalidateQueries({ queryKey: ['teams'] });
      notifySaved(t(field ? 'fields.saved' : 'fields.created', { name: saved.label }));
      onClose();
    },
    onError: notifyFailed,
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.fieldError(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = field ? t('fields.editTitle', { name: field.label }) : t('fields.newTitle', { entity: t(`fields.entity.${entity}`) });

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('fields.label')}
            required
            value={label}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setLabel(v);
              if (!field && !keyTouched) setKey(keyOf(v));
            }}
            error={fieldError('label')}
            data-testid="field-label"
            data-autofocus
          />
          <TextInput
            label={t('fields.key')}
            description={field ? t('fields.keyFixed') : t('fields.keyHint')}
            required
            value={key}
            disabled={!!field}
            onChange={(e) => {
              setKeyTouched(true);
              setKey(e.currentTarget.value);
            }}
            error={fieldError('key')}
            data-testid="field-key"
          />
          <Select
            label={t('fields.type')}
            data={fieldTypes.map((ft) => ({ value: ft, label: t(`fields.types.${ft}`) }))}
            value={type}
            onChange={(v) => v && setType(v)}
            allowDeselect={false}
            disabled={!!field}
            error={fieldError('type')}
            data-testid="field-type"
            comboboxProps={{ withinPortal: true }}
          />
          {type === 'select' && (
            <TagsInput
              label={t('fields.options')}
              description={t('fields.optionsHint')}
              value={options}
              onChange={setOptions}
              error={fieldError('options')}
              data-testid="field-options"
              clearable
            />
          )}
          <NumberInput
            label={t('fields.position')}
            description={t('fields.positionHint')}
            min={0}
            max={10000}
            allowDecimal={false}
            value={position}
            onChange={(v) => setPosition(typeof v === 'number' ? v : Number(v) || 0)}
            error={fieldError('position')}
            data-testid="field-position"
          />
          <Checkbox
            label={t('fields.important')}
            description={t('fields.importantHint')}
            checked={important}
            onChange={(e) => setImportant(e.currentTarget.checked)}
            data-testid="field-important"
          />
          {field && (
            <Switch label={t('fields.activeLabel')} description={t('fields.activeHint')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} data-testid="field-active" />
          )}
          <ModalActions onCancel={onClose} loading={save.isPending} submitLabel={field ? t('common:actions.save') : t('common:actions.create')} submitTestId="field-save" />
        </Stack>
      </form>
    </Modal>
  );
}
