import { useMemo, useState, type FormEvent } from 'react';
import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { channels, priorities } from '@switchboard/contracts/constants';
import { ApiError, get, post, type Page } from '../api/client.ts';
import { useTeams, useUsers } from '../api/hooks.ts';
import type { Case, Customer, TeamForm } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { errorMessage } from '../ui/error-state.tsx';
import { CustomFieldInput, type FieldValue } from './custom-field-input.tsx';


const customerLabel = (c: Customer) => {
  const contact = c.emails.find((e) => e.primary)?.email ?? c.emails[0]?.email ?? c.phones[0]?.phone;
  return contact ? `${c.name} · ${contact}` : c.name;
};

/** Finds an existing customer by name, email or phone (the server searches; nothing is filtered here). */
function CustomerSearch({ value, onChange, error }: { value: Customer | null; onChange: (c: Customer | null) => void; error?: string | undefined }) {
  const { t } = useTranslation('forms');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['customers', { q, limit: 10 }],
    queryFn: ({ signal }) => get<Page<Customer>>('/customers', { q, limit: 10 }, signal).then((r) => r.items),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const list = [...(found.data ?? [])];
    if (value && !list.some((c) => c.id === value.id)) list.unshift(value);
    return list;
  }, [found.data, value]);
  return (
    <Select
      label={t('newCase.customer')}
      placeholder={t('newCase.customerPlaceholder')}
      required
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((c) => ({ value: c.id, label: customerLabel(c) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((c) => c.id === id) ?? null)}
      filter={({ options: o }) => o}
      nothingFoundMessage={q.length < 2 ? t('newCase.typeToSearch') : found.isFetching ? t('common:loading') : t('newCase.noCustomer')}
      error={error}
      data-testid="new-case-requester"
      data-autofocus
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function NewCaseForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('forms');
  const { user } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const teams = useTeams();
  const users = useUsers();
  // Made once per opening: a double click or a retry after a timeout never opens two cases.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [newName, setNewName] = useState('');
  const [newEmail, setNewEmail] = useState('');
  const [newPhone, setNewPhone] = useState('');
  const [subject, setSubject] = useState('');
  const [channel, setChannel] = useState<string>('phone');
  const [teamId, setTeamId] = useState<string | null>(user.teams[0]?.id ?? null);
  const [assigneeId, setAssigneeId] = useState<string | null>(user.id);
  const [priority, setPriority] = useState<string>('normal');
  const [message, setMessage] = useState('');
  const [values, setValues] = useState<Record<string, FieldValue>>({});
  const [tried, setTried] = useState(false);
  const form = useQuery({ queryKey: ['teams', teamId ?? '', 'form'], queryFn: () => get<TeamForm>(`/teams/${teamId}/form`), enabled: !!teamId });
  const required = (form.data?.fields ?? []).filter((f) => f.required);

  const team = teams.data?.find((x) => x.id === teamId);
  // You may always take a case yourself; others must be in the case's team (the server checks too).
  const assignees = [{ value: user.id, label: t('newCase.me', { name: user.name }) }].concat(
    (team ? team.members : (users.data ?? [])).filter((m) => m.id !== user.id && m.role !== 'customer').map((m) => ({ value: m.id, label: m.name })),
  );

  const create = useMutation({
    mutationFn: () => {
      const customFields = Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== null && v !== '' && required.some((f) => f.key === k)));
      const requester = mode === 'existing' ? { requesterId: customer?.id } : { requester: { name: newName, ...(newEmail ? { email: newEmail } : {}), ...(newPhone ? { phone: newPhone } : {}) } };
      return post<Case>(
        '/cases',
        { subject, channel, priority, teamId, assigneeId, customFields, ...requester, message: { body: message, direction: 'inbound' } },
        { idempotencyKey },
      );
    },
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void qc.invalidateQueries({ queryKey: ['views'] });
      notifications.show({ color: 'green', message: t('newCase.created', { number: c.number }), autoClose: 4000 });
      onClose();
      void navigate(`/cases/${c.number}`);
    },
    onError: (err) => notifications.show({ color: 'red', title: t('newCase.failed'), message: errorMessage(err), autoClose: 8000 }),
  });
  const server = (f: string) => (create.error instanceof ApiError ? create.error.fieldError(f) : undefined);
  const missing = (ok: boolean) => (tried && !ok ? t('newCase.required') : undefined);
  const requesterOk = mode === 'existing' ? !!customer : !!newName.trim() && !!(newEmail.trim() || newPhone.trim());
  const fieldsOk = required.every((f) => f.type === 'checkbox' || (values[f.key] !== undefined && values[f.key] !== null && values[f.key] !== ''));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (requesterOk && subject.trim() && message.trim() && fieldsOk) create.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as 'existing' | 'new')}
          data={[
            { value: 'existing', label: t('newCase.existingCustomer') },
            { value: 'new', label: t('newCase.newCustomer') },
          ]}
          aria-label={t('newCase.requesterKind')}
          data-testid="new-case-requester-mode"
        />
        {mode === 'existing' ? (
          <CustomerSearch value={customer} onChange={setCustomer} error={missing(!!customer) ?? server('requesterId')} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('newCase.name')} required value={newName} onChange={(e) => setNewName(e.currentTarget.value)} error={missing(!!newName.trim()) ?? server('requester.name')} data-testid="new-case-customer-name" />
            <TextInput label={t('newCase.email')} type="email" value={newEmail} onChange={(e) => setNewEmail(e.currentTarget.value)} error={(tried && !newEmail.trim() && !newPhone.trim() ? t('newCase.emailOrPhone') : undefined) ?? server('requester.email')} data-testid="new-case-customer-email" />
            <TextInput label={t('newCase.phone')} type="tel" value={newPhone} onChange={(e) => setNewPhone(e.currentTarget.value)} error={server('requester.phone')} data-testid="new-case-customer-phone" />
          </SimpleGrid>
        )}
        <TextInput label={t('common:fields.subject')} required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={missing(!!subject.trim()) ?? server('subject')} data-testid="new-case-subject" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('common:fields.channel')} data={channels.map((c) => ({ value: c, label: t(`common:channel.${c}`) }))} value={channel} onChange={(v) => v && setChannel(v)} allowDeselect={false} data-testid="new-case-channel" comboboxProps={{ withinPortal: true }} />
          <Select label={t('common:fields.priority')} data={priorities.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))} value={priority} onChange={(v) => v && setPriority(v)} allowDeselect={false} data-testid="new-case-priority" comboboxProps={{ withinPortal: true }} />
          <Select
            label={t('common:fields.team')}
            placeholder={t('newCase.noTeam')}
            data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={teamId}
            onChange={setTeamId}
            clearable
            error={server('teamId')}
            data-testid="new-case-team"
            comboboxProps={{ withinPortal: true }}
          />
          <Select label={t('common:fields.assignee')} placeholder={t('newCase.nobody')} data={assignees} value={assigneeId} onChange={setAssigneeId} clearable searchable error={server('assigneeId')} data-testid="new-case-assignee" comboboxProps={{ withinPortal: true }} />
        </SimpleGrid>
        {required.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('newCase.teamFields', { team: team?.name ?? '' })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {required.map((f) => (
                <CustomFieldInput
                  key={f.id}
                  field={f}
                  testId={`new-case-field-${f.key}`}
                  value={values[f.key]}
                  onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))}
                  error={missing(f.type === 'checkbox' || (values[f.key] !== undefined && values[f.key] !== null && values[f.key] !== '')) ?? server(`customFields.${f.key}`)}
                />
              ))}
            </SimpleGrid>
          </Stack>
        )}
        <Textarea
          label={t('newCase.message')}
          description={t('newCase.messageHint')}
          required
          autosize
          minRows={4}
          maxRows={12}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          error={missing(!!message.trim()) ?? server('message')}
          data-testid="new-case-message"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="new-case-submit">
            {t('newCase.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Opens a case by hand — a call, a walk-in, a letter — for an existing or a new customer ('c' anywhere). */
export function NewCaseModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('forms');
  return (
    <Modal opened={opened} onClose={onClose} title={t('newCase.title')} size="xl" data-testid="new-case-modal">
      {opened && <NewCaseForm onClose={onClose} />}
    </Modal>
  );
}
