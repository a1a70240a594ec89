/**
 * The texts of the mails the portal sends — the sign-in link and "you have a reply" — in the four
 * languages of the product. Plain text with a simple HTML twin; the company name comes from the
 * branding, so a customer sees whom the mail is from.
 */
import type { AppContext } from '../../platform/context.ts';

export type MailLanguage = 'en' | 'de' | 'et' | 'tr';

export const asMailLanguage = (value: string | null | undefined): MailLanguage =>
  value === 'de' || value === 'et' || value === 'tr' ? value : 'en';

const signIn: Record<MailLanguage, { subject: string; intro: string; button: string; expiry: string; ignore: string }> = {
  en: {
    subject: 'Your sign-in link for {company}',
    intro: 'Use this link to sign in to the {company} customer portal:',
    button: 'Sign in',
    expiry: 'The link works once and expires in {minutes} minutes.',
    ignore: 'If you did not ask for it, you can ignore this message: nobody can sign in without the link.',
  },
  de: {
    subject: 'Ihr Anmeldelink für {company}',
    intro: 'Mit diesem Link melden Sie sich im Kundenportal von {company} an:',
    button: 'Anmelden',
    expiry: 'Der Link funktioniert einmal und läuft in {minutes} Minuten ab.',
    ignore: 'Wenn Sie ihn nicht angefordert haben, können Sie diese Nachricht ignorieren: Ohne den Link kann sich niemand anmelden.',
  },
  et: {
    subject: 'Teie sisselogimislink – {company}',
    intro: 'Selle lingiga logite sisse {company} kliendiportaali:',
    button: 'Logi sisse',
    expiry: 'Link töötab ühe korra ja aegub {minutes} minuti pärast.',
    ignore: 'Kui te seda ei küsinud, võite selle kirja tähelepanuta jätta: ilma lingita ei saa keegi sisse logida.',
  },
  tr: {
    subject: '{company} için giriş bağlantınız',
    intro: '{company} müşteri portalına giriş yapmak için bu bağlantıyı kullanın:',
    button: 'Giriş yap',
    expiry: 'Bağlantı bir kez çalışır ve {minutes} dakika içinde geçerliliğini yitirir.',
    ignore: 'Bunu siz istemediyseniz bu iletiyi yok sayabilirsiniz: bağlantı olmadan kimse giriş yapamaz.',
  },
};

const reply: Record<MailLanguage, { subject: string; intro: string; open: string; answer: string }> = {
  en: {
    subject: 'New reply to your request #{number}: {subject}',
    intro: '{agent} replied to your request #{number}:',
    open: 'See the whole conversation:',
    answer: 'Please answer in the portal, not to this email.',
  },
  de: {
    subject: 'Neue Antwort auf Ihre Anfrage #{number}: {subject}',
    intro: '{agent} hat auf Ihre Anfrage #{number} geantwortet:',
    open: 'Die ganze Unterhaltung:',
    answer: 'Bitte antworten Sie im Portal, nicht auf diese E-Mail.',
  },
  et: {
    subject: 'Uus vastus teie pöördumisele #{number}: {subject}',
    intro: '{agent} vastas teie pöördumisele #{number}:',
    open: 'Kogu vestlus:',
    answer: 'Palun vastake portaalis, mitte sellele e-kirjale.',
  },
  tr: {
    subject: '#{number} numaralı talebinize yeni yanıt: {subject}',
    intro: '{agent}, #{number} numaralı talebinizi yanıtladı:',
    open: 'Tüm yazışmayı görün:',
    answer: 'Lütfen bu e-postaya değil, portaldan yanıt verin.',
  },
};

const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const frame = (color: string, inner: string): string =>
  `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2328;max-width:36rem">${inner.replace(/\{color\}/g, color)}</body></html>`;

/** Where customers reach the portal: PUBLIC_URL, else the address the server listens on. */
export function publicBase(app: AppContext): string {
  return (app.config.PUBLIC_URL ?? `http://${app.config.HOST}:${app.config.PORT}`).replace(/\/+$/, '');
}

/** The sign-in mail: subject, text and HTML with the one-time link. */
export function signInMail(lang: MailLanguage, company: string, color: string, link: string, minutes: number): { subject: string; text: string; html: string } {
  const s = signIn[lang];
  const v = { company, minutes };
  const text = [fill(s.intro, v), '', link, '', fill(s.expiry, v), fill(s.ignore, v)].join('\n');
  const html = frame(
    color,
    `<p>${escapeHtml(fill(s.intro, v))}</p><p><a href="${escapeHtml(link)}" style="display:inline-block;background:{color};color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(s.button)}</a></p>` +
      `<p style="font-size:13px;color:#555">${escapeHtml(fill(s.expiry, v))}<br>${escapeHtml(fill(s.ignore, v))}</p>`,
  );
  return { subject: fill(s.subject, v), text, html };
}

/** "You have a reply" for requests that run through the portal, with the reply and a link to it. */
export function replyMail(
  lang: MailLanguage,
  input: { company: string; color: string; number: number; subject: string; agent: string; body: string; link: string },
): { subject: string; text: string; html: string } {
  const s = reply[lang];
  const v = { number: input.number, subject: input.subject, agent: input.agent || input.company };
  const text = [fill(s.intro, v), '', input.body, '', `${s.open} ${input.link}`, s.answer, '', `— ${input.company}`].join('\n');
  const paragraphs = input.body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const html = frame(
    input.color,
    `<p>${escapeHtml(fill(s.intro, v))}</p><blockquote style="margin:0;padding-left:12px;border-left:3px solid {color}">${paragraphs}</blockquote>` +
      `<p>${escapeHtml(s.open)} <a href="${escapeHtml(input.link)}" style="color:{color}">${escapeHtml(input.link)}</a></p><p style="font-size:13px;color:#555">${escapeHtml(s.answer)}</p><p>— ${escapeHtml(input.company)}</p>`,
  );
  return { subject: fill(s.subject, v).slice(0, 900), text, html };
}
