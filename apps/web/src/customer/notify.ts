import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n/index.ts';

/**
 * A success or failure notice. Mantine's notification close button has no accessible name and its
 * description text is gray 6 (under 4.5:1), so both are set here.
 */
export function notify(color: 'green' | 'red', message: string, title?: string): void {
  notifications.show({
    color,
    message,
    ...(title ? { title } : {}),
    closeButtonProps: { 'aria-label': i18n.t('common:actions.close') },
    styles: { description: { color: title ? 'var(--mantine-color-dimmed)' : 'var(--mantine-color-text)' } },
  });
}
