import { notifications } from '@mantine/notifications';
import { errorMessage } from '../ui/error-state.tsx';
import { i18n } from '../i18n/index.ts';

/** A short green confirmation after a change was saved. */
export function notifySaved(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}

/** A failed change: what the server said, with the fields at fault. */
export function notifyFailed(err: unknown): void {
  notifications.show({ color: 'red', title: i18n.t('admin:saveFailed'), message: errorMessage(err), autoClose: 8000 });
}
