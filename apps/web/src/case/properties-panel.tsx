import { forwardRef } from 'react';
import { Button, Checkbox, Group, NumberInput, Select, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { priorities, statuses } from '@switchboard/contracts/constants';
import { get } from '../api/client.ts';
import { useStatuses, useTeams, useUsers } from '../api/hooks.ts';
import type { Case, TeamForm } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { RoutingActions } from '../routing/case-routing.tsx';
import { useUpdateCase } from './use-case-actions.ts';

type FormField = TeamForm['fields'][number];

function CustomField({ field, value, onSave }: { field: FormField; value: unknown; onSave: (v: string | number | boolean | null) => void }) {
  const label = field.label + (field.required ? ' *' : '');
  const testId = `custom-field-${field.key}`;
  switch (field.type) {
    case 'select':
      return <Select size="xs" label={label} data={field.options} value={typeof value === 'string' ? value : null} onChange={(v) => onSave(v)} clearable={!field.required} data-testid={testId} />;
    case 'checkbox':
      return <Checkbox size="xs" label={label} checked={value === true} onChange={(e) => onSave(e.currentTarget.checked)} data-testid={testId} />;
    case 'number':
      return (
        <NumberInput
          size="xs"
          label={label}
          defaultValue={typeof value === 'number' ? value : undefined}
          onBlur={(e) => {
            const v = e.currentTarget.value.trim();
            const n = v === '' ? null : Number(v.replace(',', '.'));
            if (n !== value && (n === null || Number.isFinite(n))) onSave(n);
          }}
          data-testid={testId}
        />
      );
    default:
      return (
        <TextInput
          size="xs"
          type={field.type === 'date' ? 'date' : 'text'}
          label={label}
          defaultValue={typeof value === 'string' ? value : ''}
          onBlur={(e) => {
            const v = e.currentTarget.value.trim();
            if (v !== (value ?? '')) onSave(v === '' ? null : v);
          }}
          data-testid={testId}
        />
      );
  }
}

/** Status, priority, team, assignee, tags and the team form's custom fields, each saved as it changes. */
export const PropertiesPanel = forwardRef<HTMLInputElement, { c: Case }>(function PropertiesPanel({ c }, statusRef) {
  const { t } = useTranslation('case');
  const { user } = useSession();
  const teams = useTeams();
  const users = useUsers();
  const customStatuses = useStatuses();
  const update = useUpdateCase(c);
  const form = useQuery({
    queryKey: ['team-form', c.team?.id],
    queryFn: () => get<TeamForm>(`/teams/${c.team!.id}/form`),
    enabled: !!c.team,
    staleTime: 5 * 60_000,
  });
  const statusOptions = [
    ...statuses.map((s) => ({ value: s, label: t(`common:status.${s}`) })),
    ...(customStatuses.data ?? []).filter((s) => s.active).map((s) => ({ value: `custom:${s.id}`, label: `${s.name} (${t(`common:status.${s.category}`)})` })),
  ];
  const members = (users.data ?? []).filter((u) => u.active && (!c.team || u.teams.some((tm) => tm.id === c.team!.id) || u.role === 'admin'));
  const disabled = !!c.mergedIntoId || update.isPending;
  return (
    <Stack gap="sm" data-testid="properties">
      <Title order={3} size="h5">
        {t('properties.title')}
      </Title>
      <Select
        ref={statusRef}
        size="xs"
        label={t('common:fields.status')}
        data={statusOptions}
        value={c.customStatus ? `custom:${c.customStatus.id}` : c.status}
        allowDeselect={false}
        disabled={disabled}
        onChange={(v) => v && update.mutate(v.startsWith('custom:') ? { customStatusId: v.slice(7) } : { status: v as Case['status'] })}
        data-testid="prop-status"
      />
      <Select
        size="xs"
        label={t('common:fields.priority')}
        data={priorities.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))}
        value={c.priority}
        allowDeselect={false}
        disabled={disabled}
        onChange={(v) => v && update.mutate({ priority: v as Case['priority'] })}
        data-testid="prop-priority"
      />
      <Select
        size="xs"
        label={t('common:fields.team')}
        data={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
        value={c.team?.id ?? null}
        placeholder={t('properties.noTeam')}
        disabled={disabled}
        clearable
        onChange={(v) => update.mutate({ teamId: v })}
        data-testid="prop-team"
      />
      <div>
        <Select
          size="xs"
          label={t('common:fields.assignee')}
          data={members.map((u) => ({ value: u.id, label: u.name }))}
          value={c.assignee?.id ?? null}
          placeholder={t('properties.unassigned')}
          disabled={disabled}
          searchable
          clearable
          onChange={(v) => update.mutate({ assigneeId: v })}
          data-testid="prop-assignee"
        />
        {c.assignee?.id !== user.id && (
          <Group justify="flex-end" mt={4}>
            <Button size="compact-xs" variant="subtle" onClick={() => update.mutate({ assigneeId: user.id })} disabled={disabled} data-testid="assign-me">
              {t('properties.assignToMe')}
            </Button>
          </Group>
        )}
      </div>
      <RoutingActions c={c} />
      <TagsInput size="xs" label={t('common:fields.tags')} value={c.tags} disabled={disabled} onChange={(tags) => update.mutate({ tags })} data-testid="prop-tags" clearable />
      {form.data?.fields
        .filter((fd) => fd.active)
        .map((fd) => (
          <CustomField key={`${fd.id}-${c.version}`} field={fd} value={c.customFields[fd.key]} onSave={(v) => update.mutate({ customFields: { [fd.key]: v } })} />
        ))}
    </Stack>
  );
});
