import type { z } from 'zod';
import { templatePlaceholders, type MailboxTemplate, type SaveMailboxTemplateBody } from '@switchboard/contracts';
import type { languages } from '@switchboard/contracts/constants';
import type { Actor } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { assertAdmin } from '../identity/index.ts';

type Language = (typeof languages)[number];
type Kind = MailboxTemplate['kind'];

/** What Switchboard writes until an admin writes their own. */
const builtIn: Record<Kind, Record<Language, { subject: string; body: string }>> = {
  acknowledgement: {
    en: {
      subject: 'We received your request [#{{case.number}}]: {{case.subject}}',
      body: 'Thank you for your message. We have received it as request #{{case.number}} and will get back to you as soon as we can.\n\nPlease keep #{{case.number}} in the subject if you write to us again about it.\n\n{{mailbox.name}}',
    },
    de: {
      subject: 'Ihre Anfrage ist eingegangen [#{{case.number}}]: {{case.subject}}',
      body: 'Vielen Dank für Ihre Nachricht. Wir haben sie als Anfrage #{{case.number}} erhalten und melden uns so bald wie möglich.\n\nBitte lassen Sie #{{case.number}} im Betreff, wenn Sie uns dazu erneut schreiben.\n\n{{mailbox.name}}',
    },
    et: {
      subject: 'Teie pöördumine on kätte saadud [#{{case.number}}]: {{case.subject}}',
      body: 'Täname teid kirja eest. Saime selle kätte pöördumisena #{{case.number}} ja vastame esimesel võimalusel.\n\nPalun jätke #{{case.number}} teemareale, kui kirjutate meile sel teemal uuesti.\n\n{{mailbox.name}}',
    },
    tr: {
      subject: 'Talebiniz alındı [#{{case.number}}]: {{case.subject}}',
      body: 'Mesajınız için teşekkür ederiz. Talebinizi #{{case.number}} numarasıyla aldık ve en kısa sürede size dönüş yapacağız.\n\nBu konuda tekrar yazarsanız lütfen konu satırında #{{case.number}} numarasını koruyun.\n\n{{mailbox.name}}',
    },
  },
  reply: {
    en: { subject: '', body: '{{message}}\n\n-- \n{{agent.name}}\n{{mailbox.name}}\nYour request: #{{case.number}}' },
    de: { subject: '', body: '{{message}}\n\n-- \n{{agent.name}}\n{{mailbox.name}}\nIhre Anfrage: #{{case.number}}' },
    et: { subject: '', body: '{{message}}\n\n-- \n{{agent.name}}\n{{mailbox.name}}\nTeie pöördumine: #{{case.number}}' },
    tr: { subject: '', body: '{{message}}\n\n-- \n{{agent.name}}\n{{mailbox.name}}\nTalebiniz: #{{case.number}}' },
  },
};

const placeholder = /\{\{\s*([\w.]+)\s*\}\}/g;

/** The values a template is filled with; a missing one renders empty. */
export type TemplateValues = Partial<Record<(typeof templatePlaceholders)[number], string>>;

/** Fills `{{name}}` placeholders. */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(placeholder, (_, name: string) => values[name as keyof TemplateValues] ?? '');
}

/** Unknown placeholders (a typo would silently vanish from every mail) and a reply without {{message}} are refused. */
export function checkTemplate(kind: Kind, subject: string, body: string): void {
  const problems: Array<{ field: string; message: string }> = [];
  for (const [field, text] of [['subject', subject], ['body', body]] as const) {
    for (const m of text.matchAll(placeholder)) {
      const name = m[1]!;
      if (!(templatePlaceholders as readonly string[]).includes(name) || (name === 'message' && (kind !== 'reply' || field === 'subject'))) {
        problems.push({ field, message: `{{${name}}} is not a placeholder here; use ${templatePlaceholders.filter((p) => p !== 'message' || kind === 'reply').map((p) => `{{${p}}}`).join(', ')}` });
      }
    }
  }
  if (kind === 'reply' && !/\{\{\s*message\s*\}\}/.test(body)) problems.push({ field: 'body', message: 'A reply template must contain {{message}}, where the agent’s text goes' });
  if (kind === 'acknowledgement' && !subject.trim()) problems.push({ field: 'subject', message: 'An acknowledgement needs a subject' });
  if (problems.length) throw new AppError('validation_failed', problems[0]!.message, problems);
}

