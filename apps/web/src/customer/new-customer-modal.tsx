import { useState } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { post } from '../api/client.ts';
import type { Customer } from '../api/types.ts';
import { notify } from '../ui/notify.ts';
import { errorMessage } from '../ui/error-state.tsx';
import './customer.css';
import { CustomerFormFields } from './customer-form.tsx';
import { clean, createBody, emptyValues, type CustomerFormValues } from './form-values.ts';

/** Start values from what was typed into the search: an email, a phone number or a name. */
export function valuesFromSearch(q: string): CustomerFormValues {
  const v = emptyValues();
  const s = q.trim();
  if (s.includes('@')) v.emails = [s];
  else if (/^\+?[0-9 ()./-]{5,}$/.test(s)) v.phones = [{ phone: s, label: '' }];
  else v.name = s;
  return v;
}

function NewCustomerForm({ initial, onClose }: { initial: CustomerFormValues; onClose: () => void }) {
  const { t } = useTranslation('customer');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const create = useMutation({
    mutationFn: (v: CustomerFormValues) => post<Customer>('/customers', createBody(v), { idempotencyKey: crypto.randomUUID() }),
    onSuccess: (c) => {
      qc.setQueryData(['customer', c.id], c);
      void qc.invalidateQueries({ queryKey: ['customers'] });
      notify('green', t('create.done', { name: c.name }));
      onClose();
      void navigate(`/customers/${c.id}`);
    },
    onError: (err) => notify('red', errorMessage(err), t('create.failed')),
  });
  return (
    <form
      data-testid="new-customer-form"
     
      onSubmit={(e) => {
        e.preventDefault();
        // Cleaned rows go on screen first so `emails.1`-style errors point at the right input.
        const cleaned = clean(values);
        setValues({ ...cleaned, emails: cleaned.emails.length ? cleaned.emails : [''], phones: cleaned.phones.length ? cleaned.phones : [{ phone: '', label: '' }] });
        create.mutate(cleaned);
      }}
    >
      <Stack gap="md">
        <CustomerFormFields
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          error={create.error}
          layout="wide"
          scope="create"
          testIdPrefix="new-customer"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!values.name.trim()} data-testid="new-customer-submit">
            {t('create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "New customer": name (required), emails, phones, language, time zone, organizations and account
 * owner; opens the new customer's page when created. Server field errors show on the fields.
 */
export function NewCustomerModal({ opened, onClose, initialSearch = '' }: { opened: boolean; onClose: () => void; initialSearch?: string }) {
  const { t } = useTranslation('customer');
  return (
    <Modal opened={opened} onClose={onClose} title={t('create.title')} size="xl">
      {/* Mounted only while open: every opening starts with a fresh form. */}
      {opened && <NewCustomerForm initial={valuesFromSearch(initialSearch)} onClose={onClose} />}
    </Modal>
  );
}
