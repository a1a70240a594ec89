import { useState } from 'react';
import { ActionIcon, Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, uploadFile, type PortalUpload } from './api.ts';
import { formatBytes } from './i18n.ts';

export interface Uploads {
  files: PortalUpload[];
  busy: boolean;
  errors: string[];
  add(files: File[]): Promise<void>;
  remove(id: string): void;
  reset(): void;
}

/**
 * Files attached to a message being written: each is uploaded at once, so a file that is too
 * large (or one too many) is refused while the customer is still writing, with its name.
 */
export function useUploads(maxFiles: number, maxBytes: number): Uploads {
  const { t } = useTranslation();
  const [files, setFiles] = useState<PortalUpload[]>([]);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const tooLarge = (name: string) => t('files.tooLarge', { name, max: formatBytes(maxBytes) });
  return {
    files,
    busy,
    errors,
    async add(chosen) {
      setErrors([]);
      const problems: string[] = [];
      let count = files.length;
      setBusy(true);
      for (const file of chosen) {
        if (count >= maxFiles) {
          problems.push(t('files.tooMany', { name: file.name, max: maxFiles }));
          continue;
        }
        if (file.size > maxBytes) {
          problems.push(tooLarge(file.name));
          continue;
        }
        try {
          const up = await uploadFile(file);
          count += 1;
          setFiles((prev) => [...prev, up]);
        } catch (err) {
          problems.push(err instanceof ApiError && err.status === 413 ? tooLarge(file.name) : t('files.failed', { name: file.name }));
        }
      }
      setBusy(false);
      setErrors(problems);
    },
    remove(id) {
      setFiles((prev) => prev.filter((f) => f.id !== id));
      void api('DELETE', `/uploads/${id}`).catch(() => undefined);
    },
    reset() {
      setFiles([]);
      setErrors([]);
    },
  };
}

/** The attach button, the files waiting to be sent (removable) and any refusal, announced. */
export function FilePicker({ uploads, maxBytes }: { uploads: Uploads; maxBytes: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <FileButton multiple onChange={(files) => void uploads.add(files)} inputProps={{ 'data-testid': 'file-input', 'aria-label': t('files.attach') } as Record<string, string>}>
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconPaperclip size={16} aria-hidden />} loading={uploads.busy}>
              {t('files.attach')}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          {t('files.limit', { max: formatBytes(maxBytes) })}
        </Text>
      </Group>
      {uploads.files.length > 0 && (
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('files.waiting')}>
          {uploads.files.map((f) => (
            <Group component="li" key={f.id} gap="xs" data-testid="pending-file">
              <IconPaperclip size={14} aria-hidden />
              <Text size="sm">
                {f.fileName} ({formatBytes(f.size)})
              </Text>
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('files.remove', { name: f.fileName })} onClick={() => uploads.remove(f.id)}>
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
      {uploads.errors.length > 0 && (
        <Alert color="red" role="alert" data-testid="upload-error">
          {uploads.errors.map((e) => (
            <Text key={e} size="sm">
              {e}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
