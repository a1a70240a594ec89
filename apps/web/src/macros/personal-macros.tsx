import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MacroList } from './macro-list.tsx';

/** Settings → My macros: texts only you see in the composer's macro picker. */
export function PersonalMacros() {
  const { t } = useTranslation('macros');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="personal-macros-title" data-testid="personal-macros">
      <Title order={3} size="h4" mb="sm" id="personal-macros-title">
        {t('personal.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('personal.intro')}
      </Text>
      <MacroList scope="personal" canCreate />
    </Paper>
  );
}
