import type { CaseSeed } from './model.ts';

/** Cases of technical support (troubleshooting, a satisfaction survey call) and of the hotels' reservations desk. */
export const serviceCases: CaseSeed[] = [
  {
    key: 'broken-phone',
    subject: 'Yeni telefon şarj olmuyor',
    requester: 'zeynep',
    channel: 'chat',
    team: 'technical',
    tags: ['troubleshooting'],
    fields: { order_number: '10-48577', product: 'Phone', purchase_date: '2026-11-17' },
    first: { body: 'Merhaba, iki hafta önce sizden aldığım telefon dünden beri şarj olmuyor. Kabloyu takınca hiçbir şey olmuyor.' },
    steps: [
      { set: { assignee: 'emre' }, by: 'emre' },
      {
        out: 'Merhaba Zeynep Hanım, yaşadığınız sorun için çok üzgünüm, birlikte hemen bakalım. Önce şunu deneyebilir misiniz: telefonla birlikte gelen orijinal kabloyu ve adaptörü başka bir prize takın. Ekranda şarj simgesi görünüyor mu?',
        by: 'emre',
      },
      { in: 'Orijinal kablo ve adaptörle denedim, başka bir prizde de. Simge çıkmıyor.' },
      { note: 'Adım 1: Orijinal kablo ve adaptör, farklı priz → şarj yok.', by: 'emre' },
      {
        out: 'Teşekkürler. Şimdi lütfen şarj girişine bir el feneriyle bakın: içinde toz ya da tüy var mı? Varsa tahta bir kürdanla çok dikkatli temizleyebilirsiniz. Ardından güç ve ses kısma tuşlarını 15 saniye basılı tutarak telefonu yeniden başlatın.',
        by: 'emre',
      },
      { in: 'Giriş temiz görünüyor. Yeniden başlattım ama yine şarj olmuyor. Kablosuz şarj cihazım da yok.' },
      {
        note: 'Adım 2: Şarj girişi temiz, zorla yeniden başlatma yapıldı → şarj yok.\nAdım 3: Telefon açılıyor (pil %14), yeniden başlatmadan sonra da şarj algılanmıyor → yazılım değil, büyük olasılıkla şarj girişi ya da şarj devresi arızalı.\nSonuç: Cihaz 14 günlük değişim süresi içinde. Ücretsiz değişim için İadeler ekibine aktarıyorum.',
        by: 'emre',
      },
      {
        out: 'Tüm adımları denediğiniz için teşekkür ederim. Sorun büyük olasılıkla şarj girişindeki bir donanım arızası; bunu uzaktan çözemeyiz. Telefonunuz 14 günlük değişim süresi içinde olduğu için size ücretsiz olarak yeni bir cihaz göndereceğiz. Talebinizi iade ekibimize aktarıyorum; meslektaşım kargo bilgilerini size e-postayla iletecek.',
        by: 'emre',
      },
      { set: { team: 'returns', assignee: null, addTags: ['replacement'] }, by: 'emre' },
      { set: { assignee: 'ayse' }, by: 'ayse' },
      {
        out: `Merhaba Zeynep Hanım,

ben Ayşe, iade ekibinden. Yeni telefonunuz bugün kargoya verildi, takip numarası: 7312 4455 9081. Kurye yeni cihazı teslim ederken arızalı telefonu da alacak; lütfen önceden verilerinizi yedekleyip telefonu fabrika ayarlarına sıfırlayın. Sizden hiçbir ücret alınmayacak.

Saygılarımla,
Ayşe Kaya`,
        by: 'ayse',
        channel: 'email',
      },
      { in: 'Çok teşekkür ederim, bu kadar hızlı çözüleceğini beklemiyordum!', channel: 'email' },
      { set: { status: 'solved' }, by: 'ayse' },
    ],
  },
  {
    key: 'coffee-machine',
    subject: 'Kaffeevollautomat im Café zeigt Fehler E-07 (Brüheinheit)',
    requester: 'hauke',
    channel: 'phone',
    team: 'technical',
    priority: 'urgent',
    openedBy: 'lukas',
    assignee: 'lukas',
    tags: ['troubleshooting'],
    fields: { order_number: '10-45120', product: 'Coffee machine', purchase_date: '2026-06-18' },
    first: {
      body: 'Unser Kaffeevollautomat im Café zeigt seit heute früh den Fehler E-07 und gibt keinen Kaffee mehr aus. Am Samstag ist bei uns viel los – können Sie uns schnell helfen?',
    },
    steps: [
      {
        note: `Fehlersuche am Telefon mit Herrn Hansen:
1. Gerät ausgeschaltet, nach 30 Sekunden wieder eingeschaltet → E-07 bleibt.
2. Brüheinheit entnommen, unter fließendem Wasser gereinigt, wieder eingesetzt → E-07 bleibt.
3. Tresterbehälter und Abtropfschale geleert, Sitz der Schale geprüft → ohne Wirkung.
4. Beim Einschalten läuft der Motor der Brüheinheit kurz an und stoppt → Antriebsmotor der Brüheinheit defekt.
Gerät ist in der Garantie (Kauf im Juni 2026).`,
        by: 'lukas',
      },
      {
        out: 'Herr Hansen, vielen Dank für Ihre Geduld bei den Tests. Der Antriebsmotor der Brüheinheit ist defekt; das ist ein Garantiefall. Wir bestellen das Ersatzteil heute, unser Techniker baut es bei Ihnen vor Ort ein. Bis dahin bekommen Sie kostenlos ein Leihgerät, das morgen bis 10 Uhr geliefert wird.',
        by: 'lukas',
      },
      { in: 'Sehr gut, das Leihgerät rettet uns den Samstag. Danke!', by: 'lukas' },
      { set: { customStatus: 'waitingForParts', addTags: ['warranty', 'loaner'] }, by: 'lukas' },
    ],
  },
  {
    key: 'laptop-boot',
    subject: 'Sülearvuti ei käivitu pärast tarkvarauuendust',
    requester: 'kristjan',
    channel: 'email',
    team: 'technical',
    priority: 'high',
    tags: ['troubleshooting'],
    fields: { order_number: '10-46630', product: 'Laptop', purchase_date: '2026-10-21' },
    first: {
      body: `Tere!

Ostsin teie e-poest oktoobris sülearvuti (tellimus 10-46630). Eile õhtul tegi see tarkvarauuenduse ja täna hommikul ei lähe see enam käima: ekraan jääb mustaks, põleb ainult toitenupu tuli. Arvutis on tööfailid, mida vajan homseks. Mida ma saan teha?

Kristjan Tamm`,
    },
    steps: [
      { set: { assignee: 'mari' }, by: 'mari' },
      {
        note: 'Tõrkeotsing, samm 1: toitenupu tuli põleb, seega arvuti saab voolu. Samm 2: palun kliendil teha sundtaaskäivitus ja proovida välist monitori, et eristada ekraaniviga käivitusveast.',
        by: 'mari',
      },
      {
        out: `Tere, Kristjan!

Vabandan ebamugavuse pärast – proovime selle koos lahendada nii, et teie failid alles jääksid.

1. Eemaldage laadija ja kõik USB-seadmed ning hoidke toitenuppu 20 sekundit all.
2. Ühendage laadija tagasi ja lülitage arvuti sisse.
3. Kui ekraan jääb ikka mustaks, ühendage arvuti HDMI-kaabliga teleri või monitoriga ja andke teada, kas seal on pilt.

Need sammud teie faile ei kustuta.

Parimate soovidega
Mari Kask
Tehniline tugi`,
        by: 'mari',
      },
      { set: { status: 'pending' }, by: 'mari' },
    ],
  },
  {
    key: 'headphones-bluetooth',
    subject: 'Kõrvaklapid ei ühendu telefoniga Bluetoothi kaudu',
    requester: 'triin',
    channel: 'chat',
    team: 'technical',
    fields: { product: 'Headphones', purchase_date: '2026-12-01' },
    first: { body: 'Tere! Ostsin eile juhtmevabad kõrvaklapid, aga telefon ei leia neid üldse. Proovisin juba mitu korda. Mida teha?' },
  },
  {
    key: 'tv-no-picture',
    subject: 'TV has sound but no picture after the latest update',
    requester: 'hannah',
    channel: 'email',
    team: 'technical',
    fields: { order_number: '10-44018', product: 'TV', purchase_date: '2026-09-12' },
    first: {
      body: `Hello,

Since the firmware update last night our TV (bought from you in September) has sound but no picture – the screen stays black, although the standby light is on. We've unplugged it for ten minutes and tried different HDMI inputs. Is there a way to roll back the update?

Best wishes,
Hannah Scott`,
    },
  },
  {
    key: 'survey-call',
    subject: 'Memnuniyet anketi: bekleme süresiyle ilgili öneri yönetime iletildi',
    requester: 'selin',
    channel: 'phone',
    team: 'technical',
    priority: 'low',
    openedBy: 'emre',
    assignee: 'emre',
    tags: ['survey'],
    first: {
      direction: 'outbound',
      body: 'Selin Hanım, geçen haftaki destek görüşmemizden sonra kısa bir memnuniyet anketi için arıyorum. Sorununuz çözüldü mü? Memnuniyetinizi 1 ile 5 arasında nasıl değerlendirirsiniz? Bizi arkadaşlarınıza tavsiye etme olasılığınızı 0 ile 10 arasında nasıl puanlarsınız?',
    },
    steps: [
      {
        in: 'Evet, sorunum çözüldü. Memnuniyet puanım 4, tavsiye puanım 8. Görüşmeden çok memnun kaldım ama hatta 20 dakika bekledim. Bekleme sırasında kaçıncı sırada olduğumu söyleyen bir anons ya da geri arama seçeneği olsa çok daha iyi olurdu.',
        by: 'emre',
      },
      {
        note: 'Anket sonucu: çözüldü = evet, memnuniyet 4/5, tavsiye puanı 8/10.\nMüşteri önerisi: bekleme sırasında sıra bilgisi anonsu ve geri arama seçeneği. Öneriyi haftalık yönetim raporuna "Müşteri önerileri" başlığıyla ekledim ve Elif Şahin’e ilettim.',
        by: 'emre',
      },
      {
        note: 'Öneriyi yönetime (Thomas Krüger) ilettim. Geri arama seçeneği, ilk çeyrekteki telefon sistemi değerlendirmesinde ele alınacak.',
        by: 'elif',
      },
      { out: 'Değerli öneriniz ve ankete katıldığınız için çok teşekkür ederiz, Selin Hanım. Önerinizi yönetimimize ilettik.', by: 'emre' },
      { set: { status: 'solved', addTags: ['suggestion'] }, by: 'emre' },
    ],
  },
  {
    key: 'room-change',
    subject: 'Toavahetus: tänavamüra tõttu vaiksem tuba',
    requester: 'liis',
    channel: 'walk_in',
    team: 'reservations',
    openedBy: 'andres',
    assignee: 'andres',
    tags: ['hotel-tallinn'],
    fields: { room_number: '214' },
    first: {
      body: 'Tere! Minu tuba 214 on otse tänava poole ja öösel oli nii lärmakas, et ma ei saanud üldse magada. Kas ma saaksin ülejäänud kolmeks ööks vaiksema toa?',
    },
    steps: [
      {
        note: 'Kontrollisin vabu tubasid: hoovipoolne tuba 508 on vaba laupäevani, sama toatüüp ja hind. Toateenindus kinnitas, et tuba on koristatud.',
        by: 'andres',
      },
      {
        out: 'Vabandame halva öö pärast! Teie uus tuba on 508, see asub hoovi pool ja on palju vaiksem. Kui soovite, toome teie asjad ise üle – siin on uus võtmekaart. Homne hommikusöök on meie poolt tasuta.',
        by: 'andres',
      },
      { in: 'Suur aitäh, see on väga tore!', by: 'andres' },
      { set: { status: 'solved', fields: { room_number: '508' }, addTags: ['room-change', 'goodwill'] }, by: 'andres' },
    ],
  },
  {
    key: 'appointment',
    subject: 'Randevu talebi: televizyon duvar montajı ve kanal kurulumu',
    requester: 'ibrahim',
    channel: 'phone',
    team: 'reservations',
    openedBy: 'emre',
    assignee: 'emre',
    tags: ['appointment'],
    fields: { order_number: '10-48731', product: 'TV' },
    first: {
      body: 'Geçen hafta sizden 65 inç bir televizyon aldım. Duvara montaj ve kanal kurulumu için teknisyen randevusu almak istiyorum; hafta içi akşamları ya da cumartesi günü uygunum.',
    },
    steps: [
      {
        note: 'Montaj ekibinin takvimi: 12 Aralık Cumartesi 10:00–12:00 ve 16 Aralık Çarşamba 18:00–20:00 boş. Duvar betonarme (müşteri teyit etti), duvar askı aparatı televizyonla birlikte gelmiş.',
        by: 'emre',
      },
      {
        out: 'İbrahim Bey, sizin için 12 Aralık Cumartesi saat 10:00–12:00 arasına randevu oluşturdum. Teknisyenimiz gelmeden 30 dakika önce sizi arayacak. Montaj ve kanal kurulumu ücreti 89 €; ödemeyi kurulumdan sonra kartla yapabilirsiniz. Randevu onayını ayrıca SMS ile gönderiyorum.',
        by: 'emre',
      },
      { in: 'Cumartesi benim için çok uygun, teşekkürler.', by: 'emre' },
      { set: { status: 'solved' }, by: 'emre' },
    ],
  },
  {
    key: 'group-booking',
    subject: 'Grup rezervasyonu: Mart ayı için 12 oda ve grup indirimi',
    requester: 'sebnem',
    channel: 'email',
    team: 'reservations',
    priority: 'high',
    tags: ['hotel-tallinn', 'group-booking'],
    first: {
      body: `Merhaba,

Boğaziçi Turizm olarak 10–14 Mart 2027 tarihleri arasında Tallinn'e 24 kişilik bir grup getiriyoruz. Otelinizde kahvaltı dahil 12 çift kişilik oda ayırtmak istiyoruz. Geçen yılki gibi %15 grup indirimi uygulanabilir mi? Teklifinizi bu hafta içinde alabilirsek çok seviniriz.

Saygılarımızla,
Şebnem Erdoğan
Grup Satış Müdürü, Boğaziçi Turizm`,
    },
    steps: [
      { set: { assignee: 'emre' }, by: 'emre' },
      {
        note: 'Müsaitlik: 10–14 Mart arası 12 çift kişilik oda mevcut; 20 Aralık’a kadar opsiyonlu blok koydum. Standart grup indirimi %10, %15 için süpervizör onayı gerekiyor.',
        by: 'emre',
      },
      { set: { customStatus: 'awaitingApproval' }, by: 'emre' },
      {
        out: `Merhaba Şebnem Hanım,

talebiniz için teşekkür ederiz. 10–14 Mart tarihleri için kahvaltı dahil 12 çift kişilik odayı 20 Aralık'a kadar adınıza opsiyonlu olarak ayırdım. %15 grup indirimi için onay sürecini başlattım; kesin teklifi en geç perşembe günü size ileteceğim.

Saygılarımla,
Emre Yılmaz
Rezervasyon`,
        by: 'emre',
      },
      { note: 'Onaylıyorum: geçmiş yıllardaki ciro ve ödeme geçmişine göre %15 grup indirimi uygun. Emre, teklifi gönderebilirsin.', by: 'elif' },
      {
        out: 'Merhaba Şebnem Hanım, %15 grup indirimi onaylandı. Teklifimiz: çift kişilik oda, kahvaltı dahil, gecelik 92 € (indirimli fiyat); 12 oda × 4 gece toplam 4.416 €. Opsiyon 20 Aralık’a kadar geçerlidir. Onayınızı bekliyoruz. Saygılarımla, Emre Yılmaz',
        by: 'emre',
      },
      // Approved: still pending, now on the customer's answer rather than on the approval.
      { set: { customStatus: null }, by: 'emre' },
    ],
  },
  {
    key: 'appointment-setup',
    subject: 'Terminanfrage: Einweisung für den neuen Kaffeevollautomaten',
    requester: 'bjoern',
    channel: 'portal',
    team: 'reservations',
    tags: ['appointment'],
    fields: { product: 'Coffee machine' },
    first: {
      body: `Hallo,

wir haben letzte Woche bei Ihnen einen Kaffeevollautomaten gekauft und die kostenlose Einweisung vor Ort gleich mitgebucht. Wann könnte jemand vorbeikommen? Am besten passt uns ein Vormittag in der Woche ab dem 14. Dezember.

Viele Grüße
Björn Jäger`,
    },
  },
  {
    key: 'early-check-in',
    subject: 'Reservation for three nights in January – early check-in possible?',
    requester: 'daniel',
    channel: 'email',
    team: 'reservations',
    tags: ['hotel-tallinn'],
    first: {
      body: `Hello,

I'd like to book a double room at your Tallinn hotel from 15 to 18 January (three nights) for my wife and me. Our flight lands at 8:30, so an early check-in around 10:00 would be wonderful – is that possible, and what would it cost? We'd also love a quiet room away from the street if you have one.

Kind regards,
Daniel Wright`,
    },
  },
];
