import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  onCancel: () => void;
  loading: boolean;
  submitLabel: string;
  submitTestId: string;
  /** Without it the main button submits the surrounding form. */
  onSubmit?: () => void;
}

/** Cancel and the main action at the bottom right of a modal. */
export function ModalActions({ onCancel, loading, submitLabel, submitTestId, onSubmit }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common:actions.cancel')}
      </Button>
      <Button type={onSubmit ? 'button' : 'submit'} onClick={onSubmit} loading={loading} data-testid={submitTestId}>
        {submitLabel}
      </Button>
    </Group>
  );
}
