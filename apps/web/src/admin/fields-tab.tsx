import { useState } from 'react';
import { ActionIcon, Badge, Button, Code, Group, SegmentedControl, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFields } from '../api/hooks.ts';
import type { FieldDefinition } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { FieldModal } from './field-modal.tsx';
import { AdminTable } from './admin-table.tsx';

type Entity = FieldDefinition['entity'];

/** Admin → Custom fields: the extra fields of cases and of customers. */
export function FieldsTab() {
  const { t } = useTranslation('admin');
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const [entity, setEntity] = useState<Entity>('case');
  const fields = useFields(entity);
  // undefined: closed; null: a new field.
  const [editing, setEditing] = useState<FieldDefinition | null | undefined>(undefined);

  return (
    <>
      <Group justify="space-between" mb="sm">
        <SegmentedControl
          value={entity}
          onChange={(v) => setEntity(v as Entity)}
          data={[
            { value: 'case', label: t('fields.entity.case') },
            { value: 'customer', label: t('fields.entity.customer') },
          ]}
          aria-label={t('fields.entityLabel')}
          data-testid="field-entity"
        />
        {isAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="new-field">
            {t('fields.new')}
          </Button>
        )}
      </Group>
      {fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
      ) : (
        <AdminTable columns={[t('fields.label'), t('fields.key'), t('fields.type'), t('fields.options'), t('fields.important'), t('fields.position'), t('users.state')]} withActions={isAdmin} pending={fields.isPending} minWidth={820}>
              {fields.data?.map((field) => (
                <Table.Tr key={field.id} data-testid="field-row" data-field-key={field.key}>
                  <Table.Td fw={500}>{field.label}</Table.Td>
                  <Table.Td>
                    <Code>{field.key}</Code>
                  </Table.Td>
                  <Table.Td>{t(`fields.types.${field.type}`)}</Table.Td>
                  <Table.Td maw={260}>
                    <Text size="sm" lineClamp={2} c={field.options.length ? undefined : 'dimmed'}>
                      {field.options.length ? field.options.join(', ') : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {field.important ? (
                      <Badge color="orange" leftSection={<IconStar size={12} aria-hidden />}>
                        {t('fields.importantYes')}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('no')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{field.position}</Table.Td>
                  <Table.Td>
                    <Badge color={field.active ? 'green' : 'gray'}>{field.active ? t('active') : t('inactive')}</Badge>
                  </Table.Td>
                  {isAdmin && (
                    <Table.Td ta="right">
                      <Tooltip label={t('fields.edit', { name: field.label })}>
                        <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(field)} aria-label={t('fields.edit', { name: field.label })} data-testid="field-edit">
                          <IconPencil size={18} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
        </AdminTable>
      )}
      {fields.data?.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('fields.none')}
        </Text>
      )}
      {editing !== undefined && <FieldModal entity={entity} field={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
