import type { CaseSeed } from './model.ts';

/** Cases from the stores and the online shop: prices at the till, returns, refunds, invoices. */
export const storeCases: CaseSeed[] = [
  {
    key: 'wrong-price',
    subject: 'Falscher Preis an der Kasse: Kopfhörer mit 99,99 € statt 79,99 € berechnet',
    requester: 'juergen',
    channel: 'walk_in',
    team: 'billing',
    openedBy: 'jonas',
    assignee: 'jonas',
    tags: ['wrong-price', 'store-alexanderplatz'],
    fields: { order_number: 'BON-1124-2291-07', amount_eur: 20, product: 'Headphones' },
    first: {
      body: 'Guten Tag, die Bluetooth-Kopfhörer SoundPro 300 sind im Regal mit 79,99 € ausgezeichnet, an der Kasse wurden mir aber 99,99 € berechnet. Hier ist der Kassenbon. Ich hätte gern die Differenz zurück.',
    },
    steps: [
      {
        note: 'Regaletikett geprüft: Das Schild zeigt 79,99 € (Aktionspreis bis Monatsende), im Kassensystem war noch der alte Preis 99,99 € hinterlegt. Preis im Warenwirtschaftssystem korrigiert und die Filialleitung informiert, damit heute niemand sonst zu viel bezahlt.',
        by: 'jonas',
      },
      {
        out: 'Herr Weiß, Sie haben völlig recht – es gilt der ausgezeichnete Preis. Ich habe Ihnen die Differenz von 20,00 € auf Ihre Girokarte zurückgebucht. Als Entschuldigung für die Unannehmlichkeit erhalten Sie außerdem 10 % Rabatt auf Ihren nächsten Einkauf; der Gutschein ist auf Ihrer Kundenkarte gespeichert.',
        by: 'jonas',
      },
      { in: 'Das ging ja schnell, vielen Dank! Dann komme ich nächste Woche wegen des Fernsehers wieder.', by: 'jonas' },
      { set: { status: 'solved', addTags: ['goodwill'] }, by: 'jonas' },
    ],
  },
  {
    key: 'refund',
    subject: 'Rücksendung Laptop (Bestellung 10-48213) – Erstattung auf Kreditkarte',
    requester: 'maximilian',
    channel: 'email',
    team: 'returns',
    tags: ['refund'],
    fields: { order_number: '10-48213', product: 'Laptop', purchase_date: '2026-11-03' },
    first: {
      body: `Hallo,

ich habe am 3. November den Laptop UltraBook 14 Pro bestellt (Bestellung 10-48213). Das Display flackert bei geringer Helligkeit, das ist für mich so nicht akzeptabel. Ich möchte das Gerät innerhalb der Rückgabefrist zurückgeben und den Kaufpreis auf meine Kreditkarte erstattet bekommen. Wie gehe ich vor?

Viele Grüße
Maximilian Groß`,
    },
    steps: [
      { set: { assignee: 'lukas' }, by: 'lukas' },
      {
        out: `Hallo Herr Groß,

das tut mir leid – ein flackerndes Display darf bei einem neuen Gerät nicht sein. Sie sind innerhalb der 30-tägigen Rückgabefrist. Ich habe Ihnen soeben ein kostenloses Rücksendeetikett per E-Mail geschickt; bitte legen Sie das Netzteil mit in den Karton. Sobald der Laptop bei uns eingetroffen und geprüft ist, erstatten wir Ihnen 899,00 € auf Ihre Kreditkarte.

Viele Grüße
Lukas Schäfer
Kundenservice Retouren`,
        by: 'lukas',
      },
      { set: { status: 'pending' }, by: 'lukas' },
      { in: 'Danke, das Paket habe ich heute bei der Post abgegeben. Sendungsnummer 00340434161234567890.' },
      {
        note: 'Rücksendung im Lager eingegangen: Gerät vollständig, Netzteil dabei. Displayfehler vom Lager bestätigt (Flackern unter 30 % Helligkeit). Erstattung über 899,00 € auf die Kreditkarte ausgelöst.',
        by: 'lukas',
      },
      {
        out: 'Hallo Herr Groß, Ihr Laptop ist bei uns angekommen und geprüft. Wir haben die Erstattung über 899,00 € heute auf Ihre Kreditkarte veranlasst; je nach Bank dauert die Gutschrift drei bis fünf Bankarbeitstage. Viele Grüße, Lukas Schäfer',
        by: 'lukas',
      },
      { set: { customStatus: 'refundIssued', fields: { refund_approved: true, amount_eur: 899 } }, by: 'lukas' },
    ],
  },
  {
    key: 'card-statement',
    subject: 'Kreditkartenabrechnung: Laptop doppelt abgebucht, Erstattung fehlt',
    requester: 'maximilian',
    channel: 'email',
    team: 'billing',
    priority: 'high',
    tags: ['billing-dispute', 'credit-card'],
    fields: { order_number: '10-48213', amount_eur: 1798 },
    first: {
      body: `Sehr geehrte Damen und Herren,

auf meiner Kreditkartenabrechnung für November finde ich zwei Belastungen über je 899,00 € vom 3. November für meine Bestellung 10-48213. Den Laptop habe ich bereits zurückgeschickt, und Sie haben mir die Erstattung bestätigt – auf der Abrechnung sehe ich sie aber nicht. Damit fehlen mir insgesamt 1.798,00 €. Bitte prüfen Sie das dringend.

Mit freundlichen Grüßen
Maximilian Groß`,
    },
    steps: [
      { set: { assignee: 'jonas' }, by: 'jonas' },
      {
        note: 'Zahlungsprotokoll geprüft: Die zweite Belastung vom 03.11. ist eine Doppelbuchung durch einen technischen Fehler des Zahlungsdienstleisters (betraf an dem Tag 14 Bestellungen). Storno beim Zahlungsdienstleister beantragt, Vorgang PSP-55821. Die Erstattung aus der Rücksendung (verknüpfter Fall) wurde am 18.11. ausgelöst und ist bei der Bank noch in Bearbeitung.',
        by: 'jonas',
      },
      {
        out: `Sehr geehrter Herr Groß,

vielen Dank für Ihre Nachricht, und entschuldigen Sie bitte den Ärger. Ich habe beide Vorgänge geprüft:

1. Die zweite Belastung über 899,00 € ist durch einen technischen Fehler unseres Zahlungsdienstleisters entstanden. Ich habe die Stornierung veranlasst; der Betrag wird Ihrem Kartenkonto innerhalb von fünf bis sieben Bankarbeitstagen gutgeschrieben.
2. Die Erstattung für den zurückgesandten Laptop haben wir am 18. November ausgelöst. Sie erscheint auf Ihrer Dezember-Abrechnung.

Ich melde mich spätestens am Freitag wieder, sobald mir die Bestätigung des Zahlungsdienstleisters vorliegt.

Mit freundlichen Grüßen
Jonas Becker
Kundenservice Abrechnung`,
        by: 'jonas',
      },
      { set: { status: 'pending' }, by: 'jonas' },
    ],
  },
  {
    key: 'bill-charges',
    subject: 'Hotelliarve: arusaamatud tasud minibaari ja hilise väljaregistreerimise eest',
    requester: 'tonu',
    channel: 'email',
    team: 'billing',
    tags: ['hotel-tallinn', 'bill-charges'],
    fields: { order_number: 'HNT-2026-11-1187', amount_eur: 43.5, room_number: '317' },
    first: {
      body: `Tere!

Peatusin teie Tallinna hotellis 12.–14. novembrini (tuba 317). Arvel on kaks tasu, millest ma aru ei saa: minibaar 18,50 € ja hiline väljaregistreerimine 25,00 €. Minibaarist ma midagi ei võtnud ja lahkusin toast juba kell 11.30. Palun selgitage need tasud või parandage arve.

Lugupidamisega
Tõnu Kuusk`,
    },
    steps: [
      { set: { assignee: 'mari' }, by: 'mari' },
      {
        note: 'Kontrollisin vastuvõtu logi: võtmekaart deaktiveeriti 14.11 kell 11.34, väljaregistreerimise tähtaeg on 12.00 – hilise väljaregistreerimise tasu on ekslik. Minibaari kontroll märkis ühe mahlapudeli, kuid toateenindaja kinnitas, et pudel oli avamata. Tühistan mõlemad tasud.',
        by: 'mari',
      },
      {
        out: `Tere, hr Kuusk!

Aitäh, et andsite teada, ja vabandame segaduse pärast. Kontrollisin teie viibimise andmed: lahkusite toast enne väljaregistreerimise tähtaega ja minibaari tasu lisati arvele ekslikult. Tühistasin mõlemad tasud kokku 43,50 € ulatuses. Raha kantakse teie kaardile tagasi 3–5 tööpäeva jooksul ja parandatud arve saadan teile eraldi e-kirjaga.

Lugupidamisega
Mari Kask
Klienditeenindus`,
        by: 'mari',
      },
      { in: 'Suur aitäh kiire abi eest! Parandatud arve jõudis kohale.' },
      { set: { status: 'solved', fields: { refund_approved: true } }, by: 'mari' },
    ],
  },
  {
    key: 'abusive-caller',
    subject: 'Mahngebühr trotz Zahlung – Gespräch an Supervisorin übergeben',
    requester: 'ralf',
    channel: 'phone',
    team: 'billing',
    openedBy: 'jonas',
    assignee: 'jonas',
    tags: ['reminder-fee'],
    fields: { order_number: '10-47102', amount_eur: 5 },
    first: {
      body: 'Ich habe die Rechnung 10-47102 am 2. November bezahlt und bekomme jetzt trotzdem eine Mahnung mit 5 € Mahngebühr. Das ist eine Frechheit, ich will das sofort geklärt haben.',
    },
    steps: [
      {
        note: `Zahlungseingang geprüft: Die Überweisung ging am 06.11. ein, das Zahlungsziel war der 04.11. Ich habe dem Kunden erklärt, dass die Zahlung zwei Tage nach Fälligkeit eingegangen ist.

Der Kunde wurde daraufhin laut und hat mich mehrfach persönlich beleidigt (u. a. „inkompetenter Idiot“). Ich habe ihn einmal gebeten, sachlich zu bleiben, und angekündigt, dass ich das Gespräch sonst an meine Vorgesetzte übergebe. Da die Beleidigungen weitergingen, habe ich das Gespräch gemäß Richtlinie an Sabine Hoffmann übergeben. Das Gespräch wurde aufgezeichnet.`,
        by: 'jonas',
      },
      { set: { assignee: 'sabine', priority: 'high', addTags: ['abusive-caller', 'escalated'] }, by: 'jonas' },
      {
        note: 'Gespräch übernommen. Der Kunde hat sich nach kurzer Zeit beruhigt. Aufzeichnung für die Qualitätssicherung markiert; Jonas hat korrekt nach Richtlinie gehandelt. Hinweis im Kundenprofil ergänzt: Anrufe von Herrn Köhler übernimmt eine Supervisorin.',
        by: 'sabine',
      },
      {
        out: 'Herr Köhler, ich habe Ihnen am Telefon erklärt, dass wir einen respektvollen Umgang mit unseren Mitarbeitenden erwarten und Gespräche andernfalls beenden. Zur Sache: Ihre Zahlung ging zwei Tage nach Fälligkeit ein. Aus Kulanz erlassen wir Ihnen die Mahngebühr von 5,00 € dieses eine Mal; die Mahnung ist damit erledigt.',
        by: 'sabine',
      },
      { in: 'Na gut. Dann ist die Sache für mich erledigt.', by: 'sabine' },
      { set: { status: 'solved' }, by: 'sabine' },
    ],
  },
  {
    key: 'counter-return',
    subject: 'Rückgabe am Schalter: Kaffeemaschine, Milchaufschäumer wird nicht warm',
    requester: 'guenter',
    channel: 'walk_in',
    team: 'returns',
    openedBy: 'jonas',
    assignee: 'jonas',
    tags: ['counter-return', 'store-alexanderplatz'],
    fields: { order_number: 'BON-1109-0385-02', product: 'Coffee machine', purchase_date: '2026-11-09', amount_eur: 149.99 },
    first: {
      body: 'Ich habe die Kaffeemaschine vor drei Wochen hier gekauft. Der Milchaufschäumer wird nicht mehr warm. Ich möchte sie zurückgeben, den Kassenbon habe ich dabei.',
    },
    steps: [
      {
        note: 'Gerät am Schalter geprüft: Der Milchaufschäumer heizt nicht, sonst ist alles vollständig und in der Originalverpackung. Kassenbon vom 09.11. liegt vor. Der Kunde möchte kein Austauschgerät, sondern sein Geld zurück. Barauszahlung 149,99 € gegen Unterschrift auf dem Rückgabebeleg.',
        by: 'jonas',
      },
      {
        out: 'Herr Schröder, die Rückgabe ist erledigt: Sie erhalten 149,99 € in bar zurück, hier ist Ihr Rückgabebeleg. Darf ich noch kurz prüfen, ob Ihre Telefonnummer stimmt, damit wir Sie bei Rückfragen erreichen?',
        by: 'jonas',
      },
      { in: 'Ja, die Festnetznummer stimmt noch. Eine E-Mail-Adresse habe ich nicht.', by: 'jonas' },
      { set: { customStatus: 'refundIssued', fields: { refund_approved: true } }, by: 'jonas' },
      { set: { status: 'closed' }, by: 'jonas' },
    ],
  },
  {
    key: 'refund-approval',
    subject: 'İade talebi: kablosuz kulaklık beklentimi karşılamadı',
    requester: 'guelsen',
    channel: 'portal',
    team: 'returns',
    tags: ['refund'],
    fields: { order_number: '10-48890', product: 'Headphones', purchase_date: '2026-11-15', amount_eur: 249 },
    first: {
      body: `Merhaba,

15 Kasım'da sipariş ettiğim kablosuz kulaklığı (sipariş no. 10-48890) iade etmek istiyorum. Gürültü engelleme özelliği beklediğim kadar iyi değil, özellikle metroda neredeyse hiç fark yok. Kutusunu açtım ve birkaç gün kullandım ama kulaklık hasarsız. Ücretin kredi kartıma iade edilmesini rica ediyorum.

Teşekkürler,
Gülşen Aydın`,
    },
    steps: [
      { set: { assignee: 'ayse' }, by: 'ayse' },
      {
        note: 'Opened headphones, 249 € – above my refund limit of 150 € for used items. The customer is within the 30-day return period and the photos she uploaded in the portal show no damage. Asking Sabine Hoffmann to approve a full refund.',
        by: 'ayse',
      },
      { set: { customStatus: 'awaitingApproval' }, by: 'ayse' },
      {
        out: `Merhaba Gülşen Hanım,

iade talebiniz için teşekkür ederiz. Kulaklık 30 günlük iade süresi içinde olduğu için iade mümkün. Ürün kullanılmış olduğundan tam ücret iadesi için yöneticimin onayı gerekiyor; bu onayı bugün talep ettim. En geç iki iş günü içinde size tekrar yazacağım.

Saygılarımla,
Ayşe Kaya
Müşteri Hizmetleri – İadeler`,
        by: 'ayse',
      },
    ],
  },
  {
    key: 'double-vat',
    subject: 'Invoice INV-2026-0412 seems to charge VAT twice',
    requester: 'priya',
    channel: 'email',
    team: 'billing',
    tags: ['invoice'],
    fields: { order_number: '10-49377', amount_eur: 79.8 },
    first: {
      body: `Hello,

I've just received invoice INV-2026-0412 for my coffee machine and two packs of descaler. The net total is 420.00 €, but the 19 % VAT of 79.80 € appears twice – once on the item lines and again on the total – so the invoice asks for 579.60 € instead of 499.80 €.

Could you please check and send me a corrected invoice? I'd rather not pay until this is sorted.

Kind regards,
Priya Patel`,
    },
  },
  {
    key: 'billing-address',
    subject: 'Rechnungsadresse für das Firmenkonto Hotel Kaiserhof ändern',
    requester: 'doerte',
    channel: 'portal',
    team: 'billing',
    priority: 'low',
    tags: ['master-data'],
    first: {
      body: `Guten Tag,

ab dem 1. Januar lautet unsere Rechnungsanschrift: Hotel Kaiserhof Lübeck GmbH, Buchhaltung, Beckergrube 12, 23552 Lübeck. Bitte stellen Sie alle offenen und künftigen Rechnungen an diese Adresse aus und bestätigen Sie mir die Änderung kurz.

Vielen Dank und freundliche Grüße
Dörte Claßen
Einkauf, Hotel Kaiserhof Lübeck`,
    },
  },
  {
    key: 'scratched-phone',
    subject: 'Return request: phone arrived with a scratched screen',
    requester: 'james',
    channel: 'email',
    team: 'returns',
    fields: { order_number: '10-49102', product: 'Phone', purchase_date: '2026-11-28' },
    first: {
      body: `Hi,

My new phone (order 10-49102) arrived yesterday and there's a long scratch across the screen – it was like that when I took it out of the sealed box. I'd like to return it for a replacement rather than a refund. Do you need photos? I can send them today.

Thanks,
James O'Connor`,
    },
  },
  {
    key: 'wrong-tv',
    subject: 'Falscher Fernseher geliefert: 55 statt 65 Zoll',
    requester: 'annalena',
    channel: 'email',
    team: 'returns',
    priority: 'high',
    fields: { order_number: '10-49255', product: 'TV', purchase_date: '2026-11-26' },
    first: {
      body: `Guten Tag,

heute wurde mein Fernseher geliefert (Bestellung 10-49255) – allerdings das 55-Zoll-Modell statt des bestellten 65-Zoll-Geräts. Der Karton ist noch ungeöffnet. Bitte holen Sie das Gerät ab und liefern Sie das richtige Modell. Ich bin werktags ab 16 Uhr zu Hause.

Freundliche Grüße
Anna-Lena Böhm`,
    },
  },
];
