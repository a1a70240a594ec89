import { useState } from 'react';
import { Anchor, Avatar, Box, Button, Divider, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFields } from '../api/hooks.ts';
import type { Customer } from '../api/types.ts';
import { initials } from '../shell/user-menu.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { CustomerDetails } from './customer-details.tsx';
import { CustomerFormFields } from './customer-form.tsx';
import { ConflictAlert, FormButtons } from './form-actions.tsx';
import { MissingFieldsPrompt } from './missing-fields.tsx';
import { OtherCases } from './other-cases.tsx';
import { useCustomer } from './queries.ts';
import { useCustomerForm } from './use-customer-form.ts';
import './customer.css';

/** The panel's edit mode: every field of the customer as a compact form. */
function PanelEditForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const fields = useFields('customer');
  const form = useCustomerForm(customer, onDone);
  return (
    <form
      data-testid="customer-edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        form.save();
      }}
    >
      <Stack gap="sm">
        <ConflictAlert form={form} />
        <CustomerFormFields
          values={form.values}
          onChange={form.set}
          error={form.error}
          customFields={(fields.data ?? []).filter((d) => d.active)}
          knownOrganizations={customer.organizations}
          currentOwner={customer.accountOwner}
          layout="narrow"
          size="xs"
          testIdPrefix="customer"
        />
        <FormButtons form={form} onCancel={onDone} size="xs" />
      </Stack>
    </form>
  );
}

/**
 * Everything about the case's customer in the case screen's right-hand column (about 340px):
 * contact details, local time, organizations, the fields still missing (fill them in right here),
 * an edit mode, and the customer's other cases. The column around it provides the scrolling.
 */
export function CustomerPanel({ customerId, currentCaseId }: { customerId: string; currentCaseId?: string }) {
  const { t } = useTranslation('customer');
  const query = useCustomer(customerId);
  const [editing, setEditing] = useState(false);

  if (query.isPending)
    return (
      <Stack gap="xs" data-testid="customer-panel" aria-busy="true">
        <Skeleton h={28} w="70%" />
        <Skeleton h={16} />
        <Skeleton h={16} w="80%" />
        <Skeleton h={80} />
      </Stack>
    );
  if (query.isError)
    return (
      <Box data-testid="customer-panel">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Box>
    );
  const customer = query.data;
  // A merged duplicate points to the customer it became; show that one.
  if (customer.mergedIntoId) return <CustomerPanel customerId={customer.mergedIntoId} {...(currentCaseId ? { currentCaseId } : {})} />;

  return (
    <Stack gap="sm" data-testid="customer-panel" data-customer-id={customer.id}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar color="teal" radius="xl" aria-hidden>
          {initials(customer.name)}
        </Avatar>
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }} data-testid="customer-panel-name">
            {customer.name}
          </Title>
          {customer.organizations.length > 0 && (
            <Text size="xs" c="dimmed" truncate>
              {customer.organizations.map((o) => o.name).join(', ')}
            </Text>
          )}
        </Box>
        {!editing && (
          <Button variant="default" size="compact-sm" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)} data-testid="customer-edit">
            {t('common:actions.edit')}
          </Button>
        )}
      </Group>

      {!editing && <MissingFieldsPrompt customer={customer} />}
      {editing ? <PanelEditForm key={customer.id} customer={customer} onDone={() => setEditing(false)} /> : <CustomerDetails customer={customer} hide={customer.missingFields} />}

      <Divider />
      <OtherCases customerId={customer.id} currentCaseId={currentCaseId} />
      <Anchor component={Link} to={`/customers/${customer.id}`} size="sm" data-testid="customer-open-page">
        {t('panel.openProfile')} <IconArrowRight size={14} aria-hidden style={{ verticalAlign: 'middle' }} />
      </Anchor>
    </Stack>
  );
}
