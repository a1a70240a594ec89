import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n/index.ts';
import { errorMessage } from './error-state.tsx';

/** A success or failure notice (the theme names its close button and keeps its text at full contrast). */
export function notify(color: 'green' | 'red', message: string, title?: string): void {
  notifications.show({ color, message, ...(title ? { title } : {}) });
}

/** A short green confirmation after a change was saved. */
export function notifySaved(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}

/** A failed change: what the server said, with the fields at fault. */
export function notifyFailed(err: unknown, title = i18n.t('admin:saveFailed')): void {
  notifications.show({ color: 'red', title, message: errorMessage(err), autoClose: 8000 });
}
