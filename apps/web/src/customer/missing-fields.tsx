import { useState } from 'react';
import { Button, Group, Paper, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFields } from '../api/hooks.ts';
import type { Customer, UpdateCustomerBody } from '../api/types.ts';
import type { Language } from '../i18n/index.ts';
import { notify } from '../ui/notify.ts';
import { errorMessage } from '../ui/error-state.tsx';
import { CustomFieldInput, LanguageSelect, TimeZoneSelect } from './field-inputs.tsx';
import './customer.css';
import { fieldError, type CustomValue } from './form-values.ts';
import { useUpdateCustomer } from './queries.ts';

const CUSTOM = 'customFields.';
const filled = (v: CustomValue | undefined) => v !== undefined && v !== null && v !== '';

/** Where the server reports an error for each missing-field key. */
const errorPath = (key: string) => (key === 'email' ? 'emails' : key === 'phone' ? 'phones' : key);

/** The PATCH body for the values filled in (existing lists are kept: the field was empty when loaded). */
function bodyOf(customer: Customer, values: Record<string, CustomValue>): UpdateCustomerBody {
  const body: UpdateCustomerBody = {};
  const custom: Record<string, CustomValue> = {};
  for (const [key, raw] of Object.entries(values)) {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (!filled(value)) continue;
    if (key === 'email') body.emails = [...customer.emails.map((e) => e.email), String(value)];
    else if (key === 'phone') body.phones = [...customer.phones.map((p) => ({ phone: p.phone, label: p.label })), { phone: String(value), label: '' }];
    else if (key === 'preferredLanguage') body.preferredLanguage = value as Language;
    else if (key === 'timeZone') body.timeZone = String(value);
    else if (key.startsWith(CUSTOM)) custom[key.slice(CUSTOM.length)] = value;
  }
  if (Object.keys(custom).length) body.customFields = custom;
  return body;
}

/**
 * The important fields still empty, as a highlighted prompt with an input for each, so the agent
 * completes them while the customer is on the line. Renders nothing when nothing is missing.
 */
export function MissingFieldsPrompt({ customer, layout = 'narrow' }: { customer: Customer; layout?: 'narrow' | 'wide' }) {
  const { t } = useTranslation('customer');
  const defs = useFields('customer');
  const update = useUpdateCustomer(customer.id);
  const [values, setValues] = useState<Record<string, CustomValue>>({});
  if (customer.missingFields.length === 0) return null;

  const set = (key: string, v: CustomValue) => setValues((s) => ({ ...s, [key]: v }));
  const err = (key: string) => fieldError(update.error, errorPath(key));
  const body = bodyOf(customer, values);
  const any = Object.keys(body).length > 0;
  const size = layout === 'narrow' ? 'xs' : 'sm';

  const input = (key: string) => {
    const testId = `missing-field-input-${key}`;
    const common = { size, error: err(key), testId } as const;
    switch (key) {
      case 'email':
        return <TextInput size={size} type="email" label={t('fields.email')} placeholder={t('emailPlaceholder')} value={String(values[key] ?? '')} onChange={(e) => set(key, e.currentTarget.value)} error={err(key)} data-testid={testId} />;
      case 'phone':
        return <TextInput size={size} type="tel" label={t('fields.phone')} placeholder="+49 30 1234567" value={String(values[key] ?? '')} onChange={(e) => set(key, e.currentTarget.value)} error={err(key)} data-testid={testId} />;
      case 'preferredLanguage':
        return <LanguageSelect {...common} value={(values[key] as Language | undefined) ?? null} onChange={(v) => set(key, v)} />;
      case 'timeZone':
        return <TimeZoneSelect {...common} value={(values[key] as string | undefined) ?? null} onChange={(v) => set(key, v)} />;
      default: {
        const fieldKey = key.startsWith(CUSTOM) ? key.slice(CUSTOM.length) : key;
        const def = defs.data?.find((d) => d.key === fieldKey);
        if (!def) return <TextInput size={size} label={fieldKey} value={String(values[key] ?? '')} onChange={(e) => set(key, e.currentTarget.value)} error={err(key)} data-testid={testId} />;
        return <CustomFieldInput {...common} def={def} value={values[key]} onChange={(v) => set(key, v)} />;
      }
    }
  };

  const save = () =>
    update.mutate(
      { body, version: customer.version },
      {
        onSuccess: () => {
          setValues({});
          notify('green', t('missing.saved'));
        },
        onError: (e) => notify('red', errorMessage(e), t('saveFailed')),
      },
    );

  return (
    <Paper
      component="section"
      aria-label={t('missing.title')}
      p="sm"
      withBorder
      data-testid="missing-fields"
      className="sb-missing"
    >
      <Group gap={6} wrap="nowrap" mb={4} align="flex-start">
        <IconAlertCircle size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2, color: 'var(--mantine-color-orange-light-color)' }} />
        <div>
          <Text fw={700} size="sm">
            {t('missing.title')}
          </Text>
          <Text size="xs">{t('missing.hint', { count: customer.missingFields.length })}</Text>
        </div>
      </Group>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (any) save();
        }}
      >
        <SimpleGrid cols={layout === 'wide' ? { base: 1, sm: 2 } : 1} spacing="xs" verticalSpacing="xs" mt="xs">
          {customer.missingFields.map((key) => (
            <div key={key}>{input(key)}</div>
          ))}
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button type="submit" size={size === 'xs' ? 'compact-sm' : 'sm'} disabled={!any} loading={update.isPending} data-testid="save-missing-fields">
            {t('missing.save')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
