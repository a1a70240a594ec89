import type { DemoArticle } from './demo-model.ts';

/** Hotel and service articles: room changes, the hotel bill, booking appointments. */
export const hotelArticles: DemoArticle[] = [
  {
    slug: 'hotel-room-change',
    category: 'hotel-stays',
    visibility: 'public',
    source: 'et',
    texts: {
      et: {
        title: 'Hotellitoa vahetamine',
        summary: 'Liiga mürarikas, liiga soe või mitte see, mida broneerisite? Nii vahetate tuba meie Tallinna ja Berliini hotellides.',
        body: `<p>Kui teie tuba ei vasta ootustele – tänavamüra, katkine konditsioneer või vale voodi tüüp –, vahetame toa võimalusel <strong>samal päeval</strong>.</p>
<h2>Kuidas tuba vahetada</h2>
<ol><li>Pöörduge vastuvõttu või helistage numbril 9 toatelefonilt.</li><li>Öelge, mis ei sobi; vaiksemad toad on hoovipoolsed ja kõrgematel korrustel.</li><li>Uue võtmekaardi saate kohe; pagasi toome teie eest üle.</li></ol>
<p>Kui vaba tuba täna pole, broneerime teile vahetuse järgmiseks hommikuks. Sama hinnaklassi tuba ei maksa midagi lisaks; kõrgema klassi toa hinnavahe ütleme enne ette.</p>`,
      },
      en: {
        title: 'Changing your hotel room',
        summary: 'Too noisy, too warm or not what you booked? How to change rooms in our Tallinn and Berlin hotels.',
        body: `<p>If your room is not what you expected — street noise, a broken air conditioner or the wrong kind of bed — we change it <strong>the same day</strong> whenever we can.</p>
<h2>How to change rooms</h2>
<ol><li>Go to reception or dial 9 from the room phone.</li><li>Tell us what is wrong; the quietest rooms face the courtyard and are on the upper floors.</li><li>You get the new key card straight away; we move your luggage for you.</li></ol>
<p>If no room is free today, we book the change for the next morning. A room of the same category costs nothing extra; for a higher category we tell you the difference first.</p>`,
      },
      de: {
        title: 'Hotelzimmer wechseln',
        summary: 'Zu laut, zu warm oder nicht das gebuchte Zimmer? So wechseln Sie in unseren Hotels in Tallinn und Berlin das Zimmer.',
        body: `<p>Entspricht Ihr Zimmer nicht Ihren Erwartungen – Straßenlärm, eine defekte Klimaanlage oder die falsche Bettenart –, wechseln wir es nach Möglichkeit <strong>noch am selben Tag</strong>.</p>
<h2>So wechseln Sie das Zimmer</h2>
<ol><li>Wenden Sie sich an die Rezeption oder wählen Sie die 9 vom Zimmertelefon.</li><li>Sagen Sie uns, was nicht passt; die ruhigsten Zimmer liegen zum Innenhof und in den oberen Etagen.</li><li>Die neue Schlüsselkarte erhalten Sie sofort; Ihr Gepäck bringen wir hinüber.</li></ol>
<p>Ist heute kein Zimmer frei, buchen wir den Wechsel für den nächsten Morgen. Ein Zimmer derselben Kategorie kostet nichts extra; bei einer höheren Kategorie nennen wir Ihnen den Aufpreis vorher.</p>`,
      },
      tr: {
        title: 'Otel odanızı değiştirme',
        summary: 'Çok gürültülü, çok sıcak veya rezerve ettiğiniz oda değil mi? Tallinn ve Berlin otellerimizde oda değişikliği.',
        body: `<p>Odanız beklentinizi karşılamıyorsa – sokak gürültüsü, bozuk klima veya yanlış yatak tipi – mümkün olduğunda odanızı <strong>aynı gün</strong> değiştiririz.</p>
<h2>Oda nasıl değiştirilir?</h2>
<ol><li>Resepsiyona gidin veya oda telefonundan 9'u arayın.</li><li>Sorunu bize söyleyin; en sessiz odalar avluya bakar ve üst katlardadır.</li><li>Yeni anahtar kartınızı hemen alırsınız; bavullarınızı biz taşırız.</li></ol>
<p>Bugün boş oda yoksa değişikliği ertesi sabah için ayırırız. Aynı kategorideki oda için ek ücret yoktur; daha üst kategori için farkı önceden söyleriz.</p>`,
      },
    },
  },
  {
    slug: 'hotel-bill-charges-explained',
    category: 'hotel-stays',
    visibility: 'public',
    source: 'en',
    texts: {
      en: {
        title: 'Your hotel bill explained: minibar, late check-out, city tax',
        summary: 'What each line on your hotel bill means, and what to do if a charge looks wrong.',
        body: `<p>Your bill lists the room rate per night and everything added during your stay. These lines cause the most questions:</p>
<ul><li><strong>Minibar:</strong> counted by housekeeping the morning after use. If you did not take anything, tell us — we correct it without discussion.</li><li><strong>Late check-out:</strong> until 14:00 costs half a night's rate, after 14:00 a full night, unless reception agreed otherwise.</li><li><strong>City tax:</strong> a local tax per person and night (Tallinn and Berlin), not set by us.</li><li><strong>Reserved amount:</strong> the deposit taken at check-in is released when you check out; your bank shows it for up to 7 days.</li></ul>
<p>Found a charge that is wrong? Send us the bill number and the line in question. We reply within one working day and refund corrections to the card you paid with.</p>`,
      },
      de: {
        title: 'Ihre Hotelrechnung erklärt: Minibar, später Check-out, City-Tax',
        summary: 'Was jede Zeile Ihrer Hotelrechnung bedeutet und was Sie tun, wenn eine Position nicht stimmt.',
        body: `<p>Ihre Rechnung zeigt den Zimmerpreis pro Nacht und alles, was während des Aufenthalts dazukam. Diese Positionen werfen die meisten Fragen auf:</p>
<ul><li><strong>Minibar:</strong> wird am Morgen nach der Nutzung vom Housekeeping gezählt. Haben Sie nichts entnommen, sagen Sie es uns – wir korrigieren es ohne Diskussion.</li><li><strong>Später Check-out:</strong> bis 14:00 Uhr kostet er eine halbe Nacht, danach eine ganze, sofern die Rezeption nichts anderes vereinbart hat.</li><li><strong>City-Tax:</strong> eine örtliche Abgabe pro Person und Nacht (Tallinn und Berlin), nicht von uns festgelegt.</li><li><strong>Reservierter Betrag:</strong> die Kaution beim Check-in wird beim Check-out freigegeben; Ihre Bank zeigt sie bis zu 7 Tage an.</li></ul>
<p>Stimmt eine Position nicht? Senden Sie uns die Rechnungsnummer und die betreffende Zeile. Wir antworten innerhalb eines Werktags und erstatten Korrekturen auf die Karte, mit der Sie gezahlt haben.</p>`,
      },
      et: {
        title: 'Hotelliarve selgitus: minibaar, hiline väljaregistreerimine, linnamaks',
        summary: 'Mida tähendab iga rida teie hotelliarvel ja mida teha, kui mõni tasu tundub vale.',
        body: `<p>Arvel on toa hind öö kohta ja kõik, mis viibimise ajal lisandus. Kõige rohkem küsimusi tekitavad need read:</p>
<ul><li><strong>Minibaar:</strong> toateenindus loeb selle üle kasutamisele järgneval hommikul. Kui te midagi ei võtnud, öelge meile – parandame selle vaidlemata.</li><li><strong>Hiline väljaregistreerimine:</strong> kuni kella 14:00 maksab pool öö hinnast, pärast seda terve öö, kui vastuvõtt ei leppinud teisiti kokku.</li><li><strong>Linnamaks:</strong> kohalik maks inimese ja öö kohta (Tallinn ja Berliin), mida meie ei määra.</li><li><strong>Broneeritud summa:</strong> sisseregistreerimisel võetud tagatisraha vabastatakse väljaregistreerimisel; pank näitab seda kuni 7 päeva.</li></ul>
<p>Leidsite vale tasu? Saatke meile arve number ja küsimusega rida. Vastame ühe tööpäeva jooksul ja tagastame paranduse kaardile, millega maksite.</p>`,
      },
      tr: {
        title: 'Otel faturanızın açıklaması: minibar, geç çıkış, şehir vergisi',
        summary: 'Otel faturanızdaki her satırın anlamı ve bir ücret yanlış görünürse ne yapmanız gerektiği.',
        body: `<p>Faturanızda gecelik oda fiyatı ve konaklamanız sırasında eklenen her şey yer alır. En çok soru şu satırlarla ilgilidir:</p>
<ul><li><strong>Minibar:</strong> kullanımın ertesi sabahı kat hizmetleri tarafından sayılır. Hiçbir şey almadıysanız bize söyleyin – tartışmadan düzeltiriz.</li><li><strong>Geç çıkış:</strong> saat 14:00'e kadar yarım gecelik, sonrasında tam gecelik ücrettir; resepsiyonla başka bir anlaşma yapılmadıysa.</li><li><strong>Şehir vergisi:</strong> kişi ve gece başına yerel bir vergidir (Tallinn ve Berlin); bizim tarafımızdan belirlenmez.</li><li><strong>Bloke tutar:</strong> girişte alınan depozito çıkışta serbest bırakılır; bankanız bunu 7 güne kadar gösterebilir.</li></ul>
<p>Yanlış bir ücret mi buldunuz? Fatura numarasını ve ilgili satırı bize gönderin. Bir iş günü içinde yanıt verir, düzeltmeleri ödeme yaptığınız karta iade ederiz.</p>`,
      },
    },
  },
  {
    slug: 'booking-appointments',
    category: 'appointments-services',
    visibility: 'public',
    source: 'de',
    texts: {
      de: {
        title: 'Termin buchen: Installation, Einweisung und Service',
        summary: 'Wandmontage, Senderinstallation, Einweisung für Kaffeevollautomaten: so vereinbaren Sie einen Termin.',
        body: `<p>Unsere Techniker kommen zu Ihnen nach Hause oder ins Büro – für die Wandmontage eines Fernsehers, die Senderinstallation, die Einrichtung eines Laptops oder die Einweisung für einen Kaffeevollautomaten.</p>
<h2>So buchen Sie</h2>
<ol><li>Stellen Sie eine Anfrage im Portal, schreiben Sie uns oder rufen Sie an.</li><li>Nennen Sie das Gerät, die Adresse und zwei Wunschtermine.</li><li>Wir bestätigen den Termin mit einem Zeitfenster von zwei Stunden; am Vortag erinnern wir Sie per E-Mail.</li></ol>
<h2>Verschieben oder absagen</h2>
<p>Bis 24 Stunden vorher ist das kostenlos – antworten Sie einfach auf die Bestätigung. Bei späterer Absage berechnen wir eine Anfahrtspauschale von 29 €.</p>`,
      },
      en: {
        title: 'Booking an appointment: installation, set-up and service',
        summary: 'Wall mounting, channel set-up, coffee machine introduction: how to book a technician.',
        body: `<p>Our technicians come to your home or office — to mount a TV on the wall, set up channels, configure a laptop or show you how to use a bean-to-cup coffee machine.</p>
<h2>How to book</h2>
<ol><li>Open a request in the portal, write to us or call.</li><li>Tell us the device, the address and two times that suit you.</li><li>We confirm the appointment with a two-hour window and remind you by email the day before.</li></ol>
<h2>Moving or cancelling</h2>
<p>Free of charge up to 24 hours before — just reply to the confirmation. For later cancellations we charge a call-out fee of €29.</p>`,
      },
      et: {
        title: 'Aja broneerimine: paigaldus, juhendamine ja hooldus',
        summary: 'Teleri seinale paigaldus, kanalite häälestus, kohvimasina juhendamine: nii broneerite tehniku.',
        body: `<p>Meie tehnikud tulevad teie koju või kontorisse – teleri seinale paigaldamiseks, kanalite häälestamiseks, sülearvuti seadistamiseks või kohvimasina kasutamise juhendamiseks.</p>
<h2>Kuidas broneerida</h2>
<ol><li>Esitage portaalis pöördumine, kirjutage meile või helistage.</li><li>Öelge seade, aadress ja kaks teile sobivat aega.</li><li>Kinnitame aja kahetunnise ajavahemikuga ja tuletame päev varem e-kirjaga meelde.</li></ol>
<h2>Ümberbroneerimine või tühistamine</h2>
<p>Kuni 24 tundi enne on see tasuta – vastake lihtsalt kinnitusele. Hilisema tühistamise korral võtame väljakutsetasu 29 €.</p>`,
      },
      tr: {
        title: 'Randevu alma: kurulum, tanıtım ve servis',
        summary: 'Duvar montajı, kanal kurulumu, kahve makinesi tanıtımı: teknisyen randevusu nasıl alınır?',
        body: `<p>Teknisyenlerimiz evinize veya ofisinize gelir – televizyonu duvara monte etmek, kanalları kurmak, dizüstü bilgisayarı ayarlamak veya tam otomatik kahve makinesinin kullanımını göstermek için.</p>
<h2>Nasıl randevu alınır?</h2>
<ol><li>Portalda bir talep oluşturun, bize yazın veya arayın.</li><li>Cihazı, adresi ve size uygun iki zamanı belirtin.</li><li>Randevuyu iki saatlik bir zaman aralığıyla onaylar, bir gün önce e-postayla hatırlatırız.</li></ol>
<h2>Erteleme veya iptal</h2>
<p>24 saat öncesine kadar ücretsizdir – onay e-postasını yanıtlamanız yeterli. Daha geç iptallerde 29 € servis ücreti alınır.</p>`,
      },
    },
  },
];
