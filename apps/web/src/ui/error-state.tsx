import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** A failed load: what went wrong in words, and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof ApiError && error.status === 404 ? t('errors.notFound') : error instanceof Error ? error.message : String(error);
  return (
    <Stack p="lg" maw={560}>
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('errors.title')} role="alert">
        {message}
      </Alert>
      {onRetry && (
        <Button variant="default" onClick={onRetry} w="fit-content">
          {t('actions.retry')}
        </Button>
      )}
    </Stack>
  );
}

/** The message of an API error for a notification, with the fields at fault. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.errors.map((e) => `${e.field.replace(/^body\./, '')}: ${e.message}`);
    return fields.length ? fields.join('; ') : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
