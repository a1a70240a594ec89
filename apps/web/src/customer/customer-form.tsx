import { SimpleGrid, Stack, TagsInput, Textarea, TextInput, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '../api/types.ts';
import { EmailListInput, PhoneListInput } from './contact-inputs.tsx';
import { CustomFieldInput, LanguageSelect, OrganizationsSelect, OwnerSelect, TimeZoneSelect } from './field-inputs.tsx';
import { fieldError, type CustomerFormValues } from './form-values.ts';

export interface CustomerFormProps {
  values: CustomerFormValues;
  onChange: (patch: Partial<CustomerFormValues>) => void;
  /** The last failed save: its field errors are shown on the fields. */
  error: unknown;
  /** Active custom field definitions of entity 'customer' (left out of the create form). */
  customFields?: FieldDefinition[];
  knownOrganizations?: { id: string; name: string }[];
  currentOwner?: { id: string; name: string } | null;
  /** 'narrow' stacks everything (the case screen's side column); 'wide' uses two columns. */
  layout: 'narrow' | 'wide';
  /** 'create' shows only what a new customer needs; 'full' every field. */
  scope?: 'create' | 'full';
  /** Prefix of the inputs' data-testid: `<prefix>-name`, `<prefix>-email`… */
  testIdPrefix: string;
  size?: MantineSize;
}

/** The fields of a customer as a form, used by the panel's edit mode, the profile page and "New customer". */
export function CustomerFormFields({ values, onChange, error, customFields = [], knownOrganizations, currentOwner, layout, scope = 'full', testIdPrefix: p, size = 'sm' }: CustomerFormProps) {
  const { t } = useTranslation('customer');
  const err = (path: string) => fieldError(error, path);
  const cols = layout === 'wide' ? { base: 1, sm: 2 } : 1;
  return (
    <Stack gap="sm">
      <TextInput
        size={size}
        label={t('fields.name')}
        required
        value={values.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
        error={err('name')}
        data-testid={`${p}-name`}
        data-autofocus
      />
      <SimpleGrid cols={cols} spacing="sm" verticalSpacing="sm">
        <EmailListInput size={size} value={values.emails} onChange={(emails) => onChange({ emails })} error={(i) => err(`emails.${i}`)} testId={`${p}-email`} />
        <PhoneListInput size={size} value={values.phones} onChange={(phones) => onChange({ phones })} error={(i) => err(`phones.${i}`)} testId={`${p}-phone`} />
        <LanguageSelect size={size} value={values.preferredLanguage} onChange={(preferredLanguage) => onChange({ preferredLanguage })} error={err('preferredLanguage')} testId={`${p}-language`} />
        <TimeZoneSelect size={size} value={values.timeZone} onChange={(timeZone) => onChange({ timeZone })} error={err('timeZone')} testId={`${p}-timezone`} />
        <OrganizationsSelect
          size={size}
          value={values.organizationIds}
          onChange={(organizationIds) => onChange({ organizationIds })}
          known={knownOrganizations ?? []}
          error={err('organizationIds')}
          testId={`${p}-organizations`}
        />
        <OwnerSelect size={size} value={values.accountOwnerId} onChange={(accountOwnerId) => onChange({ accountOwnerId })} current={currentOwner ?? null} error={err('accountOwnerId')} testId={`${p}-owner`} />
        {scope === 'full' && (
          <TagsInput
            size={size}
            label={t('fields.tags')}
            placeholder={t('tagsPlaceholder')}
            value={values.tags}
            onChange={(tags) => onChange({ tags: tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean) })}
            splitChars={[',', ' ']}
            clearable
            error={err('tags')}
            data-testid={`${p}-tags`}
          />
        )}
        {scope === 'full' &&
          customFields.map((def) => (
            <CustomFieldInput
              key={def.key}
              size={size}
              def={def}
              value={values.customFields[def.key]}
              onChange={(v) => onChange({ customFields: { ...values.customFields, [def.key]: v } })}
              error={err(`customFields.${def.key}`)}
              testId={`${p}-field-${def.key}`}
            />
          ))}
      </SimpleGrid>
      {scope === 'full' && (
        <Textarea
          size={size}
          label={t('fields.notes')}
          autosize
          minRows={3}
          maxRows={12}
          value={values.notes}
          onChange={(e) => onChange({ notes: e.currentTarget.value })}
          error={err('notes')}
          data-testid={`${p}-notes`}
        />
      )}
    </Stack>
  );
}
