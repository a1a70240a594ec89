import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBounce, noAutoReplyReason } from './classify.ts';
import { foldPoint, splitHtml } from './fold-quotes.ts';
import { parseEmail } from './parse-email.ts';
import { entryEmailOf, sanitizeEmailHtml } from './render-html.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/email/${name}`, import.meta.url));
const own = new Set(['service@demo.switchboard.dev', 'billing@demo.switchboard.dev', 'returns@demo.switchboard.dev', 'reservations@demo.switchboard.dev']);

/** What an agent must see of each message: modelled on what these mail programs really send. */
const corpus: Array<{
  file: string;
  subject: string;
  from: string;
  /** What the sender wrote: shown unfolded. */
  shown: string;
  /** Quoted history or signature: folded away. */
  folded?: string;
  cc?: string[];
  noAutoReply?: RegExp;
  bounce?: boolean;
  language?: string;
}> = [
  { file: 'apple-mail-reply-german.eml', subject: 'Re: Falscher Preis an der Kasse [#1042]', from: 'klaus.schaefer@example.de', shown: 'die Filiale war Köln-Ehrenfeld', folded: 'Am 01.12.2026 um 10:15 schrieb' },
  { file: 'thunderbird-estonian-latin9.eml', subject: 'Topeltmakse krediitkaardi väljavõttel', from: 'tonu.smidt@example.ee', shown: 'Tõnu Šmidt', folded: 'kirjutas Switchboard Arveldus', cc: ['mari.magi@example.ee'], language: 'et' },
  { file: 'outlook-reply-turkish-1254.eml', subject: 'YNT: Rezervasyonunuz onaylandı', from: 'mehmet.ozturk@example.com.tr', shown: 'Odamızın kliması çalışmıyor', folded: 'Kimden: Switchboard Rezervasyon', language: 'tr' },
  { file: 'gmail-reply-english.eml', subject: 'Re: Your replacement is on its way [#1077]', from: 'emily.clarke@example.co.uk', shown: 'does not fit the model (X200)', folded: 'we have shipped a replacement', cc: ['james.clarke@example.co.uk', 'returns@demo.switchboard.dev'] },
  { file: 'outlook-original-message-german.eml', subject: 'AW: Rechnung Nr. 2026-3391 – Zusatzkosten', from: 'petra.hoffmann@example.de', shown: 'Minibar-Pauschale von 35 €', folded: 'Von meinem iPhone gesendet', language: 'de' },
  { file: 'koi8-r-signature.eml', subject: 'Двойное списание', from: 'ivan.petrov@example.ru', shown: 'двойное списание по счёту 88123', folded: 'Иван Петров' },
  { file: 'iso-2022-jp.eml', subject: '注文の商品が届きません', from: 'hanako.yamada@example.jp', shown: '注文番号 A-5521 の商品がまだ届いていません' },
  { file: 'gmail-turkish.eml', subject: 'Faturamda çift ücret alındı', from: 'ayse.yilmaz@example.com', shown: 'iki kez ücret alındı' },
  { file: 'outlook-german-html.eml', subject: 'Kaffeemaschine defekt - Rücksendung', from: 'juergen.weber@example.de', shown: 'Ich möchte sie zurückgeben', language: 'de' },
  { file: 'exchange-out-of-office.eml', subject: 'Automatische Antwort: Ihre Anfrage ist eingegangen [#1101]', from: 'anna.becker@example.de', shown: 'nicht im Büro', noAutoReply: /Auto-Submitted/, language: 'de' },
  { file: 'mailing-list.eml', subject: '[partners] Price list changes from 1 January', from: 'partners@lists.example.net', shown: 'Shelf labels must be updated', noAutoReply: /Precedence: list/ },
  { file: 'postfix-bounce.eml', subject: 'Undelivered Mail Returned to Sender', from: 'mailer-daemon@mx.demo.switchboard.dev', shown: 'User unknown', noAutoReply: /Auto-Submitted/, bounce: true },
  { file: 'broken-mime.eml', subject: 'Café order', from: 'broken@example.com', shown: 'My order #5521 never arrived. Please help me.' },
];

