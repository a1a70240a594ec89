import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError, patch } from '../api/client.ts';
import type { Case, UpdateCaseBody } from '../api/types.ts';
import { patchCase } from '../realtime/live-updates.ts';
import { errorMessage } from '../ui/error-state.tsx';

/**
 * Changes a case based on the version on screen (If-Match). When someone else changed it
 * meanwhile, nothing is overwritten: the agent is told, and the fresh case is loaded.
 */
export function useUpdateCase(c: Case | undefined) {
  const { t } = useTranslation('case');
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (changes: Omit<UpdateCaseBody, 'version'>) => patch<Case>(`/cases/${c!.id}`, changes, { version: c!.version }),
    onSuccess: (updated) => {
      patchCase(qc, updated);
      void qc.invalidateQueries({ queryKey: ['timeline', updated.id] });
      void qc.invalidateQueries({ queryKey: ['views'] });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 412) {
        notifications.show({ color: 'orange', title: t('conflict.title'), message: t('conflict.text') });
        void qc.invalidateQueries({ queryKey: ['case'] });
        void qc.invalidateQueries({ queryKey: ['timeline'] });
      } else notifications.show({ color: 'red', title: t('properties.saveFailed'), message: errorMessage(err) });
    },
  });
}
