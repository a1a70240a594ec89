import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages } from '@switchboard/contracts/constants';
import { isLanguage, languageNames, switchLanguage, type Language } from '../i18n/index.ts';

/** The interface language; `onChange` lets the signed-in shell also save it on the user. */
export function LanguageSelect({ onChange }: { onChange?: (lng: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Select
      label={t('language')}
      data={languages.map((l) => ({ value: l, label: languageNames[l] }))}
      value={i18n.resolvedLanguage ?? 'en'}
      allowDeselect={false}
      onChange={(v) => {
        if (!isLanguage(v)) return;
        void switchLanguage(v);
        onChange?.(v);
      }}
      data-testid="language-select"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
