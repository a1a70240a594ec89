import type { DemoArticle } from './demo-model.ts';

/** Store and money articles: returns, the price-match promise, card statements, warranty. */
export const storeArticles: DemoArticle[] = [
  {
    slug: 'return-and-refund-policy',
    category: 'returns-refunds',
    visibility: 'public',
    source: 'de',
    policy: { teams: ['Returns'], tags: ['refund', 'counter-return'] },
    texts: {
      de: {
        title: 'Rückgabe und Erstattung: so funktioniert es',
        summary: '30 Tage Rückgaberecht im Markt und online; die Erstattung geht auf das ursprüngliche Zahlungsmittel.',
        body: `<p>Sie können Ware innerhalb von <strong>30 Tagen</strong> nach dem Kauf zurückgeben – im Markt am Rückgabeschalter oder per Post. Rückgaben sind auch ohne Originalverpackung möglich, wenn der Artikel vollständig ist.</p>
<h2>Was Sie mitbringen</h2>
<ul><li>den Kassenbon oder die Bestellnummer (z. B. 10-48213)</li><li>den Artikel mit Zubehör (Netzteil, Kabel, Fernbedienung)</li><li>die Zahlungskarte, falls Sie mit Karte bezahlt haben</li></ul>
<h2>Wann Sie Ihr Geld erhalten</h2>
<p>Die Erstattung geht immer auf das ursprüngliche Zahlungsmittel: bar an der Kasse sofort, auf Ihre Kreditkarte innerhalb von 3–5 Bankarbeitstagen. Auf der Kreditkartenabrechnung erscheint die Gutschrift als eigene Buchung.</p>
<h2>Ausnahmen</h2>
<p>Geöffnete Software, Speicherkarten und Hygieneartikel (z. B. In-Ear-Kopfhörer) nehmen wir nur bei einem Mangel zurück. Ist ein Gerät defekt, lesen Sie <a href="/help/de/articles/broken-device-warranty-replacement">Defektes Gerät: Garantie und Ersatz</a>.</p>`,
      },
      en: {
        title: 'Returns and refunds: how it works',
        summary: '30-day returns in store and online; the refund goes back to the original payment method.',
        body: `<p>You can return items within <strong>30 days</strong> of purchase — at the returns counter in any store or by post. Returns are possible without the original packaging as long as the item is complete.</p>
<h2>What to bring</h2>
<ul><li>the receipt or your order number (for example 10-48213)</li><li>the item with its accessories (charger, cables, remote control)</li><li>the card you paid with, if you paid by card</li></ul>
<h2>When you get your money back</h2>
<p>Refunds always go to the original payment method: cash at the till straight away, to your credit card within 3–5 banking days. The refund shows on your card statement as a separate entry.</p>
<h2>Exceptions</h2>
<p>Opened software, memory cards and hygiene items (such as in-ear headphones) can only be returned if they are faulty. If a device is broken, read <a href="/help/en/articles/broken-device-warranty-replacement">Broken device: warranty and replacement</a>.</p>`,
      },
      et: {
        title: 'Toote tagastamine ja raha tagastus',
        summary: 'Kaupa saab tagastada 30 päeva jooksul poes või posti teel; raha kantakse tagasi samale maksevahendile.',
        body: `<p>Kauba saab tagastada <strong>30 päeva</strong> jooksul alates ostust – poe tagastusletis või posti teel. Tagastus on võimalik ka ilma originaalpakendita, kui toode on komplektne.</p>
<h2>Mis kaasa võtta</h2>
<ul><li>ostutšekk või tellimuse number (näiteks 10-48213)</li><li>toode koos tarvikutega (laadija, kaablid, pult)</li><li>makstud kaart, kui maksite kaardiga</li></ul>
<h2>Millal raha tagasi tuleb</h2>
<p>Raha tagastame alati samale maksevahendile: sularaha kohe kassas, krediitkaardile 3–5 pangapäeva jooksul. Tagastus on kaardi väljavõttel eraldi kandena.</p>
<h2>Erandid</h2>
<p>Avatud tarkvara, mälukaarte ja hügieenitooteid (nt kõrvasisesed kõrvaklapid) võtame tagasi ainult puuduse korral. Kui seade on katki, loe artiklit <a href="/help/et/articles/broken-device-warranty-replacement">Katkine seade: garantii ja asendus</a>.</p>`,
      },
      tr: {
        title: 'İade ve geri ödeme: nasıl işler?',
        summary: 'Mağazada ve internette 30 gün iade hakkı; geri ödeme orijinal ödeme yöntemine yapılır.',
        body: `<p>Ürünleri satın alma tarihinden itibaren <strong>30 gün</strong> içinde iade edebilirsiniz – mağazadaki iade bankosunda veya posta ile. Ürün eksiksiz olduğu sürece orijinal ambalaj olmadan da iade mümkündür.</p>
<h2>Yanınızda getirmeniz gerekenler</h2>
<ul><li>fiş veya sipariş numarası (örneğin 10-48213)</li><li>aksesuarlarıyla birlikte ürün (şarj aleti, kablolar, kumanda)</li><li>kartla ödediyseniz ödeme yaptığınız kart</li></ul>
<h2>Paranızı ne zaman geri alırsınız?</h2>
<p>Geri ödeme her zaman orijinal ödeme yöntemine yapılır: nakit ödemelerde kasada hemen, kredi kartına 3–5 iş günü içinde. İade, kart ekstrenizde ayrı bir kayıt olarak görünür.</p>
<h2>İstisnalar</h2>
<p>Açılmış yazılımlar, hafıza kartları ve hijyen ürünleri (ör. kulak içi kulaklıklar) yalnızca arızalıysa iade alınır. Cihazınız bozuksa <a href="/help/tr/articles/broken-device-warranty-replacement">Bozuk cihaz: garanti ve değişim</a> makalesini okuyun.</p>`,
      },
    },
  },
  {
    slug: 'price-match-at-the-till',
    category: 'payments-bills',
    visibility: 'public',
    source: 'de',
    policy: { teams: ['Billing'], tags: ['wrong-price'] },
    texts: {
      de: {
        title: 'Falscher Preis an der Kasse: unser Preisversprechen',
        summary: 'Zeigt die Kasse mehr als das Preisschild, zahlen Sie den niedrigeren Preis – und bekommen die Differenz sofort zurück.',
        body: `<p>Es kommt vor, dass an der Kasse ein anderer Preis erscheint als am Regal oder im Prospekt. Dann gilt unser <strong>Preisversprechen</strong>: Sie zahlen den niedrigeren ausgewiesenen Preis.</p>
<h2>So gehen wir vor</h2>
<ol><li>Sagen Sie es direkt an der Kasse oder am Servicepunkt – oder schreiben Sie uns mit Foto des Preisschilds und Kassenbon.</li><li>Wir prüfen das Preisschild bzw. das Angebot.</li><li>Die Differenz erstatten wir sofort bar oder auf Ihre Karte.</li></ol>
<p>Haben Sie den Fehler erst zu Hause bemerkt, erstatten wir die Differenz auch nachträglich innerhalb von 30 Tagen.</p>
<p>Als Entschuldigung für die Unannehmlichkeit kann Ihnen unser Team zusätzlich einen Rabatt auf den Einkauf gewähren.</p>`,
      },
      en: {
        title: 'Wrong price at the till: our price-match promise',
        summary: 'If the till charges more than the shelf label, you pay the lower price and get the difference back at once.',
        body: `<p>Sometimes the till shows a different price from the shelf label or the leaflet. Our <strong>price-match promise</strong> applies: you pay the lower price shown.</p>
<h2>What we do</h2>
<ol><li>Tell the cashier or the service desk straight away — or write to us with a photo of the label and your receipt.</li><li>We check the label or the offer.</li><li>We refund the difference immediately in cash or to your card.</li></ol>
<p>If you only noticed at home, we refund the difference afterwards, within 30 days.</p>
<p>To make up for the trouble, our team may also give you a discount on the purchase.</p>`,
      },
      et: {
        title: 'Vale hind kassas: meie hinnalubadus',
        summary: 'Kui kassa küsib rohkem kui hinnasilt, maksate madalama hinna ja vahe tagastatakse kohe.',
        body: `<p>Vahel näitab kassa teist hinda kui riiulisilt või reklaamleht. Siis kehtib meie <strong>hinnalubadus</strong>: maksate madalama näidatud hinna.</p>
<h2>Kuidas toimime</h2>
<ol><li>Öelge kohe kassas või teeninduspunktis – või kirjutage meile hinnasildi foto ja ostutšekiga.</li><li>Kontrollime hinnasilti või pakkumist.</li><li>Hinnavahe tagastame kohe sularahas või kaardile.</li></ol>
<p>Kui märkasite viga alles kodus, tagastame vahe ka hiljem, 30 päeva jooksul.</p>
<p>Ebamugavuse heastamiseks võib meie meeskond anda ostult lisaks allahindlust.</p>`,
      },
      tr: {
        title: 'Kasada yanlış fiyat: fiyat eşleştirme sözümüz',
        summary: 'Kasa, raf etiketinden fazla fiyat çıkarırsa düşük fiyatı ödersiniz ve fark hemen iade edilir.',
        body: `<p>Bazen kasada raf etiketinden veya broşürden farklı bir fiyat görünür. Bu durumda <strong>fiyat eşleştirme sözümüz</strong> geçerlidir: gösterilen düşük fiyatı ödersiniz.</p>
<h2>Nasıl ilerliyoruz?</h2>
<ol><li>Durumu hemen kasiyere veya müşteri hizmetleri bankosuna bildirin – ya da etiketin fotoğrafı ve fişinizle bize yazın.</li><li>Etiketi veya kampanyayı kontrol ederiz.</li><li>Fiyat farkını hemen nakit olarak veya kartınıza iade ederiz.</li></ol>
<p>Hatayı evde fark ettiyseniz, farkı 30 gün içinde sonradan da iade ederiz.</p>
<p>Yaşadığınız sorun için ekibimiz ayrıca alışverişinize indirim de uygulayabilir.</p>`,
      },
    },
  },
  {
    slug: 'credit-card-statement-discrepancy',
    category: 'payments-bills',
    visibility: 'public',
    source: 'en',
    texts: {
      en: {
        title: 'A charge on your credit card statement looks wrong',
        summary: 'Double charges, missing refunds and reserved amounts: what they mean and how we sort them out.',
        body: `<p>If your credit card statement shows a charge you do not recognise, a payment taken twice or a refund that has not arrived, we will sort it out with you.</p>
<h2>Common reasons</h2>
<ul><li><strong>Reserved amount:</strong> hotels and online orders reserve an amount first; it disappears within 7 days or becomes the final charge.</li><li><strong>Refund still on its way:</strong> refunds reach your card within 3–5 banking days after the return was accepted.</li><li><strong>Charged twice:</strong> if a payment really went through twice, we refund the second one.</li></ul>
<h2>What we need from you</h2>
<p>Your order or receipt number, the date and amount of each charge, and the last four digits of the card. Never send us the full card number.</p>
<p>We usually answer a statement query within one working day. Please contact us before you dispute the charge with your bank: a chargeback takes weeks, we are quicker.</p>`,
      },
      de: {
        title: 'Eine Buchung auf Ihrer Kreditkartenabrechnung stimmt nicht',
        summary: 'Doppelte Abbuchungen, fehlende Erstattungen, reservierte Beträge: was dahinter steckt und wie wir es klären.',
        body: `<p>Sehen Sie auf Ihrer Kreditkartenabrechnung eine Buchung, die Sie nicht zuordnen können, eine doppelte Abbuchung oder eine Erstattung, die noch fehlt? Wir klären das mit Ihnen.</p>
<h2>Häufige Gründe</h2>
<ul><li><strong>Reservierter Betrag:</strong> Hotels und Online-Bestellungen reservieren zuerst einen Betrag; er verschwindet nach spätestens 7 Tagen oder wird zur endgültigen Buchung.</li><li><strong>Erstattung unterwegs:</strong> Erstattungen erreichen Ihre Karte 3–5 Bankarbeitstage nach Annahme der Rückgabe.</li><li><strong>Doppelt abgebucht:</strong> Wurde eine Zahlung wirklich zweimal belastet, erstatten wir die zweite.</li></ul>
<h2>Was wir von Ihnen brauchen</h2>
<p>Bestell- oder Bonnummer, Datum und Betrag jeder Buchung und die letzten vier Ziffern der Karte. Senden Sie uns niemals die vollständige Kartennummer.</p>
<p>Eine Abrechnungsfrage beantworten wir meist innerhalb eines Werktags. Bitte melden Sie sich bei uns, bevor Sie die Buchung bei Ihrer Bank reklamieren: Eine Rückbuchung dauert Wochen, wir sind schneller.</p>`,
      },
      et: {
        title: 'Krediitkaardi väljavõttel on vale tehing',
        summary: 'Topeltmaksed, puuduvad tagastused ja broneeritud summad: mida need tähendavad ja kuidas me need lahendame.',
        body: `<p>Kui krediitkaardi väljavõttel on tehing, mida te ei tunne, kaks korda võetud makse või tagastus, mis pole kohale jõudnud, lahendame selle koos.</p>
<h2>Levinud põhjused</h2>
<ul><li><strong>Broneeritud summa:</strong> hotellid ja e-poe tellimused broneerivad kõigepealt summa; see kaob 7 päeva jooksul või muutub lõplikuks makseks.</li><li><strong>Tagastus on teel:</strong> raha jõuab kaardile 3–5 pangapäeva pärast tagastuse vastuvõtmist.</li><li><strong>Topeltmakse:</strong> kui makse läks tõesti kaks korda läbi, tagastame teise.</li></ul>
<h2>Mida me teilt vajame</h2>
<p>Tellimuse või tšeki numbrit, iga tehingu kuupäeva ja summat ning kaardi nelja viimast numbrit. Ärge saatke meile kunagi kogu kaardinumbrit.</p>
<p>Väljavõtte küsimusele vastame tavaliselt ühe tööpäeva jooksul. Võtke palun meiega ühendust enne, kui vaidlustate tehingu pangas: tagasinõue võtab nädalaid, meie oleme kiiremad.</p>`,
      },
      tr: {
        title: 'Kredi kartı ekstrenizdeki bir işlem yanlış görünüyor',
        summary: 'Çift çekimler, gelmeyen iadeler ve bloke tutarlar: ne anlama gelir ve nasıl çözeriz?',
        body: `<p>Kredi kartı ekstrenizde tanımadığınız bir işlem, iki kez çekilen bir ödeme veya henüz gelmeyen bir iade görüyorsanız, bunu sizinle birlikte çözeriz.</p>
<h2>Sık görülen nedenler</h2>
<ul><li><strong>Bloke tutar:</strong> oteller ve internet siparişleri önce bir tutarı bloke eder; bu tutar en geç 7 gün içinde kalkar veya kesin ödemeye dönüşür.</li><li><strong>İade yolda:</strong> iadeler, iadenin kabulünden sonra 3–5 iş günü içinde kartınıza ulaşır.</li><li><strong>Çift çekim:</strong> bir ödeme gerçekten iki kez çekildiyse ikincisini iade ederiz.</li></ul>
<h2>Sizden neye ihtiyacımız var?</h2>
<p>Sipariş veya fiş numarası, her işlemin tarihi ve tutarı ile kartın son dört hanesi. Bize asla kartın tam numarasını göndermeyin.</p>
<p>Ekstre sorularını genellikle bir iş günü içinde yanıtlarız. İşleme bankanız üzerinden itiraz etmeden önce lütfen bizimle iletişime geçin: ters ibraz haftalar sürer, biz daha hızlıyız.</p>`,
      },
    },
  },
  {
    slug: 'broken-device-warranty-replacement',
    category: 'warranty-repairs',
    visibility: 'public',
    source: 'en',
    policy: { teams: ['Technical Support'], tags: ['troubleshooting'] },
    texts: {
      en: {
        title: 'Broken device: warranty, repair and replacement',
        summary: 'Two years of warranty on every device; within 30 days we replace a faulty device free of charge.',
        body: `<p>Every device we sell — laptops, phones, TVs, coffee machines and headphones — comes with a <strong>two-year warranty</strong>.</p>
<h2>Within 30 days of purchase</h2>
<p>If the device is faulty, we give you a <strong>free replacement</strong> straight away at the returns counter, or send one as soon as the faulty device reaches us.</p>
<h2>After 30 days</h2>
<ol><li>Try the troubleshooting steps for your device first: many problems (no charging, no picture, Bluetooth) are solved in minutes.</li><li>If the fault stays, we repair the device free of charge. A repair usually takes 7–10 working days.</li><li>If it cannot be repaired, you get an equivalent new device.</li></ol>
<p>Damage from a fall, liquid or opening the device is not covered by the warranty; we will gladly make you a repair quote.</p>`,
      },
      de: {
        title: 'Defektes Gerät: Garantie, Reparatur und Ersatz',
        summary: 'Zwei Jahre Garantie auf jedes Gerät; in den ersten 30 Tagen tauschen wir ein defektes Gerät kostenlos um.',
        body: `<p>Auf jedes Gerät, das wir verkaufen – Laptops, Handys, Fernseher, Kaffeemaschinen und Kopfhörer – geben wir <strong>zwei Jahre Garantie</strong>.</p>
<h2>In den ersten 30 Tagen</h2>
<p>Ist das Gerät defekt, erhalten Sie sofort am Rückgabeschalter einen <strong>kostenlosen Ersatz</strong>, oder wir schicken ihn, sobald das defekte Gerät bei uns ist.</p>
<h2>Nach 30 Tagen</h2>
<ol><li>Probieren Sie zuerst die Schritte zur Fehlerbehebung für Ihr Gerät: Viele Probleme (lädt nicht, kein Bild, Bluetooth) sind in Minuten gelöst.</li><li>Bleibt der Fehler, reparieren wir das Gerät kostenlos. Eine Reparatur dauert meist 7–10 Werktage.</li><li>Lässt es sich nicht reparieren, erhalten Sie ein gleichwertiges neues Gerät.</li></ol>
<p>Schäden durch Sturz, Flüssigkeit oder Öffnen des Geräts deckt die Garantie nicht ab; gern erstellen wir Ihnen einen Kostenvoranschlag.</p>`,
      },
      et: {
        title: 'Katkine seade: garantii, remont ja asendus',
        summary: 'Igale seadmele kaks aastat garantiid; 30 päeva jooksul vahetame vigase seadme tasuta välja.',
        body: `<p>Igal meie müüdud seadmel – sülearvutid, telefonid, telerid, kohvimasinad ja kõrvaklapid – on <strong>kaheaastane garantii</strong>.</p>
<h2>30 päeva jooksul pärast ostu</h2>
<p>Kui seade on vigane, saate tagastusletis kohe <strong>tasuta asendusseadme</strong> või saadame selle, kui vigane seade on meieni jõudnud.</p>
<h2>Pärast 30 päeva</h2>
<ol><li>Proovige kõigepealt oma seadme tõrkeotsingu samme: paljud probleemid (ei lae, pole pilti, Bluetooth) lahenevad minutitega.</li><li>Kui viga püsib, parandame seadme tasuta. Remont kestab tavaliselt 7–10 tööpäeva.</li><li>Kui seadet ei saa parandada, saate samaväärse uue seadme.</li></ol>
<p>Kukkumisest, vedelikust või seadme avamisest tekkinud kahjusid garantii ei kata; teeme hea meelega remondi hinnapakkumise.</p>`,
      },
      tr: {
        title: 'Bozuk cihaz: garanti, onarım ve değişim',
        summary: 'Her cihaza iki yıl garanti; ilk 30 gün içinde arızalı cihazı ücretsiz değiştiririz.',
        body: `<p>Sattığımız her cihaz – dizüstü bilgisayarlar, telefonlar, televizyonlar, kahve makineleri ve kulaklıklar – <strong>iki yıl garantilidir</strong>.</p>
<h2>Satın almadan sonraki 30 gün içinde</h2>
<p>Cihaz arızalıysa iade bankosunda hemen <strong>ücretsiz değişim</strong> yaparız veya arızalı cihaz bize ulaşır ulaşmaz yenisini göndeririz.</p>
<h2>30 günden sonra</h2>
<ol><li>Önce cihazınız için sorun giderme adımlarını deneyin: birçok sorun (şarj olmama, görüntü yok, Bluetooth) dakikalar içinde çözülür.</li><li>Arıza devam ederse cihazı ücretsiz onarırız. Onarım genellikle 7–10 iş günü sürer.</li><li>Onarılamazsa eşdeğer yeni bir cihaz alırsınız.</li></ol>
<p>Düşme, sıvı teması veya cihazın açılmasından kaynaklanan hasarlar garanti kapsamında değildir; size memnuniyetle onarım teklifi hazırlarız.</p>`,
      },
    },
  },
];