describe('a corpus of real-world messages', () => {
  for (const m of corpus) {
    it(`reads ${m.file}: sender, subject, what they wrote, what is folded, and whether to answer`, async () => {
      const email = await parseEmail(fixture(m.file));
      expect(email.subject).toBe(m.subject);
      expect(email.from.address).toBe(m.from);
      const body = email.text.trim();
      const details = entryEmailOf(email, body);
      const shown = details.foldAt === null ? body : body.slice(0, details.foldAt);
      expect(shown).toContain(m.shown);
      if (m.folded) {
        expect(details.foldAt, 'something is folded').not.toBeNull();
        expect(shown).not.toContain(m.folded);
        expect(body.slice(details.foldAt!)).toContain(m.folded);
      }
      if (details.html) {
        // The HTML shown unfolded holds the sender's words and not the history.
        expect(details.html.replace(/&lt;|&gt;/g, '')).toContain(m.shown.replace(/[<>]/g, '').split(' ').slice(0, 3).join(' '));
        if (m.folded && /html/i.test(fixture(m.file).toString('latin1'))) expect(details.html).not.toContain(m.folded.split(' ').slice(-2).join(' '));
      }
      expect(email.cc.map((a) => a.address)).toEqual(m.cc ?? []);
      expect(noAutoReplyReason(email, null, own) ?? '').toMatch(m.noAutoReply ?? /^$/);
      expect(isBounce(email)).toBe(m.bounce ?? false);
      expect(email.language).toBe(m.language ?? null);
    });
  }

  it('keeps nothing executable or tracking in HTML: no scripts, handlers, javascript: links, frames, forms or remote images', async () => {
    const email = await parseEmail(fixture('malicious-html.eml'));
    const html = entryEmailOf(email, email.text).html!;
    expect(html).toContain('https://example.org/invoice/77');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('[logo]');
    for (const bad of ['<script', 'alert(', 'onload', 'onerror', 'javascript:', '<iframe', '<form', '<input', 'tracker.example.net', 'position', '<style', '<svg']) {
      expect(html).not.toContain(bad);
    }
  });

  it('keeps inline images (cid:) so the timeline can show them from the stored attachments', async () => {
    const email = await parseEmail(fixture('attachments-related.eml'));
    expect(entryEmailOf(email, email.text).html).toContain('src="cid:photo1@example.ee"');
  });
});

describe('folding quoted history and signatures', () => {
  it('folds at the attribution line in each language', () => {
    const cases = [
      'Thanks!\n\nOn Tue, 1 Dec 2026 at 10:00, Jane Doe <jane@example.com> wrote:\n> hello',
      'Danke!\n\nAm 01.12.2026 um 10:00 schrieb Jane Doe <jane@example.com>:\n> hallo',
      'Teşekkürler!\n\n1 Ara 2026 Sal, 10:00 tarihinde Jane Doe <jane@example.com> şunu yazdı:\n> merhaba',
      'Aitäh!\n\nT, 1. dets 2026 kell 10:00 kirjutas Jane Doe (<jane@example.com>):\n> tere',
      'Danke!\n\n-----Ursprüngliche Nachricht-----\nVon: Jane\nGesendet: Dienstag\n',
      'Thanks!\n\nFrom: Jane Doe <jane@example.com>\nSent: Tuesday, December 1, 2026 10:00\nTo: us\n',
    ];
    for (const text of cases) {
      const at = foldPoint(text);
      expect(at, text).not.toBeNull();
      expect(text.slice(0, at!).trim()).toMatch(/^(Thanks|Danke|Teşekkürler|Aitäh)!$/);
    }
  });

  it('folds a trailing "> " quote and the "-- " signature, but never the whole message', () => {
    expect(foldPoint('Yes, please.\n\n> Shall we refund?\n> Best')).toBe('Yes, please.\n\n'.length);
    expect(foldPoint('Yes.\n-- \nJane Doe\nACME')).toBe('Yes.\n'.length);
    expect(foldPoint('> only a quote\n> nothing else')).toBeNull();
    expect(foldPoint('Interleaved:\n> question one\nanswer one\n> question two\nanswer two')).toBeNull();
    expect(foldPoint('A plain message without history.')).toBeNull();
  });

  it('splits HTML at the markers mail programs leave, keeping what the sender wrote', () => {
    const gmail = splitHtml('<div>Thanks</div><div class="gmail_quote"><div>On Mon … wrote:</div><blockquote>old</blockquote></div>');
    expect(gmail.main).toBe('<div>Thanks</div>');
    expect(gmail.quoted).toContain('old');
    const outlook = splitHtml('<p>Danke</p><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p><b>Von:</b> X<br><b>Gesendet:</b> Y</p></div>');
    expect(outlook.main).toBe('<p>Danke</p>');
    const attribution = splitHtml('<p>Danke</p><div>Am 01.12.2026 um 10:00 schrieb Jane:</div><blockquote>alt</blockquote>');
    expect(attribution.main).toBe('<p>Danke</p>');
    expect(splitHtml('<blockquote type="cite">only quoted</blockquote>').quoted).toBeNull();
  });

  it('sanitizes style attributes down to harmless formatting', () => {
    expect(sanitizeEmailHtml('<p style="color:#c00;background-image:url(https://x.test/a.png);font-weight:bold">x</p>')).toBe('<p style="color:#c00;font-weight:bold">x</p>');
  });
});
