import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Customer } from '../api/types.ts';

/** Customers as table rows: name (with a badge when fields are missing), contact, organizations, owner. */
export function CustomerTable({ customers }: { customers: Customer[] }) {
  const { t } = useTranslation('customer');
  const navigate = useNavigate();
  return (
    <Table highlightOnHover verticalSpacing="xs" layout="fixed" data-testid="customer-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">{t('fields.name')}</Table.Th>
          <Table.Th w="28%">{t('list.contact')}</Table.Th>
          <Table.Th>{t('fields.organizations')}</Table.Th>
          <Table.Th w="18%">{t('fields.accountOwner')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {customers.map((c) => {
          const email = c.emails.find((e) => e.primary)?.email ?? c.emails[0]?.email;
          const phone = c.phones.find((p) => p.primary)?.phone ?? c.phones[0]?.phone;
          return (
            // The name is the link; a click anywhere on the row goes there too (mouse convenience).
            <Table.Tr key={c.id} data-testid="customer-row" data-customer-id={c.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/customers/${c.id}`)}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/customers/${c.id}`} fw={600} size="sm" truncate onClick={(e) => e.stopPropagation()}>
                    {c.name}
                  </Anchor>
                  {c.missingFields.length > 0 && (
                    <Badge size="xs" color="orange" c="var(--mantine-color-text)" style={{ flexShrink: 0 }} data-testid="customer-missing-badge">
                      {t('missing.badge', { count: c.missingFields.length })}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate>
                  {email ?? phone ?? '—'}
                </Text>
                {email && phone && (
                  <Text size="xs" c="dimmed" truncate>
                    {phone}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate>
                  {c.organizations.map((o) => o.name).join(', ') || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate c={c.accountOwner ? undefined : 'dimmed'}>
                  {c.accountOwner?.name ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
