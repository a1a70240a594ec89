import { ActionIcon, Autocomplete, Button, Fieldset, Group, Stack, TextInput, type MantineSize } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface ListProps<T> {
  value: T[];
  onChange: (v: T[]) => void;
  /** The server's message for row i, if any. */
  error: (i: number) => string | undefined;
  size?: MantineSize;
  /** data-testid of the first row's input; further rows get `<testId>-<index>`. */
  testId?: string;
}

/** The legend looks like the other inputs' labels. */
const fieldsetStyles = (size: MantineSize) => ({ root: { padding: 0, margin: 0 }, legend: { fontSize: `var(--mantine-font-size-${size})`, fontWeight: 500, padding: 0, marginBottom: 4 } });

const rowTestId = (testId: string | undefined, i: number) => (testId ? (i === 0 ? testId : `${testId}-${i}`) : undefined);

/** A list of email addresses; the first is the primary one. */
export function EmailListInput({ value, onChange, error, size = 'sm', testId }: ListProps<string>) {
  const { t } = useTranslation('customer');
  const rows = value.length ? value : [''];
  const set = (i: number, email: string) => onChange(rows.map((e, j) => (j === i ? email : e)));
  return (
    <Fieldset legend={t('fields.emails')} variant="unstyled" styles={fieldsetStyles(size)}>
      <Stack gap={6}>
        {rows.map((email, i) => (
          <Group key={i} gap={6} wrap="nowrap" align="flex-start">
            <TextInput
              size={size}
              type="email"
              style={{ flex: 1 }}
              aria-label={t('emailN', { n: i + 1 })}
              placeholder={t('emailPlaceholder')}
              value={email}
              onChange={(e) => set(i, e.currentTarget.value)}
              error={error(i)}
              data-testid={rowTestId(testId, i)}
            />
            {rows.length > 1 && (
              <ActionIcon variant="subtle" color="gray" size={size === 'xs' ? 30 : 36} aria-label={t('removeEmail', { n: i + 1 })} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} w="fit-content" onClick={() => onChange([...rows, ''])}>
          {t('addEmail')}
        </Button>
      </Stack>
    </Fieldset>
  );
}

type Phone = { phone: string; label: string };

/** A list of phone numbers with labels (mobile, office…); the first is the primary one. */
export function PhoneListInput({ value, onChange, error, size = 'sm', testId }: ListProps<Phone>) {
  const { t } = useTranslation('customer');
  const rows = value.length ? value : [{ phone: '', label: '' }];
  const set = (i: number, patch: Partial<Phone>) => onChange(rows.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const suggestions = [t('phoneLabels.mobile'), t('phoneLabels.office'), t('phoneLabels.home')];
  return (
    <Fieldset legend={t('fields.phones')} variant="unstyled" styles={fieldsetStyles(size)}>
      <Stack gap={6}>
        {rows.map((p, i) => (
          <Group key={i} gap={6} wrap="nowrap" align="flex-start">
            <TextInput
              size={size}
              type="tel"
              style={{ flex: 2, minWidth: 0 }}
              aria-label={t('phoneN', { n: i + 1 })}
              placeholder="+49 30 1234567"
              value={p.phone}
              onChange={(e) => set(i, { phone: e.currentTarget.value })}
              error={error(i)}
              data-testid={rowTestId(testId, i)}
            />
            <Autocomplete
              size={size}
              style={{ flex: 1, minWidth: 0 }}
              aria-label={t('phoneLabelN', { n: i + 1 })}
              placeholder={t('phoneLabel')}
              data={suggestions}
              value={p.label}
              onChange={(label) => set(i, { label })}
            />
            {rows.length > 1 && (
              <ActionIcon variant="subtle" color="gray" size={size === 'xs' ? 30 : 36} aria-label={t('removePhone', { n: i + 1 })} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} w="fit-content" onClick={() => onChange([...rows, { phone: '', label: '' }])}>
          {t('addPhone')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
