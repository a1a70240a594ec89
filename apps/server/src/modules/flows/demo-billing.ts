/**
 * Demo flow from seeds 002 and 003: a discrepancy on the bill or the credit-card statement —
 * charged twice, an amount that differs, a charge nobody recognises, a refund that is missing.
 */
import type { FlowDefinition } from '@switchboard/contracts';
import { t, type DemoTeams } from './demo-text.ts';

/** The tree of the "billing discrepancy" flow. */
export const billingDiscrepancy = (teams: DemoTeams): FlowDefinition => ({
  title: t('Discrepancy on the bill or card statement', 'Abweichung auf Rechnung oder Kreditkartenabrechnung', 'Erinevus arvel või kaardi väljavõttel', 'Faturada veya kart ekstresinde tutarsızlık'),
  description: t(
    'Charged twice, an amount that differs from the invoice, an unknown charge or a missing refund.',
    'Doppelt abgebucht, ein Betrag abweichend von der Rechnung, eine unbekannte Abbuchung oder eine fehlende Erstattung.',
    'Kaks korda maha võetud, arvest erinev summa, tundmatu makse või puuduv tagasimakse.',
    'İki kez tahsilat, faturadan farklı bir tutar, bilinmeyen bir ödeme veya gelmeyen bir iade.',
  ),
  start: 'what',
  steps: [
    {
      id: 'what',
      type: 'question',
      text: t('What does the statement show?', 'Was zeigt die Abrechnung?', 'Mida väljavõte näitab?', 'Ekstrede ne görünüyor?'),
      answers: [
        { id: 'twice', label: t('Charged twice for one purchase', 'Ein Einkauf doppelt abgebucht', 'Üks ost on kaks korda maha võetud', 'Bir alışveriş iki kez tahsil edilmiş'), next: 'capture-check' },
        { id: 'amount', label: t('An amount different from the invoice', 'Ein anderer Betrag als auf der Rechnung', 'Arvest erinev summa', 'Faturadan farklı bir tutar'), next: 'fx-check' },
        { id: 'unknown', label: t('A charge the customer does not recognise', 'Eine Abbuchung, die der Kunde nicht kennt', 'Makse, mida klient ei tunne', 'Müşterinin tanımadığı bir ödeme'), next: 'merchant' },
        { id: 'refund-missing', label: t('A refund that has not arrived', 'Eine Erstattung, die nicht angekommen ist', 'Tagasimakse, mis pole saabunud', 'Gelmeyen bir iade'), next: 'refund-age' },
      ],
    },
    {
      id: 'capture-check',
      type: 'check',
      text: t("Open the order's payments and compare them with the statement.", 'Öffnen Sie die Zahlungen der Bestellung und vergleichen Sie sie mit der Abrechnung.', 'Avage tellimuse maksed ja võrrelge neid väljavõttega.', 'Siparişin ödemelerini açın ve ekstreyle karşılaştırın.'),
      expected: t(
        'There are two captured payments for the same order (not one payment and one reservation).',
        'Es gibt zwei eingezogene Zahlungen für dieselbe Bestellung (nicht eine Zahlung und eine Reservierung).',
        'Samale tellimusele on kaks sooritatud makset (mitte üks makse ja üks broneering).',
        'Aynı sipariş için iki tahsil edilmiş ödeme var (bir ödeme ve bir provizyon değil).',
      ),
      pass: 'refund-double',
      fail: 'reservation',
    },
    {
      id: 'reservation',
      type: 'instruction',
      text: t(
        'Explain: the second entry is a card reservation. It disappears by itself within 7 days and is never charged.',
        'Erklären Sie: Der zweite Eintrag ist eine Kartenreservierung. Sie verschwindet innerhalb von 7 Tagen von selbst und wird nie abgebucht.',
        'Selgitage: teine kanne on kaardi broneering. See kaob 7 päeva jooksul iseenesest ja seda ei võeta kunagi maha.',
        'Açıklayın: ikinci kayıt bir kart provizyonudur. 7 gün içinde kendiliğinden kalkar ve asla tahsil edilmez.',
      ),
      next: 'reservation-explained',
    },
    {
      id: 'fx-check',
      type: 'check',
      text: t('Compare the invoice total with the amount on the statement.', 'Vergleichen Sie die Rechnungssumme mit dem Betrag auf der Abrechnung.', 'Võrrelge arve kogusummat väljavõttel oleva summaga.', 'Fatura toplamını ekstredeki tutarla karşılaştırın.'),
      expected: t(
        "The difference matches the bank's currency conversion or foreign transaction fee.",
        'Die Differenz entspricht der Währungsumrechnung oder Auslandsgebühr der Bank.',
        'Vahe vastab panga valuutavahetusele või välismaksetasule.',
        'Fark, bankanın döviz çevirisine veya yurt dışı işlem ücretine denk geliyor.',
      ),
      pass: 'fx-article',
      fail: 'invoice-check',
    },
    {
      id: 'merchant',
      type: 'question',
      text: t(
        'Read out date, amount and the “NORDLICHT*” reference. Does the customer recognise the purchase now?',
        'Lesen Sie Datum, Betrag und die Referenz „NORDLICHT*“ vor. Erkennt der Kunde den Einkauf jetzt?',
        'Lugege ette kuupäev, summa ja viide „NORDLICHT*“. Kas klient tunneb ostu nüüd ära?',
        'Tarihi, tutarı ve “NORDLICHT*” referansını okuyun. Müşteri alışverişi şimdi tanıyor mu?',
      ),
      answers: [
        { id: 'recognised', label: t('Yes, it was theirs', 'Ja, es war seiner', 'Jah, see oli tema oma', 'Evet, kendisine ait'), next: 'recognised' },
        { id: 'not-recognised', label: t('No', 'Nein', 'Ei', 'Hayır'), next: 'possible-fraud' },
      ],
    },
    {
      id: 'refund-age',
      type: 'check',
      text: t('Look up when the refund was issued.', 'Sehen Sie nach, wann die Erstattung ausgelöst wurde.', 'Vaadake, millal tagasimakse tehti.', 'İadenin ne zaman yapıldığına bakın.'),
      expected: t('The refund was issued more than 10 business days ago.', 'Die Erstattung wurde vor mehr als 10 Werktagen ausgelöst.', 'Tagasimakse tehti rohkem kui 10 tööpäeva tagasi.', 'İade 10 iş gününden daha önce yapıldı.'),
      pass: 'refund-overdue',
      fail: 'refund-wait',
    },
    {
      id: 'refund-double',
      type: 'outcome',
      text: t('Refund the duplicate payment.', 'Erstatten Sie die doppelte Zahlung.', 'Tagastage topeltmakse.', 'Mükerrer ödemeyi iade edin.'),
      outcome: { kind: 'refund', tags: ['double-charge'], teamId: teams.billing },
    },
    {
      id: 'reservation-explained',
      type: 'outcome',
      text: t('Card reservation explained; send the article on card statements.', 'Kartenreservierung erklärt; senden Sie den Artikel zur Kreditkartenabrechnung.', 'Kaardi broneering selgitatud; saatke artikkel kaardi väljavõtte kohta.', 'Kart provizyonu açıklandı; kart ekstresiyle ilgili makaleyi gönderin.'),
      outcome: { kind: 'article', status: 'solved', tags: ['card-reservation'], article: { slug: 'credit-card-statement-discrepancy' } },
    },
    {
      id: 'fx-article',
      type: 'outcome',
      text: t("The difference is the bank's fee; send the article on card statements.", 'Die Differenz ist die Gebühr der Bank; senden Sie den Artikel zur Kreditkartenabrechnung.', 'Vahe on panga tasu; saatke artikkel kaardi väljavõtte kohta.', 'Fark bankanın ücreti; kart ekstresiyle ilgili makaleyi gönderin.'),
      outcome: { kind: 'article', status: 'solved', tags: [], article: { slug: 'credit-card-statement-discrepancy' } },
    },
    {
      id: 'invoice-check',
      type: 'outcome',
      text: t('Invoice and charge do not match: Billing checks the invoice.', 'Rechnung und Abbuchung passen nicht zusammen: Die Buchhaltung prüft die Rechnung.', 'Arve ja makse ei klapi: arveldus kontrollib arvet.', 'Fatura ile tahsilat uyuşmuyor: Muhasebe faturayı kontrol eder.'),
      outcome: { kind: 'escalate', tags: ['invoice-check'], teamId: teams.billing },
    },
    {
      id: 'recognised',
      type: 'outcome',
      text: t('The customer recognised the purchase.', 'Der Kunde hat den Einkauf erkannt.', 'Klient tundis ostu ära.', 'Müşteri alışverişi tanıdı.'),
      outcome: { kind: 'resolved', tags: [] },
    },
    {
      id: 'possible-fraud',
      type: 'outcome',
      text: t(
        'Possible card misuse: Billing investigates; the customer should also call their bank.',
        'Möglicher Kartenmissbrauch: Die Buchhaltung ermittelt; der Kunde sollte zusätzlich seine Bank anrufen.',
        'Võimalik kaardi väärkasutus: arveldus uurib; klient peaks helistama ka oma pangale.',
        'Olası kart kötüye kullanımı: Muhasebe inceler; müşteri ayrıca bankasını aramalı.',
      ),
      outcome: { kind: 'escalate', tags: ['possible-fraud'], teamId: teams.billing },
    },
    {
      id: 'refund-overdue',
      type: 'outcome',
      text: t('The refund is overdue: Billing traces it with the bank.', 'Die Erstattung ist überfällig: Die Buchhaltung verfolgt sie mit der Bank.', 'Tagasimakse hilineb: arveldus uurib seda koos pangaga.', 'İade gecikti: Muhasebe bankayla birlikte takip eder.'),
      outcome: { kind: 'escalate', tags: ['refund-missing'], teamId: teams.billing },
    },
    {
      id: 'refund-wait',
      type: 'outcome',
      text: t(
        'Refunds take up to 10 business days; send the article on returns and refunds.',
        'Erstattungen dauern bis zu 10 Werktage; senden Sie den Artikel zu Rückgabe und Erstattung.',
        'Tagasimaksed võtavad kuni 10 tööpäeva; saatke artikkel tagastuste ja tagasimaksete kohta.',
        'İadeler 10 iş gününe kadar sürer; iade ve geri ödemeyle ilgili makaleyi gönderin.',
      ),
      outcome: { kind: 'article', status: 'pending', tags: [], article: { slug: 'return-and-refund-policy' } },
    },
  ],
});
