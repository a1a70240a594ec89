import { MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages, staffRoles } from '@switchboard/contracts/constants';
import { useTeams } from '../api/hooks.ts';
import { languageNames } from '../i18n/index.ts';

/** The role of a staff user. */
export function RoleSelect({ value, onChange, error, testId }: { value: string; onChange: (v: string) => void; error?: string | undefined; testId?: string }) {
  const { t } = useTranslation('admin');
  return (
    <Select
      label={t('users.role')}
      description={t('users.roleHint')}
      data={staffRoles.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The teams a user belongs to (cases of these teams are theirs to work on). */
export function TeamsSelect({ value, onChange, error, testId }: { value: string[]; onChange: (v: string[]) => void; error?: string | undefined; testId?: string }) {
  const { t } = useTranslation('admin');
  const teams = useTeams();
  return (
    <MultiSelect
      label={t('users.teams')}
      data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The language of a user's interface and of the emails they get. */
export function UserLanguageSelect({ value, onChange, testId }: { value: string; onChange: (v: string) => void; testId?: string }) {
  const { t } = useTranslation('admin');
  return (
    <Select
      label={t('users.language')}
      data={languages.map((l) => ({ value: l, label: languageNames[l] }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
