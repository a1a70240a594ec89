import { Checkbox, NumberInput, Select, TextInput, type MantineSize } from '@mantine/core';
import type { FieldDefinition } from '../api/types.ts';

export type FieldValue = string | number | boolean | null;

/** What an input needs to know of a case field: a team form's field, or one a transfer asks for. */
export type CaseField = Pick<FieldDefinition, 'key' | 'label' | 'type' | 'options'> & { required?: boolean };

/**
 * A controlled input for one case field, by its type: the team form's fields of a new case and
 * the fields a flow outcome's transfer needs. (The properties panel saves each field as it
 * changes, so it keeps inputs of its own.)
 */
export function CustomFieldInput({
  field,
  value,
  onChange,
  error,
  testId,
  size,
}: {
  field: CaseField;
  value: FieldValue | undefined;
  onChange: (v: FieldValue) => void;
  error?: string | undefined;
  testId: string;
  size?: MantineSize;
}) {
  const common = { label: field.label, required: field.required ?? false, error, size, 'data-testid': testId };
  switch (field.type) {
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : null)} />;
    case 'date':
      return <TextInput {...common} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || null)} />;
    case 'select':
      return <Select {...common} data={field.options} value={typeof value === 'string' ? value : null} onChange={onChange} clearable comboboxProps={{ withinPortal: true }} />;
    case 'checkbox':
      return <Checkbox label={field.label} size={size} error={error} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} data-testid={testId} />;
    default:
      return <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || null)} />;
  }
}
