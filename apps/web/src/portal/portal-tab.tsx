import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.tsx';
import { AccessSection } from './access-section.tsx';
import { BrandingSection } from './branding-section.tsx';

/** Admin → Portal & branding: how the customer portal and the help center look, and what customers see. */
export function PortalTab() {
  const { t } = useTranslation('portal');
  const { user } = useSession();
  if (user.role !== 'admin') return <Text>{t('adminsOnly')}</Text>;
  return (
    <Stack gap="lg" maw={960}>
      <BrandingSection />
      <AccessSection />
    </Stack>
  );
}
