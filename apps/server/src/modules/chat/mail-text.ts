import { languages } from '@switchboard/contracts/constants';

type Language = (typeof languages)[number];

/** The words around an agent's chat reply sent by email, in the customer's language. */
const texts: Record<Language, { wrote: (name: string) => string; footer: string; earlier: string }> = {
  en: {
    wrote: (name) => `${name} wrote:`,
    footer: 'You started this conversation in the chat on our website. Simply reply to this email to continue it.',
    earlier: 'Our answers to your chat:',
  },
  de: {
    wrote: (name) => `${name} schrieb:`,
    footer: 'Sie haben dieses Gespräch im Chat auf unserer Website begonnen. Antworten Sie einfach auf diese E-Mail, um es fortzusetzen.',
    earlier: 'Unsere Antworten auf Ihren Chat:',
  },
  et: {
    wrote: (name) => `${name} kirjutas:`,
    footer: 'Alustasite seda vestlust meie veebilehe vestlusaknas. Jätkamiseks vastake lihtsalt sellele kirjale.',
    earlier: 'Meie vastused teie vestlusele:',
  },
  tr: {
    wrote: (name) => `${name} yazdı:`,
    footer: 'Bu görüşmeyi web sitemizdeki sohbette başlattınız. Devam etmek için bu e-postayı yanıtlamanız yeterli.',
    earlier: 'Sohbetinize yanıtlarımız:',
  },
};

export const mailLanguage = (value: string | null | undefined): Language => ((languages as readonly string[]).includes(value ?? '') ? (value as Language) : 'en');

/** The text of an email carrying one or more agent replies of a chat. */
export function replyMailText(language: string | null, replies: ReadonlyArray<{ author: string; body: string }>): string {
  const t = texts[mailLanguage(language)];
  const parts = replies.map((r) => `${t.wrote(r.author)}\n\n${r.body.trim()}`);
  return `${replies.length > 1 ? `${t.earlier}\n\n` : ''}${parts.join('\n\n---\n\n')}\n\n-- \n${t.footer}\n`;
}
