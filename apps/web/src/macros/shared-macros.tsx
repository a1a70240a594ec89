import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.tsx';
import { MacroList } from './macro-list.tsx';

/** Shared macros (Admin → Macros, and /macros for supervisors): everyone's, or one team's. */
export function SharedMacros() {
  const { t } = useTranslation('macros');
  const { user } = useSession();
  const manages = user.role === 'supervisor' || user.role === 'admin';
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm" maw={720}>
        {t(manages ? 'shared.intro' : 'shared.introAgent')}
      </Text>
      <MacroList scope="shared" canCreate={manages} />
    </>
  );
}
