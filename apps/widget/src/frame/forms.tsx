import { useState } from 'preact/hooks';
import type { WidgetConfig } from '@switchboard/contracts';
import { WidgetError } from './api.ts';
import type { T } from './i18n.ts';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  children: preact.ComponentChildren;
}

function Field({ id, label, error, children }: FieldProps) {
  return (
    <div class="sb-field">
      <label for={id}>{label}</label>
      {children}
      {error && (
        <p class="sb-field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface ProfileFormProps {
  t: T;
  preChat: WidgetConfig['preChat'];
  /** Nobody is online: the email is needed to answer. */
  needEmail: boolean;
  /** Only the email (the conversation is under way). */
  emailOnly?: boolean;
  initial: { name: string | null; email: string | null };
  submitLabel: string;
  onSubmit: (profile: { name?: string; email?: string; topic?: string }) => Promise<void>;
}

/** The pre-chat form (name, email, topic as the channel asks), or just the email when we must answer by email. */
export function ProfileForm({ t, preChat, needEmail, emailOnly, initial, submitLabel, onSubmit }: ProfileFormProps) {
  const [name, setName] = useState(initial.name ?? '');
  const [email, setEmail] = useState(initial.email ?? '');
  const [topic, setTopic] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const show = {
    name: !emailOnly && preChat.name !== 'off',
    email: emailOnly || needEmail || preChat.email !== 'off',
    topic: !emailOnly && preChat.topic !== 'off',
  };
  const required = { name: preChat.name === 'required', email: emailOnly || needEmail || preChat.email === 'required', topic: preChat.topic === 'required' };
  const label = (text: string, req: boolean) => (req ? text : `${text} ${t('optional')}`);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (show.name && required.name && !name.trim()) found.name = t('required');
    if (show.email && required.email && !email.trim()) found.email = t('required');
    else if (show.email && email.trim() && !emailPattern.test(email.trim())) found.email = t('invalidEmail');
    if (show.topic && required.topic && !topic) found.topic = t('required');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await onSubmit({ ...(show.name && name.trim() ? { name: name.trim() } : {}), ...(show.email && email.trim() ? { email: email.trim() } : {}), ...(show.topic && topic ? { topic } : {}) });
    } catch (err) {
      const field = err instanceof WidgetError ? String((err.extra.errors as Array<{ field: string }> | undefined)?.[0]?.field ?? '').replace('body.', '') : '';
      setErrors({ [field || 'form']: err instanceof WidgetError ? err.message : t('error') });
    } finally {
      setBusy(false);
    }
  };
  const described = (f: string) => (errors[f] ? { 'aria-invalid': true, 'aria-describedby': `sb-${f}-error` } : {});

  return (
    <form class="sb-form" onSubmit={submit} noValidate data-testid={emailOnly ? 'chat-email-form' : 'chat-profile-form'}>
      {show.name && (
        <Field id="sb-name" label={label(t('name'), required.name)} error={errors.name}>
          <input id="sb-name" autocomplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} {...described('name')} />
        </Field>
      )}
      {show.email && (
        <Field id="sb-email" label={label(t('email'), required.email)} error={errors.email}>
          <input id="sb-email" type="email" autocomplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} {...described('email')} />
        </Field>
      )}
      {show.topic && (
        <Field id="sb-topic" label={label(t('topic'), required.topic)} error={errors.topic}>
          <select id="sb-topic" value={topic} onChange={(e) => setTopic(e.currentTarget.value)} {...described('topic')}>
            <option value="">{t('chooseTopic')}</option>
            {preChat.topics.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </Field>
      )}
      {errors.form && <p class="sb-field-error">{errors.form}</p>}
      <button type="submit" class="sb-primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
