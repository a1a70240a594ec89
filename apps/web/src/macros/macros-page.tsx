import { Box, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SharedMacros } from './shared-macros.tsx';

/** Macros (/macros): the shared macros, where supervisors curate them without the admin area. */
export default function MacrosPage() {
  const { t } = useTranslation('macros');
  return (
    <Box style={{ flex: 1, overflow: 'auto' }} p="md">
      <Title order={2} size="h3" mb="md">
        {t('shared.title')}
      </Title>
      <SharedMacros />
    </Box>
  );
}
