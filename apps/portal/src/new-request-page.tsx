import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, get, post, type PortalForm, type PortalRequest } from './api.ts';
import { ErrorState, useErrorText } from './error-state.tsx';
import { FilePicker, useUploads } from './file-picker.tsx';
import { Loading } from './loading.tsx';
import { requestKey } from './request-page.tsx';

type Field = PortalForm['topics'][number]['fields'][number];
type Value = string | number | boolean;

/** One customer-visible field of the topic's form, as the input its type needs. */
function FieldInput({ f, value, error, onChange }: { f: Field; value: Value | undefined; error: string | undefined; onChange: (v: Value | undefined) => void }) {
  const { t } = useTranslation();
  const common = { label: f.label, required: f.required, error, 'data-testid': `field-${f.key}` };
  switch (f.type) {
    case 'checkbox':
      return <Checkbox label={f.label} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} error={error} data-testid={`field-${f.key}`} />;
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : undefined)} />;
    case 'select':
      return <NativeSelect {...common} value={typeof value === 'string' ? value : ''} data={[{ value: '', label: t('newRequest.choose') }, ...f.options.map((o) => ({ value: o, label: o }))]} onChange={(e) => onChange(e.currentTarget.value || undefined)} />;
    case 'date':
      return <TextInput {...common} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || undefined)} />;
    default:
      return <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || undefined)} />;
  }
}

/** The new-request form: topic, subject, description, the topic's customer-visible fields, files. */
export default function NewRequestPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const form = useQuery({ queryKey: ['form'], queryFn: () => get<PortalForm>('/form'), staleTime: 5 * 60_000 });
  const maxBytes = form.data?.maxUploadBytes ?? 10 * 1_048_576;
  const uploads = useUploads(form.data?.maxFiles ?? 5, maxBytes);
  const [teamId, setTeamId] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [values, setValues] = useState<Record<string, Value>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);

  if (form.isPending) return <Loading />;
  if (form.isError) return <ErrorState error={form.error} onRetry={() => void form.refetch()} />;
  const topics = form.data.topics;
  const topic = topics.find((x) => x.teamId === teamId);
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  const required = (v: string) => (touched && !v.trim() ? t('newRequest.required') : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setError(null);
    if (!subject.trim() || !body.trim() || (topics.length > 0 && !topic)) return;
    const customFields = Object.fromEntries(Object.entries(values).filter(([key]) => topic?.fields.some((f) => f.key === key)));
    setBusy(true);
    try {
      const created = await post<PortalRequest>('/requests', { subject, body, teamId: topic?.teamId ?? null, customFields, uploadIds: uploads.files.map((f) => f.id) });
      qc.setQueryData(requestKey(created.number), created);
      void qc.invalidateQueries({ queryKey: ['requests', 'list'] });
      navigate(`/requests/${created.number}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={640}>
        <Title order={1}>{t('newRequest.title')}</Title>
        <Text c="dimmed">{t('newRequest.intro')}</Text>
        {topics.length > 0 && (
          <NativeSelect
            label={t('newRequest.topic')}
            required
            value={teamId}
            onChange={(e) => setTeamId(e.currentTarget.value)}
            data={[{ value: '', label: t('newRequest.choose') }, ...topics.map((x) => ({ value: x.teamId, label: x.name }))]}
            error={(touched && !topic ? t('newRequest.chooseTopic') : undefined) ?? fieldError('teamId')}
            data-testid="topic"
          />
        )}
        <TextInput label={t('newRequest.subject')} required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={required(subject) ?? fieldError('subject')} maxLength={300} data-testid="subject" />
        <Textarea label={t('newRequest.body')} required autosize minRows={5} maxRows={16} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={required(body) ?? fieldError('body')} data-testid="body" />
        {topic?.fields.map((f) => (
          <FieldInput
            key={f.key}
            f={f}
            value={values[f.key]}
            error={fieldError(`customFields.${f.key}`)}
            onChange={(v) =>
              setValues((prev) => {
                const next = { ...prev };
                if (v === undefined) delete next[f.key];
                else next[f.key] = v;
                return next;
              })
            }
          />
        ))}
        <FilePicker uploads={uploads} maxBytes={maxBytes} />
        {error !== null && (
          <Alert color="red" role="alert" data-testid="new-request-error">
            {errorText(error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy} disabled={uploads.busy} data-testid="submit-request">
            {t('newRequest.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