interface Row {
  mailbox_id: string | null;
  kind: Kind;
  language: Language;
  subject: string;
  body: string;
  updated_at: Date;
}

/** The template used for a mailbox, kind and language: the mailbox's own, else the shared one, else the built-in text. */
export async function templateFor(db: Queryable, mailboxId: string | null, kind: Kind, language: Language): Promise<{ subject: string; body: string }> {
  const { rows } = await db.query<Row>(
    `select subject, body from email_templates where kind = $2 and language = $3 and (mailbox_id = $1 or mailbox_id is null)
     order by mailbox_id is null limit 1`,
    [mailboxId, kind, language],
  );
  return rows[0] ?? builtIn[kind][language];
}

/** Every kind and language of one mailbox's templates (or the shared ones), built-in where none is saved. */
export async function listTemplates(db: Queryable, mailboxId: string | null): Promise<MailboxTemplate[]> {
  const { rows } = await db.query<Row>(
    `select mailbox_id, kind, language, subject, body, updated_at from email_templates where mailbox_id is not distinct from $1`,
    [mailboxId],
  );
  const out: MailboxTemplate[] = [];
  for (const kind of Object.keys(builtIn) as Kind[]) {
    for (const language of Object.keys(builtIn[kind]) as Language[]) {
      const saved = rows.find((r) => r.kind === kind && r.language === language);
      const fallback = mailboxId ? await templateFor(db, null, kind, language) : builtIn[kind][language];
      out.push({
        mailboxId,
        kind,
        language,
        subject: saved?.subject ?? fallback.subject,
        body: saved?.body ?? fallback.body,
        builtIn: !saved,
        updatedAt: saved?.updated_at.toISOString() ?? null,
      });
    }
  }
  return out;
}

/** Saves an admin's text for a mailbox (or all), after checking its placeholders. */
export async function saveTemplate(actor: Actor, tx: Tx, input: z.output<typeof SaveMailboxTemplateBody>): Promise<MailboxTemplate> {
  assertAdmin(actor);
  checkTemplate(input.kind, input.subject, input.body);
  if (input.mailboxId) {
    const { rows } = await tx.query('select 1 from mailboxes where id = $1', [input.mailboxId]);
    if (!rows[0]) throw new AppError('not_found', `Mailbox ${input.mailboxId} not found`);
  }
  await tx.query(
    `delete from email_templates where mailbox_id is not distinct from $1 and kind = $2 and language = $3`,
    [input.mailboxId, input.kind, input.language],
  );
  const { rows } = await tx.query<Row>(
    `insert into email_templates (mailbox_id, kind, language, subject, body, updated_by) values ($1, $2, $3, $4, $5, $6)
     returning mailbox_id, kind, language, subject, body, updated_at`,
    [input.mailboxId, input.kind, input.language, input.subject, input.body, actor.id],
  );
  const r = rows[0]!;
  return { mailboxId: r.mailbox_id, kind: r.kind, language: r.language, subject: r.subject, body: r.body, builtIn: false, updatedAt: r.updated_at.toISOString() };
}

/** Goes back to the shared (or built-in) text. */
export async function resetTemplate(actor: Actor, tx: Tx, input: { mailboxId: string | null; kind: Kind; language: Language }): Promise<void> {
  assertAdmin(actor);
  await tx.query(`delete from email_templates where mailbox_id is not distinct from $1 and kind = $2 and language = $3`, [input.mailboxId, input.kind, input.language]);
}
