import { CreateMacroBody, type MacroAction } from '@switchboard/contracts';
import { systemActor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { createMacro } from './manage-macros.ts';

type Texts = { en: string; de: string; et: string; tr: string };

interface DemoMacro {
  name: string;
  description: string;
  /** Limited to this team (by name). */
  team?: string;
  actions: Array<MacroAction | { type: 'set_team'; team: string }>;
  texts: Texts;
}

const sign = { en: 'Kind regards,\n{{agent.name}}', de: 'Mit freundlichen Grüßen\n{{agent.name}}', et: 'Lugupidamisega\n{{agent.name}}', tr: 'Saygılarımızla\n{{agent.name}}' };
const hello = { en: 'Hello {{customer.firstName|there}},', de: 'Guten Tag {{customer.name}},', et: 'Tere, {{customer.firstName}}!', tr: 'Merhaba {{customer.firstName}},' };
const letter = (body: Texts): Texts => ({
  en: `${hello.en}\n\n${body.en}\n\n${sign.en}`,
  de: `${hello.de}\n\n${body.de}\n\n${sign.de}`,
  et: `${hello.et}\n\n${body.et}\n\n${sign.et}`,
  tr: `${hello.tr}\n\n${body.tr}\n\n${sign.tr}`,
});

/** The situations of the seeds: refunds, broken devices, wrong prices, hotel rooms, appointments, billing. */
const shared: DemoMacro[] = [
  {
    name: 'Refund confirmed',
    description: 'The money is on its way back: tags the case and solves it.',
    actions: [
      { type: 'add_tags', tags: ['refund'] },
      { type: 'set_status', status: 'solved' },
    ],
    texts: letter({
      en: 'thank you for your patience. We have refunded the amount to your original payment method. Depending on your bank, it will show on your statement within 3–5 business days.\n\nIf anything is still unclear, simply reply to this message and quote case number {{case.number}}.',
      de: 'vielen Dank für Ihre Geduld. Wir haben den Betrag auf Ihr ursprüngliches Zahlungsmittel erstattet. Je nach Bank erscheint die Gutschrift innerhalb von 3–5 Werktagen auf Ihrem Kontoauszug.\n\nFalls noch etwas unklar ist, antworten Sie einfach auf diese Nachricht und nennen Sie die Fallnummer {{case.number}}.',
      et: 'täname kannatlikkuse eest. Oleme summa tagastanud Teie algsele makseviisile. Sõltuvalt pangast kajastub see Teie konto väljavõttel 3–5 tööpäeva jooksul.\n\nKui midagi jääb veel ebaselgeks, vastake lihtsalt sellele kirjale ja viidake juhtumi numbrile {{case.number}}.',
      tr: 'sabrınız için teşekkür ederiz. Tutarı orijinal ödeme yönteminize iade ettik. Bankanıza bağlı olarak iade, 3–5 iş günü içinde hesap özetinizde görünecektir.\n\nHâlâ anlaşılmayan bir konu varsa bu mesajı yanıtlamanız ve {{case.number}} numaralı talebi belirtmeniz yeterlidir.',
    }),
  },
  {
    name: 'Ask for receipt and photo',
    description: 'A device does not work: asks for the receipt, a photo of the fault and the serial number, and waits for the customer.',
    actions: [
      { type: 'add_tags', tags: ['needs-info'] },
      { type: 'set_status', status: 'pending' },
    ],
    texts: letter({
      en: 'I am sorry your device is giving you trouble. So that we can sort this out quickly, please reply with:\n\n- a photo of the receipt or your order number\n- a photo or short video showing the fault\n- the serial number (on the sticker on the back or underneath)\n\nAs soon as we have these, we will arrange a repair, a free replacement or a refund.',
      de: 'es tut mir leid, dass Ihr Gerät Probleme macht. Damit wir das schnell klären können, senden Sie uns bitte:\n\n- ein Foto des Kassenbons oder Ihre Bestellnummer\n- ein Foto oder kurzes Video, auf dem der Fehler zu sehen ist\n- die Seriennummer (auf dem Aufkleber an der Rück- oder Unterseite)\n\nSobald uns die Unterlagen vorliegen, veranlassen wir eine Reparatur, einen kostenlosen Ersatz oder eine Erstattung.',
      et: 'mul on kahju, et Teie seadmega on probleeme. Et saaksime asja kiiresti lahendada, saatke meile palun:\n\n- foto ostutšekist või tellimuse number\n- foto või lühike video, millel rike on näha\n- seerianumber (seadme taga- või alaküljel oleval kleebisel)\n\nKui oleme need kätte saanud, korraldame remondi, tasuta asendustoote või raha tagastamise.',
      tr: 'cihazınızla ilgili yaşadığınız sorun için üzgünüm. Konuyu hızla çözebilmemiz için lütfen bize şunları gönderin:\n\n- fişin fotoğrafı veya sipariş numaranız\n- arızayı gösteren bir fotoğraf ya da kısa bir video\n- seri numarası (cihazın arkasındaki veya altındaki etikette)\n\nBunlar elimize ulaşır ulaşmaz onarım, ücretsiz değişim veya iade işlemini başlatacağız.',
    }),
  },
  {
    name: 'Price corrected',
    description: 'An item rang up at the wrong price: the difference is refunded, with a 10 % voucher as an apology.',
    actions: [
      { type: 'add_tags', tags: ['price-correction'] },
      { type: 'set_status', status: 'solved' },
    ],
    texts: letter({
      en: 'you were right: the item was charged at the wrong price at the checkout. We have corrected the price and refunded the difference to your payment method. As an apology, we have also added a 10 % voucher for your next purchase.\n\nThank you for letting us know.',
      de: 'Sie hatten recht: Der Artikel wurde an der Kasse zum falschen Preis berechnet. Wir haben den Preis korrigiert und Ihnen die Differenz auf Ihr Zahlungsmittel erstattet. Als Entschuldigung haben wir Ihnen zusätzlich einen Gutschein über 10 % für Ihren nächsten Einkauf hinterlegt.\n\nVielen Dank für Ihren Hinweis.',
      et: 'Teil oli õigus: kassas arvestati tootele vale hind. Oleme hinna parandanud ja vahe Teie makseviisile tagastanud. Vabanduseks lisasime Teile ka 10% sooduskupongi järgmiseks ostuks.\n\nTäname, et sellest teada andsite.',
      tr: 'haklıydınız: ürün kasada yanlış fiyattan ücretlendirilmiş. Fiyatı düzelttik ve aradaki farkı ödeme yönteminize iade ettik. Özür dileriz; ayrıca bir sonraki alışverişiniz için %10 indirim kuponu tanımladık.\n\nBizi bilgilendirdiğiniz için teşekkür ederiz.',
    }),
  },
  {
    name: 'Room change confirmed',
    description: 'Hotel guests moved to a quieter room at no extra charge.',
    team: 'Reservations',
    actions: [
      { type: 'add_tags', tags: ['room-change'] },
      { type: 'set_status', status: 'solved' },
    ],
    texts: letter({
      en: 'I am sorry the room did not meet your expectations. We have moved you to a quieter room facing the courtyard; your new key cards are ready at reception. There is no extra charge for the change.\n\nWe wish you a pleasant rest of your stay.',
      de: 'es tut mir leid, dass das Zimmer nicht Ihren Erwartungen entsprochen hat. Wir haben Sie in ein ruhigeres Zimmer zum Innenhof verlegt; Ihre neuen Schlüsselkarten liegen an der Rezeption bereit. Für den Wechsel entstehen Ihnen keine zusätzlichen Kosten.\n\nWir wünschen Ihnen einen angenehmen weiteren Aufenthalt.',
      et: 'mul on kahju, et tuba ei vastanud Teie ootustele. Oleme Teid viinud vaiksemasse, siseõue poole jäävasse tuppa; uued võtmekaardid ootavad Teid vastuvõtus. Toa vahetamine ei too kaasa lisatasu.\n\nSoovime Teile meeldivat jätku viibimisele.',
      tr: 'odanın beklentilerinizi karşılamadığı için üzgünüm. Sizi iç avluya bakan daha sessiz bir odaya aldık; yeni kart anahtarlarınız resepsiyonda hazır. Oda değişikliği için ek bir ücret alınmayacaktır.\n\nKonaklamanızın geri kalanının keyifli geçmesini dileriz.',
    }),
  },
  {
    name: 'Appointment booked',
    description: 'An installation or service visit is booked; the technician calls ahead.',
    team: 'Reservations',
    actions: [
      { type: 'add_tags', tags: ['appointment'] },
      { type: 'set_assignee', assignee: 'me' },
      { type: 'set_status', status: 'solved' },
    ],
    texts: letter({
      en: 'your appointment is booked. Our technician will come on the agreed date between 8:00 and 12:00 and will call you about 30 minutes before arriving. Please make sure the device and a power socket are easy to reach.\n\nIf the date no longer suits you, just reply to this message (case {{case.number}}) and we will find a new one.',
      de: 'Ihr Termin ist gebucht. Unser Techniker kommt am vereinbarten Tag zwischen 8:00 und 12:00 Uhr und ruft Sie etwa 30 Minuten vorher an. Bitte sorgen Sie dafür, dass das Gerät und eine Steckdose gut erreichbar sind.\n\nFalls der Termin nicht mehr passt, antworten Sie einfach auf diese Nachricht (Fall {{case.number}}), dann finden wir einen neuen.',
      et: 'Teie aeg on broneeritud. Meie tehnik tuleb kokkulepitud päeval kella 8.00 ja 12.00 vahel ning helistab Teile umbes 30 minutit enne saabumist. Palun veenduge, et seade ja pistikupesa oleksid kergesti ligipääsetavad.\n\nKui see aeg Teile enam ei sobi, vastake lihtsalt sellele kirjale (juhtum {{case.number}}) ja leiame uue aja.',
      tr: 'randevunuz oluşturuldu. Teknisyenimiz kararlaştırılan gün saat 08.00 ile 12.00 arasında gelecek ve varmadan yaklaşık 30 dakika önce sizi arayacaktır. Lütfen cihaza ve bir prize kolayca ulaşılabildiğinden emin olun.\n\nTarih artık size uymuyorsa bu mesajı yanıtlamanız (talep {{case.number}}) yeterli; birlikte yeni bir tarih buluruz.',
    }),
  },
  {
    name: 'Escalate to Billing',
    description: 'A charge needs a look at the invoice: hands the case to Billing, unassigned and high priority, and tells the customer who takes over.',
    actions: [
      { type: 'set_team', team: 'Billing' },
      { type: 'set_assignee', assignee: null },
      { type: 'set_priority', priority: 'high' },
      { type: 'add_tags', tags: ['billing'] },
    ],
    texts: letter({
      en: 'thank you for the details. Your question about the charges needs a closer look at your invoice, so I have passed case {{case.number}} to our {{team.name}} team together with everything you told us. You do not need to explain anything again: a colleague will get back to you within one business day.',
      de: 'vielen Dank für die Angaben. Ihre Frage zu den Abbuchungen erfordert einen genaueren Blick auf Ihre Rechnung, daher habe ich den Fall {{case.number}} mit allen Informationen an unser Team {{team.name}} übergeben. Sie müssen nichts erneut erklären: Eine Kollegin oder ein Kollege meldet sich innerhalb eines Werktags bei Ihnen.',
      et: 'täname andmete eest. Teie küsimus tasude kohta vajab Teie arve põhjalikumat kontrolli, seetõttu edastasin juhtumi {{case.number}} koos kogu teabega meie meeskonnale {{team.name}}. Teil ei ole vaja midagi uuesti selgitada: kolleeg võtab Teiega ühendust ühe tööpäeva jooksul.',
      tr: 'verdiğiniz bilgiler için teşekkür ederiz. Ücretlerle ilgili sorunuz faturanızın daha ayrıntılı incelenmesini gerektirdiğinden {{case.number}} numaralı talebi tüm bilgilerle birlikte {{team.name}} ekibimize ilettim. Hiçbir şeyi yeniden anlatmanıza gerek yok: bir çalışma arkadaşımız bir iş günü içinde size dönüş yapacaktır.',
    }),
  },
];

/** Jonas's own, in German and English; customers in other languages get the English text (its default). */
const personalOwner = 'agent@demo.switchboard.dev';
const personal = {
  name: 'Rückruf morgen Vormittag',
  description: 'Mein Text, wenn ich einen Rückruf zusage: übernimmt den Fall und wartet auf den Kunden.',
  defaultLanguage: 'en' as const,
  actions: [
    { type: 'set_assignee', assignee: 'me' },
    { type: 'set_status', status: 'pending' },
  ] satisfies MacroAction[],
  texts: {
    de: 'Guten Tag {{customer.name}},\n\nich kümmere mich persönlich um Ihr Anliegen und rufe Sie morgen Vormittag zurück. Falls Ihnen eine andere Uhrzeit lieber ist, antworten Sie mir gerne kurz.\n\nViele Grüße\n{{agent.firstName}}',
    en: 'Hello {{customer.firstName|there}},\n\nI am looking after your request personally and will call you back tomorrow morning. If another time suits you better, just send me a short reply.\n\nBest wishes,\n{{agent.firstName}}',
  },
};

/** Seeds the demo's shared macros and one personal macro of the demo agent (part of the demo transaction). */
export async function seedMacrosDemo(tx: Tx): Promise<void> {
  const { rows: teams } = await tx.query<{ id: string; name: string }>('select id, name from teams');
  const teamId = (name: string) => {
    const t = teams.find((x) => x.name === name);
    if (!t) throw new Error(`Demo macros refer to an unknown team: ${name}`);
    return t.id;
  };
  for (const m of shared) {
    const actions = m.actions.map((a) => ('team' in a ? { type: 'set_team', teamId: teamId(a.team) } : a));
    const body = { name: m.name, description: m.description, scope: 'shared', teamId: m.team ? teamId(m.team) : null, defaultLanguage: 'en', texts: m.texts, actions };
    await createMacro(systemActor, tx, CreateMacroBody.parse(body));
  }
  const { rows } = await tx.query<{ id: string }>('select id from users where lower(email) = $1', [personalOwner]);
  if (!rows[0]) return;
  await createMacro(systemActor, tx, CreateMacroBody.parse({ ...personal, scope: 'personal' }), { ownerId: rows[0].id });
}
