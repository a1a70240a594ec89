import { ActionIcon, Group, MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { channels, languages, priorities, statuses } from '@switchboard/contracts/constants';
import { useFields, useTeams, useUsers } from '../api/hooks.ts';
import type { RuleCondition } from '../api/types.ts';
import { conditionFields, kindOf, operatorsFor, takesList, takesNothing, type FieldKind } from './options.ts';

interface Props {
  index: number;
  condition: RuleCondition;
  onChange: (c: RuleCondition) => void;
  onRemove: () => void;
}

type Option = { value: string; label: string };

/** The choices for fields with a closed set of values; undefined for free text and numbers. */
function useChoices(kind: FieldKind): Option[] | undefined {
  const { t } = useTranslation('automation');
  const teams = useTeams();
  const users = useUsers();
  switch (kind) {
    case 'status':
      return statuses.map((s) => ({ value: s, label: t(`common:status.${s}`) }));
    case 'priority':
      return priorities.map((p) => ({ value: p, label: t(`common:priority.${p}`) }));
    case 'channel':
      return channels.map((c) => ({ value: c, label: t(`common:channel.${c}`) }));
    case 'language':
      return languages.map((l) => ({ value: l, label: t(`common:languageName.${l}`) }));
    case 'metric':
      return ['first_response', 'next_response', 'resolution'].map((m) => ({ value: m, label: t(`metric.${m}`) }));
    case 'weekday':
      return [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`weekday.${d}`) }));
    case 'team':
      return (teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }));
    case 'user':
      return (users.data ?? []).map((u) => ({ value: u.id, label: u.name }));
    default:
      return undefined;
  }
}

/** One condition: field, operator and a value entered the way the field needs. */
export function ConditionRow({ index, condition, onChange, onRemove }: Props) {
  const { t } = useTranslation('automation');
  const caseFields = useFields('case');
  const kind = kindOf(condition.field);
  const choices = useChoices(kind);
  const n = index + 1;
  const fieldOptions = [
    ...conditionFields.map((f) => ({ value: f.field, label: t(`field.${f.field}`) })),
    ...(caseFields.data ?? []).map((f) => ({ value: `case.custom.${f.key}`, label: t('customField', { label: f.label }) })),
  ];
  const numeric = kind === 'weekday' || kind === 'number';
  const setField = (field: string) => {
    const op = operatorsFor[kindOf(field)][0]!;
    onChange({ field: field as RuleCondition['field'], op, value: takesList(op) ? [] : undefined });
  };
  const setOp = (op: RuleCondition['op']) => {
    const list = takesList(op);
    let value = condition.value;
    if (takesNothing(op)) value = undefined;
    else if (list && !Array.isArray(value)) value = value === undefined || value === null || typeof value === 'boolean' ? [] : [value];
    else if (!list && Array.isArray(value)) value = value[0];
    onChange({ ...condition, op, value });
  };
  const asNumber = (v: string) => (numeric && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v);
  const valueLabel = t('conditionValue', { n });

  let valueInput = null;
  if (!takesNothing(condition.op)) {
    const list = Array.isArray(condition.value) ? condition.value.map(String) : [];
    const single = condition.value === undefined || condition.value === null || Array.isArray(condition.value) ? '' : String(condition.value);
    if (choices && takesList(condition.op)) {
      valueInput = <MultiSelect aria-label={valueLabel} data={choices} value={list} onChange={(v) => onChange({ ...condition, value: v.map(asNumber) })} searchable w={260} />;
    } else if (choices) {
      valueInput = <Select aria-label={valueLabel} data={choices} value={single || null} onChange={(v) => onChange({ ...condition, value: v === null ? null : asNumber(v) })} searchable w={260} />;
    } else if (takesList(condition.op)) {
      valueInput = <TagsInput aria-label={valueLabel} value={list} onChange={(v) => onChange({ ...condition, value: v })} w={260} placeholder={t('listPlaceholder')} />;
    } else if (kind === 'number') {
      valueInput = (
        <NumberInput aria-label={valueLabel} value={typeof condition.value === 'number' ? condition.value : ''} onChange={(v) => onChange({ ...condition, value: typeof v === 'number' ? v : null })} min={0} w={140} />
      );
    } else {
      valueInput = <TextInput aria-label={valueLabel} value={single} onChange={(e) => onChange({ ...condition, value: e.currentTarget.value })} w={260} />;
    }
  }

  return (
    <Group gap="xs" align="flex-start" wrap="wrap" data-testid="condition-row">
      <Select aria-label={t('conditionField', { n })} data={fieldOptions} value={condition.field} onChange={(v) => v && setField(v)} allowDeselect={false} searchable w={240} />
      <Select
        aria-label={t('conditionOperator', { n })}
        data={operatorsFor[kind].map((op) => ({ value: op, label: t(`op.${op}`) }))}
        value={condition.op}
        onChange={(v) => v && setOp(v as RuleCondition['op'])}
        allowDeselect={false}
        w={170}
      />
      {valueInput}
      <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('removeCondition', { n })} mt={4}>
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}
