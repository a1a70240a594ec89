import { Alert, Button, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomerForm } from './use-customer-form.ts';

/** Someone else changed a field this form changed too: keep mine (overwrite) or take theirs. */
export function ConflictAlert({ form }: { form: CustomerForm }) {
  const { t } = useTranslation('customer');
  if (!form.conflict) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('conflict.title')} data-testid="customer-conflict">
      {t('conflict.text')}
      <Group gap="xs" mt="xs">
        <Button size="compact-sm" variant="default" onClick={form.keepMine}>
          {t('conflict.keepMine')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={form.reset}>
          {t('conflict.takeTheirs')}
        </Button>
      </Group>
    </Alert>
  );
}

/** Save and cancel/discard for a customer form. */
export function FormButtons({ form, onCancel, size = 'sm' }: { form: CustomerForm; onCancel?: () => void; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('customer');
  return (
    <Group justify="flex-end" gap="xs">
      {(onCancel || form.dirty) && (
        <Button
          variant="default"
          size={size}
          onClick={() => {
            form.reset();
            onCancel?.();
          }}
          data-testid="customer-cancel"
        >
          {onCancel ? t('common:actions.cancel') : t('discard')}
        </Button>
      )}
      <Button type="submit" size={size} loading={form.saving} disabled={!form.dirty && !onCancel} data-testid="customer-save">
        {t('common:actions.save')}
      </Button>
    </Group>
  );
}
