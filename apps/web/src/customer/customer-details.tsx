import { ActionIcon, Anchor, Badge, CopyButton, DataList, Group, Spoiler, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFields } from '../api/hooks.ts';
import type { Customer } from '../api/types.ts';
import { LocalTime } from './local-time.tsx';
import { useOrganizations } from './queries.ts';

/** A contact detail as a link (mailto:/tel:) with a copy button beside it. */
function ContactLine({ href, value, extra, testId }: { href: string; value: string; extra?: string; testId: string }) {
  const { t } = useTranslation('customer');
  return (
    <Group gap={4} wrap="nowrap" justify="space-between">
      <Text size="sm" truncate style={{ minWidth: 0 }}>
        <Anchor href={href} size="sm" data-testid={testId}>
          {value}
        </Anchor>
        {extra && (
          <Text span size="xs" c="dimmed">
            {' '}
            · {extra}
          </Text>
        )}
      </Text>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('copied') : t('copy')}>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} size="sm" onClick={copy} aria-label={t('copyValue', { value })}>
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

function None({ text }: { text?: string }) {
  const { t } = useTranslation('customer');
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {text ?? t('none')}
    </Text>
  );
}

/** Labels small and dimmed, so the values stand out in the narrow column. */
const listStyles = { itemLabel: { fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)', fontWeight: 600 } };

/** Organizations with their tier (the tier is only on the full record, loaded per organization). */
function OrganizationList({ organizations }: { organizations: Customer['organizations'] }) {
  const { t } = useTranslation('customer');
  const full = useOrganizations(organizations.map((o) => o.id));
  if (!organizations.length) return <None text={t('noOrganization')} />;
  return (
    <Stack gap={4}>
      {organizations.map((o, i) => {
        const tier = full[i]?.data?.tier;
        return (
          <Group key={o.id} gap={6} wrap="nowrap">
            <Anchor component={Link} to={`/customers?organizationId=${o.id}`} size="sm" truncate>
              {o.name}
            </Anchor>
            {tier && (
              <Badge size="xs" color={tier === 'platinum' || tier === 'gold' ? 'yellow' : 'gray'} title={t('tier', { tier })}>
                {tier}
              </Badge>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

/**
 * Everything known about a customer, read-only, compact for the case screen's side column.
 * Fields listed in `hide` (those the missing-fields prompt already asks for) are left out.
 */
export function CustomerDetails({ customer, hide = [] }: { customer: Customer; hide?: readonly string[] }) {
  const { t } = useTranslation('customer');
  const show = (key: string) => !hide.includes(key);
  const defs = useFields('customer');
  const custom = (defs.data ?? []).filter((d) => d.active && customer.customFields[d.key] !== undefined && customer.customFields[d.key] !== null);
  return (
    <DataList orientation="vertical" size="sm" gap="xs" styles={listStyles}>
      {show('email') && (
        <DataList.Item>
          <DataList.ItemLabel>{t('fields.emails')}</DataList.ItemLabel>
          <DataList.ItemValue>
            {customer.emails.length ? customer.emails.map((e) => <ContactLine key={e.email} href={`mailto:${e.email}`} value={e.email} testId="customer-email-link" />) : <None />}
          </DataList.ItemValue>
        </DataList.Item>
      )}
      {show('phone') && (
        <DataList.Item>
          <DataList.ItemLabel>{t('fields.phones')}</DataList.ItemLabel>
          <DataList.ItemValue>
            {customer.phones.length ? (
              customer.phones.map((p) => <ContactLine key={p.phone} href={`tel:${p.phone.replace(/[^\d+]/g, '')}`} value={p.phone} extra={p.label || undefined} testId="customer-phone-link" />)
            ) : (
              <None />
            )}
          </DataList.ItemValue>
        </DataList.Item>
      )}
      {show('preferredLanguage') && (
        <DataList.Item>
          <DataList.ItemLabel>{t('fields.preferredLanguage')}</DataList.ItemLabel>
          <DataList.ItemValue>{customer.preferredLanguage ? <Text size="sm">{t(`common:languageName.${customer.preferredLanguage}`)}</Text> : <None />}</DataList.ItemValue>
        </DataList.Item>
      )}
      {show('timeZone') && (
        <DataList.Item>
          <DataList.ItemLabel>{t('fields.timeZone')}</DataList.ItemLabel>
          <DataList.ItemValue>{customer.timeZone ? <LocalTime timeZone={customer.timeZone} /> : <None />}</DataList.ItemValue>
        </DataList.Item>
      )}
      <DataList.Item>
        <DataList.ItemLabel>{t('fields.organizations')}</DataList.ItemLabel>
        <DataList.ItemValue>
          <OrganizationList organizations={customer.organizations} />
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('fields.accountOwner')}</DataList.ItemLabel>
        <DataList.ItemValue>{customer.accountOwner ? <Text size="sm">{customer.accountOwner.name}</Text> : <None text={t('nobody')} />}</DataList.ItemValue>
      </DataList.Item>
      {customer.tags.length > 0 && (
        <DataList.Item>
          <DataList.ItemLabel>{t('fields.tags')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Group gap={4}>
              {customer.tags.map((tag) => (
                <Badge key={tag} size="sm" color="gray">
                  {tag}
                </Badge>
              ))}
            </Group>
          </DataList.ItemValue>
        </DataList.Item>
      )}
      {custom.map((d) => {
        const v = customer.customFields[d.key];
        return (
          <DataList.Item key={d.key}>
            <DataList.ItemLabel>{d.label}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Text size="sm">{typeof v === 'boolean' ? (v ? t('yes') : t('no')) : String(v)}</Text>
            </DataList.ItemValue>
          </DataList.Item>
        );
      })}
      <DataList.Item>
        <DataList.ItemLabel>{t('fields.notes')}</DataList.ItemLabel>
        <DataList.ItemValue>
          {customer.notes ? (
            <Spoiler maxHeight={72} showLabel={t('showMore')} hideLabel={t('showLess')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {customer.notes}
              </Text>
            </Spoiler>
          ) : (
            <None />
          )}
        </DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}
