import { Anchor, Avatar, Badge, Box, Breadcrumbs, Center, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useFields } from '../api/hooks.ts';
import type { Customer } from '../api/types.ts';
import { useFormat } from '../i18n/format.ts';
import { initials } from '../shell/user-menu.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { CustomerCases } from './customer-cases.tsx';
import { CustomerFormFields } from './customer-form.tsx';
import { ConflictAlert, FormButtons } from './form-actions.tsx';
import { MergeDuplicate } from './merge-duplicate.tsx';
import { MissingFieldsPrompt } from './missing-fields.tsx';
import { useCustomer } from './queries.ts';
import { useCustomerForm } from './use-customer-form.ts';
import './customer.css';

/** The whole profile as one form; the save bar sticks to the bottom while the form scrolls. */
function ProfileForm({ customer }: { customer: Customer }) {
  const { t } = useTranslation('customer');
  const fields = useFields('customer');
  const form = useCustomerForm(customer);
  return (
    <Paper withBorder component="form" data-testid="customer-form" aria-labelledby="customer-profile-title"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        form.save();
      }}
    >
      <Stack gap="sm" p="md">
        <Text fw={700} id="customer-profile-title">
          {t('page.profile')}
        </Text>
        <ConflictAlert form={form} />
        <CustomerFormFields
          values={form.values}
          onChange={form.set}
          error={form.error}
          customFields={(fields.data ?? []).filter((d) => d.active)}
          knownOrganizations={customer.organizations}
          currentOwner={customer.accountOwner}
          layout="wide"
          testIdPrefix="customer"
        />
      </Stack>
      <Box
        px="md"
        py="sm"
        style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-default-border)', borderRadius: '0 0 var(--mantine-radius-md) var(--mantine-radius-md)' }}
      >
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {form.dirty ? t('page.unsaved') : t('page.allSaved')}
          </Text>
          <FormButtons form={form} />
        </Group>
      </Box>
    </Paper>
  );
}

/** The full customer profile (route /customers/:id): every field editable, all cases, merge duplicates. */
export default function CustomerPage() {
  const { t } = useTranslation('customer');
  const f = useFormat();
  const { id = '' } = useParams();
  const query = useCustomer(id);

  if (query.isPending)
    return (
      <Center p="xl" style={{ flex: 1 }}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const customer = query.data;
  // A merged duplicate lives on in the customer it was merged into.
  if (customer.mergedIntoId) return <Navigate to={`/customers/${customer.mergedIntoId}`} replace />;

  return (
    // The padding is inside the scroller so the sticky save bar sits flush at its bottom edge.
    <Box style={{ flex: 1, overflow: 'auto' }} data-testid="customer-page">
      <Stack gap="md" maw={1400} p="md">
        <Breadcrumbs>
          <Anchor component={Link} to="/customers" size="sm">
            {t('list.title')}
          </Anchor>
          <Text size="sm">{customer.name}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Avatar color="teal" radius="xl" size="lg" aria-hidden>
              {initials(customer.name)}
            </Avatar>
            <Box style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Title order={2} size="h3" data-testid="customer-title">
                  {customer.name}
                </Title>
                {customer.missingFields.length > 0 && (
                  <Badge color="orange" c="var(--mantine-color-text)">{t('missing.badge', { count: customer.missingFields.length })}</Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {t('page.meta', { created: f.date(customer.createdAt), updated: f.relative(customer.updatedAt) })}
              </Text>
            </Box>
          </Group>
          <MergeDuplicate target={customer} />
        </Group>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="md">
              <MissingFieldsPrompt customer={customer} layout="wide" />
              <ProfileForm key={customer.id} customer={customer} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Paper withBorder p="md">
              <CustomerCases customerId={customer.id} />
            </Paper>
          </Grid.Col>
        </Grid>
      </Stack>
    </Box>
  );
}
