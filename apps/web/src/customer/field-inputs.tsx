import { useMemo, useState } from 'react';
import { Checkbox, MultiSelect, NumberInput, Select, TextInput, type MantineSize } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { languages } from '@switchboard/contracts/constants';
import { useUsers } from '../api/hooks.ts';
import type { FieldDefinition } from '../api/types.ts';
import type { Language } from '../i18n/index.ts';
import type { CustomValue } from './form-values.ts';
import { useOrganizationSearch } from './queries.ts';

interface Common {
  label?: string;
  error?: string | undefined;
  size?: MantineSize;
  testId?: string;
}

/** The customer's preferred language: one of the languages the service answers in. */
export function LanguageSelect({ value, onChange, label, error, size, testId }: Common & { value: Language | null; onChange: (v: Language | null) => void }) {
  const { t } = useTranslation('customer');
  return (
    <Select
      size={size}
      label={label ?? t('fields.preferredLanguage')}
      placeholder={t('choose')}
      data={languages.map((l) => ({ value: l, label: t(`common:languageName.${l}`) }))}
      value={value}
      onChange={(v) => onChange((v as Language | null) ?? null)}
      clearable
      error={error}
      data-testid={testId}
    />
  );
}

let zoneCache: { value: string; label: string }[] | null = null;
/** Every IANA time zone the browser knows, labelled with its current UTC offset (computed once). */
function timeZoneOptions(): { value: string; label: string }[] {
  if (zoneCache) return zoneCache;
  const zones = Intl.supportedValuesOf('timeZone');
  if (!zones.includes('UTC')) zones.push('UTC');
  const now = new Date();
  zoneCache = zones.map((z) => {
    const offset = new Intl.DateTimeFormat('en', { timeZone: z, timeZoneName: 'shortOffset' }).formatToParts(now).find((p) => p.type === 'timeZoneName')?.value;
    return { value: z, label: `${z.replace(/_/g, ' ')}${offset ? ` (${offset})` : ''}` };
  });
  return zoneCache;
}

/** A searchable list of all IANA time zones. */
export function TimeZoneSelect({ value, onChange, label, error, size, testId }: Common & { value: string | null; onChange: (v: string | null) => void }) {
  const { t } = useTranslation('customer');
  const data = useMemo(() => {
    const options = timeZoneOptions();
    // A zone stored by another client that this browser does not list still shows.
    return value && !options.some((o) => o.value === value) ? [{ value, label: value }, ...options] : options;
  }, [value]);
  return (
    <Select
      size={size}
      label={label ?? t('fields.timeZone')}
      placeholder={t('searchTimeZone')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      limit={60}
      nothingFoundMessage={t('nothingFound')}
      error={error}
      data-testid={testId}
    />
  );
}

/** The account owner: an active staff user (the current owner stays listed even if deactivated). */
export function OwnerSelect({ value, onChange, current, label, error, size, testId }: Common & { value: string | null; onChange: (v: string | null) => void; current?: { id: string; name: string } | null }) {
  const { t } = useTranslation('customer');
  const users = useUsers();
  const data = (users.data ?? []).filter((u) => u.active || u.id === value).map((u) => ({ value: u.id, label: u.name }));
  if (current && !data.some((d) => d.value === current.id)) data.unshift({ value: current.id, label: current.name });
  return (
    <Select
      size={size}
      label={label ?? t('fields.accountOwner')}
      placeholder={t('nobody')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('nothingFound')}
      error={error}
      data-testid={testId}
    />
  );
}

/** Organizations, searched on the server as you type; names of chosen ones are remembered. */
export function OrganizationsSelect({ value, onChange, known = [], label, error, size, testId }: Common & { value: string[]; onChange: (v: string[]) => void; known?: { id: string; name: string }[] }) {
  const { t } = useTranslation('customer');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const results = useOrganizationSearch(q);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const names = new Map<string, string>([...known.map((o) => [o.id, o.name] as const), ...Object.entries(picked)]);
  for (const o of results.data ?? []) names.set(o.id, o.name);
  const data = [...names].map(([id, name]) => ({ value: id, label: name }));
  return (
    <MultiSelect
      size={size}
      label={label ?? t('fields.organizations')}
      placeholder={value.length ? undefined : t('searchOrganizations')}
      data={data}
      value={value}
      onChange={(ids) => {
        setPicked((p) => ({ ...p, ...Object.fromEntries(ids.map((id) => [id, names.get(id) ?? id])) }));
        onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      clearable
      nothingFoundMessage={results.isFetching ? t('common:loading') : t('nothingFound')}
      error={error}
      data-testid={testId}
    />
  );
}

/** One custom field, with the input its type needs. */
export function CustomFieldInput({ def, value, onChange, error, size, testId, label }: Common & { def: FieldDefinition; value: CustomValue | undefined; onChange: (v: CustomValue) => void }) {
  const { t } = useTranslation('customer');
  const common = { size, label: label ?? def.label, error, 'data-testid': testId };
  switch (def.type) {
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : null)} />;
    case 'checkbox':
      return <Checkbox size={size} label={common.label} error={error} data-testid={testId} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} mt={4} />;
    case 'select':
      return <Select {...common} placeholder={t('choose')} data={def.options} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)} clearable />;
    case 'date':
      return <TextInput {...common} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || null)} />;
    default:
      return <TextInput {...common} value={typeof value === 'string' ? value : value == null ? '' : String(value)} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
