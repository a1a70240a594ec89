/**
 * Demo flow from seed 001: an item rang up at the wrong price. Compare the receipt with the
 * label; refund the difference, or escalate large amounts for approval.
 */
import type { FlowDefinition } from '@switchboard/contracts';
import { t, type DemoTeams } from './demo-text.ts';

/** The tree of the "wrong price at the till" flow. */
export const wrongPrice = (teams: DemoTeams): FlowDefinition => ({
  title: t('Wrong price at the till', 'Falscher Preis an der Kasse', 'Kassas vale hind', 'Kasada yanlış fiyat'),
  description: t(
    'An item rang up at a different price than the label, the advertisement or the online shop showed.',
    'Ein Artikel wurde zu einem anderen Preis berechnet, als Etikett, Werbung oder Onlineshop zeigten.',
    'Toode löödi kassast läbi teise hinnaga, kui näitas hinnasilt, reklaam või e-pood.',
    'Bir ürün etikette, reklamda veya çevrimiçi mağazada gösterilenden farklı bir fiyattan kasadan geçti.',
  ),
  start: 'where',
  steps: [
    {
      id: 'where',
      type: 'question',
      text: t('Where was the purchase paid?', 'Wo wurde der Einkauf bezahlt?', 'Kus ost tasuti?', 'Alışverişin ödemesi nerede yapıldı?'),
      answers: [
        { id: 'store', label: t('In a store, at the till', 'Im Geschäft, an der Kasse', 'Kaupluses, kassas', 'Mağazada, kasada'), next: 'receipt' },
        { id: 'online', label: t('In the online shop', 'Im Onlineshop', 'E-poes', 'Çevrimiçi mağazada'), next: 'online-check' },
      ],
    },
    {
      id: 'receipt',
      type: 'question',
      text: t('Is the receipt at hand?', 'Liegt der Kassenbon vor?', 'Kas kassatšekk on olemas?', 'Fiş elinizde mi?'),
      answers: [
        { id: 'yes', label: t('Yes', 'Ja', 'Jah', 'Evet'), next: 'compare' },
        { id: 'no', label: t('No', 'Nein', 'Ei', 'Hayır'), next: 'lookup' },
      ],
    },
    {
      id: 'lookup',
      type: 'instruction',
      text: t(
        'Find the purchase by date, store and the last four digits of the card, and open the copy of the receipt.',
        'Suchen Sie den Einkauf über Datum, Filiale und die letzten vier Ziffern der Karte und öffnen Sie die Bonkopie.',
        'Leidke ost kuupäeva, kaupluse ja kaardi nelja viimase numbri järgi ning avage tšeki koopia.',
        'Alışverişi tarih, mağaza ve kartın son dört hanesiyle bulun ve fişin kopyasını açın.',
      ),
      next: 'compare',
    },
    {
      id: 'compare',
      type: 'check',
      text: t(
        'Compare the price on the receipt with the shelf label or the advertisement on the day of purchase.',
        'Vergleichen Sie den Preis auf dem Bon mit dem Regaletikett oder der Werbung am Kauftag.',
        'Võrrelge tšekil olevat hinda ostupäeva riiulisildi või reklaamiga.',
        'Fişteki fiyatı, satın alma günündeki raf etiketi veya reklamla karşılaştırın.',
      ),
      expected: t('The receipt shows a higher price than advertised.', 'Der Bon zeigt einen höheren Preis als ausgezeichnet.', 'Tšekil on kõrgem hind kui reklaamitud.', 'Fişte ilan edilenden daha yüksek bir fiyat görünüyor.'),
      pass: 'difference',
      fail: 'correct-price',
    },
    {
      id: 'online-check',
      type: 'check',
      text: t(
        'Compare the order confirmation with the price history of the product page on the order date.',
        'Vergleichen Sie die Bestellbestätigung mit dem Preisverlauf der Produktseite am Bestelltag.',
        'Võrrelge tellimuse kinnitust tootelehe hinnaajalooga tellimuse päeval.',
        'Sipariş onayını, sipariş tarihindeki ürün sayfasının fiyat geçmişiyle karşılaştırın.',
      ),
      expected: t('The order was charged higher than the shop showed.', 'Die Bestellung wurde höher berechnet, als der Shop zeigte.', 'Tellimuse eest võeti rohkem, kui pood näitas.', 'Siparişten mağazada gösterilenden daha yüksek ücret alındı.'),
      pass: 'difference',
      fail: 'correct-price',
    },
    {
      id: 'difference',
      type: 'question',
      text: t('How large is the difference?', 'Wie groß ist die Differenz?', 'Kui suur on vahe?', 'Fark ne kadar?'),
      detail: t(
        'Apologise: the advertised price applies. Agents may refund differences up to €50 themselves.',
        'Entschuldigen Sie sich: Es gilt der ausgezeichnete Preis. Differenzen bis 50 € dürfen Sie selbst erstatten.',
        'Vabandage: kehtib reklaamitud hind. Kuni 50 € vahe võite ise tagastada.',
        'Özür dileyin: ilan edilen fiyat geçerlidir. 50 €’ya kadar olan farkı kendiniz iade edebilirsiniz.',
      ),
      answers: [
        { id: 'small', label: t('Up to €50', 'Bis 50 €', 'Kuni 50 €', '50 €’ya kadar'), next: 'refund-difference' },
        { id: 'large', label: t('More than €50', 'Mehr als 50 €', 'Üle 50 €', '50 €’dan fazla'), next: 'approval' },
      ],
    },
    {
      id: 'correct-price',
      type: 'outcome',
      text: t(
        'The price was correct: explain how it was made up and send the price policy.',
        'Der Preis war korrekt: Erklären Sie, wie er zustande kam, und senden Sie die Preisrichtlinie.',
        'Hind oli õige: selgitage, kuidas see kujunes, ja saatke hinnapoliitika.',
        'Fiyat doğruydu: nasıl oluştuğunu açıklayın ve fiyat politikasını gönderin.',
      ),
      outcome: { kind: 'article', status: 'solved', tags: [], article: { slug: 'price-match-at-the-till' } },
    },
    {
      id: 'refund-difference',
      type: 'outcome',
      text: t(
        'Refund the difference to the original payment method and apologise.',
        'Erstatten Sie die Differenz auf das ursprüngliche Zahlungsmittel und entschuldigen Sie sich.',
        'Tagastage vahe algsele makseviisile ja vabandage.',
        'Farkı orijinal ödeme yöntemine iade edin ve özür dileyin.',
      ),
      outcome: { kind: 'refund', tags: ['price-correction'], teamId: teams.billing },
    },
    {
      id: 'approval',
      type: 'outcome',
      text: t(
        'Differences over €50 need approval: Billing checks and refunds.',
        'Differenzen über 50 € brauchen eine Freigabe: Die Buchhaltung prüft und erstattet.',
        'Üle 50 € vahe vajab kinnitust: arveldus kontrollib ja tagastab.',
        '50 €’yu aşan farklar onay gerektirir: Muhasebe kontrol edip iade eder.',
      ),
      outcome: { kind: 'escalate', tags: ['price-correction', 'approval-needed'], teamId: teams.billing },
    },
  ],
});
