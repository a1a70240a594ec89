/**
 * Demo flow from seed 002: an electronic device that does not work. General technical checks
 * first; when they do not help, the alternatives — a different model, a free replacement or a
 * refund — and a repair appointment for damaged or older devices.
 */
import type { FlowDefinition } from '@switchboard/contracts';
import { t, type DemoTeams } from './demo-text.ts';

/** The tree of the "broken device" flow. */
export const brokenDevice = (teams: DemoTeams): FlowDefinition => ({
  title: t('Electronic device does not work', 'Elektronisches Gerät funktioniert nicht', 'Elektroonikaseade ei tööta', 'Elektronik cihaz çalışmıyor'),
  description: t(
    'Phones, laptops, TVs, headphones and coffee machines that stopped working: basic checks first, then a different model, a free replacement or a refund.',
    'Smartphones, Laptops, Fernseher, Kopfhörer und Kaffeemaschinen, die nicht mehr funktionieren: erst die Grundprüfungen, dann ein anderes Modell, kostenloser Ersatz oder Erstattung.',
    'Telefonid, sülearvutid, telerid, kõrvaklapid ja kohvimasinad, mis enam ei tööta: kõigepealt põhikontrollid, siis teine mudel, tasuta asendus või raha tagastamine.',
    'Çalışmayan telefon, dizüstü bilgisayar, televizyon, kulaklık ve kahve makineleri: önce temel kontroller, sonra başka bir model, ücretsiz değişim ya da iade.',
  ),
  start: 'symptom',
  steps: [
    {
      id: 'symptom',
      type: 'question',
      text: t('What is wrong with the device?', 'Was stimmt mit dem Gerät nicht?', 'Mis seadmega lahti on?', 'Cihazın sorunu ne?'),
      detail: t(
        'Apologise for the trouble first and reassure the customer that you will solve it together.',
        'Entschuldigen Sie sich zuerst für die Unannehmlichkeit und versichern Sie, dass Sie das Problem gemeinsam lösen.',
        'Kõigepealt vabandage ebamugavuse pärast ja kinnitage, et lahendate probleemi koos.',
        'Önce yaşanan sorun için özür dileyin ve sorunu birlikte çözeceğinizi söyleyin.',
      ),
      answers: [
        { id: 'no-power', label: t('It does not switch on', 'Es lässt sich nicht einschalten', 'See ei lülitu sisse', 'Açılmıyor'), next: 'charge-check' },
        { id: 'no-charge', label: t('It does not charge', 'Es lädt nicht', 'See ei lae', 'Şarj olmuyor'), next: 'cable-check' },
        { id: 'faulty', label: t('It switches on but does not work properly', 'Es geht an, funktioniert aber nicht richtig', 'See lülitub sisse, aga ei tööta korralikult', 'Açılıyor ama düzgün çalışmıyor'), next: 'update' },
      ],
    },
    {
      id: 'charge-check',
      type: 'check',
      text: t(
        'Connect the device to its original charger and a wall socket that works, and wait 15 minutes.',
        'Schließen Sie das Gerät an das Originalladegerät und eine funktionierende Steckdose an und warten Sie 15 Minuten.',
        'Ühendage seade originaallaadija ja töötava pistikupesaga ning oodake 15 minutit.',
        'Cihazı orijinal şarj cihazına ve çalışan bir prize bağlayın, 15 dakika bekleyin.',
      ),
      expected: t('A charging light or a battery symbol appears.', 'Eine Ladeanzeige oder ein Batteriesymbol erscheint.', 'Ilmub laadimistuli või aku sümbol.', 'Şarj ışığı veya pil simgesi görünür.'),
      pass: 'restart',
      fail: 'damage',
    },
    {
      id: 'restart',
      type: 'instruction',
      text: t(
        'Hold the power button for 15 seconds to force a restart, then switch the device on as usual.',
        'Halten Sie die Ein-/Aus-Taste 15 Sekunden gedrückt, um einen Neustart zu erzwingen, und schalten Sie das Gerät dann normal ein.',
        'Hoidke toitenuppu 15 sekundit all, et sundida taaskäivitus, seejärel lülitage seade tavapäraselt sisse.',
        'Yeniden başlatmayı zorlamak için güç düğmesini 15 saniye basılı tutun, ardından cihazı normal şekilde açın.',
      ),
      detail: t(
        'Laptops: unplug the charger, hold the power button for 30 seconds, plug in again.',
        'Laptops: Netzteil abziehen, Ein-/Aus-Taste 30 Sekunden halten, wieder anschließen.',
        'Sülearvutid: eemaldage laadija, hoidke toitenuppu 30 sekundit, ühendage uuesti.',
        'Dizüstü bilgisayarlar: şarj cihazını çıkarın, güç düğmesini 30 saniye basılı tutun, yeniden takın.',
      ),
      next: 'starts',
    },
    {
      id: 'starts',
      type: 'check',
      text: t('Switch the device on.', 'Schalten Sie das Gerät ein.', 'Lülitage seade sisse.', 'Cihazı açın.'),
      expected: t('The device starts normally.', 'Das Gerät startet normal.', 'Seade käivitub tavapäraselt.', 'Cihaz normal şekilde açılır.'),
      pass: 'solved',
      fail: 'damage',
    },
    {
      id: 'cable-check',
      type: 'check',
      text: t(
        'Try a different cable and a different wall socket (not the USB port of a computer).',
        'Probieren Sie ein anderes Kabel und eine andere Steckdose (nicht den USB-Anschluss eines Computers).',
        'Proovige teist kaablit ja teist pistikupesa (mitte arvuti USB-porti).',
        'Başka bir kablo ve başka bir priz deneyin (bilgisayarın USB girişini değil).',
      ),
      expected: t('The device charges now.', 'Das Gerät lädt jetzt.', 'Seade laeb nüüd.', 'Cihaz artık şarj oluyor.'),
      pass: 'cable-solved',
      fail: 'damage',
    },
    {
      id: 'update',
      type: 'instruction',
      text: t(
        'Install the latest software update and restart the device. If the fault remains, reset it to factory settings (back up the data first).',
        'Installieren Sie das neueste Software-Update und starten Sie das Gerät neu. Bleibt der Fehler, setzen Sie es auf Werkseinstellungen zurück (vorher Daten sichern).',
        'Paigaldage uusim tarkvarauuendus ja taaskäivitage seade. Kui viga jääb, taastage tehaseseaded (varundage enne andmed).',
        'En son yazılım güncellemesini yükleyin ve cihazı yeniden başlatın. Sorun devam ederse fabrika ayarlarına sıfırlayın (önce verileri yedekleyin).',
      ),
      next: 'fault-gone',
    },
    {
      id: 'fault-gone',
      type: 'check',
      text: t('Use the device the way that caused the fault.', 'Benutzen Sie das Gerät so, wie der Fehler auftrat.', 'Kasutage seadet nii, nagu viga tekkis.', 'Cihazı sorunun ortaya çıktığı şekilde kullanın.'),
      expected: t('The fault does not appear any more.', 'Der Fehler tritt nicht mehr auf.', 'Viga enam ei esine.', 'Sorun artık görülmüyor.'),
      pass: 'solved',
      fail: 'damage',
    },
    {
      id: 'damage',
      type: 'question',
      text: t('Is there visible damage — cracks, dents or liquid?', 'Gibt es sichtbare Schäden – Risse, Dellen oder Flüssigkeit?', 'Kas on nähtavaid kahjustusi – pragusid, mõlke või vedelikku?', 'Görünür bir hasar var mı – çatlak, ezik veya sıvı?'),
      answers: [
        { id: 'none', label: t('No visible damage', 'Keine sichtbaren Schäden', 'Nähtavaid kahjustusi pole', 'Görünür hasar yok'), next: 'warranty' },
        { id: 'damaged', label: t('Yes, visible damage', 'Ja, sichtbare Schäden', 'Jah, on nähtavaid kahjustusi', 'Evet, görünür hasar var'), next: 'repair' },
      ],
    },
    {
      id: 'warranty',
      type: 'question',
      text: t('When was the device bought?', 'Wann wurde das Gerät gekauft?', 'Millal seade osteti?', 'Cihaz ne zaman satın alındı?'),
      answers: [
        { id: 'recent', label: t('Less than 30 days ago', 'Vor weniger als 30 Tagen', 'Vähem kui 30 päeva tagasi', '30 günden kısa süre önce'), next: 'choice' },
        { id: 'within', label: t('Within the two-year warranty', 'Innerhalb der zweijährigen Garantie', 'Kaheaastase garantii jooksul', 'İki yıllık garanti süresi içinde'), next: 'warranty-repair' },
        { id: 'older', label: t('More than two years ago', 'Vor mehr als zwei Jahren', 'Rohkem kui kaks aastat tagasi', 'İki yıldan uzun süre önce'), next: 'repair' },
      ],
    },
    {
      id: 'choice',
      type: 'question',
      text: t('Which solution does the customer prefer?', 'Welche Lösung möchte der Kunde?', 'Millise lahenduse klient eelistab?', 'Müşteri hangi çözümü tercih ediyor?'),
      detail: t(
        'Within 30 days the customer chooses: a different model of the same value, a free replacement of the same model, or a refund.',
        'In den ersten 30 Tagen wählt der Kunde: ein anderes Modell zum gleichen Wert, kostenlosen Ersatz desselben Modells oder eine Erstattung.',
        'Esimese 30 päeva jooksul valib klient: sama väärtusega teine mudel, sama mudeli tasuta asendus või raha tagastamine.',
        'İlk 30 gün içinde müşteri seçer: aynı değerde başka bir model, aynı modelin ücretsiz değişimi ya da iade.',
      ),
      answers: [
        { id: 'replace', label: t('Free replacement of the same model', 'Kostenloser Ersatz desselben Modells', 'Sama mudeli tasuta asendus', 'Aynı modelin ücretsiz değişimi'), next: 'replacement' },
        { id: 'other-model', label: t('A different model instead', 'Stattdessen ein anderes Modell', 'Selle asemel teine mudel', 'Bunun yerine başka bir model'), next: 'exchange' },
        { id: 'refund', label: t('A refund', 'Eine Erstattung', 'Raha tagastamine', 'İade'), next: 'refund' },
      ],
    },
    {
      id: 'solved',
      type: 'outcome',
      text: t('The device works again.', 'Das Gerät funktioniert wieder.', 'Seade töötab jälle.', 'Cihaz yeniden çalışıyor.'),
      outcome: { kind: 'resolved', tags: ['fixed-by-troubleshooting'] },
    },
    {
      id: 'cable-solved',
      type: 'outcome',
      text: t(
        'The cable or charger was faulty; the device charges with another one.',
        'Kabel oder Ladegerät war defekt; mit einem anderen lädt das Gerät.',
        'Kaabel või laadija oli vigane; teisega seade laeb.',
        'Kablo veya şarj cihazı arızalıydı; başka biriyle cihaz şarj oluyor.',
      ),
      outcome: { kind: 'resolved', tags: ['faulty-cable'] },
    },
    {
      id: 'warranty-repair',
      type: 'outcome',
      text: t(
        'Free warranty repair: arrange when the device is picked up; send the warranty article.',
        'Kostenlose Garantiereparatur: Vereinbaren Sie die Abholung des Geräts; senden Sie den Garantie-Artikel.',
        'Tasuta garantiiremont: leppige kokku seadme äraviimise aeg; saatke garantii artikkel.',
        'Ücretsiz garanti onarımı: cihazın teslim alınacağı zamanı ayarlayın; garanti makalesini gönderin.',
      ),
      outcome: { kind: 'article', tags: ['warranty-repair'], teamId: teams.technical, article: { slug: 'broken-device-warranty-replacement' } },
    },
    {
      id: 'replacement',
      type: 'outcome',
      text: t('Free replacement: the customer gets the same model at no charge.', 'Kostenloser Ersatz: Der Kunde erhält dasselbe Modell ohne Kosten.', 'Tasuta asendus: klient saab sama mudeli tasuta.', 'Ücretsiz değişim: müşteri aynı modeli ücretsiz alır.'),
      outcome: { kind: 'replacement', tags: ['free-replacement'], teamId: teams.returns },
    },
    {
      id: 'exchange',
      type: 'outcome',
      text: t('Exchange for a different model of the same value.', 'Umtausch gegen ein anderes Modell zum gleichen Wert.', 'Vahetus sama väärtusega teise mudeli vastu.', 'Aynı değerde başka bir modelle değişim.'),
      outcome: { kind: 'replacement', tags: ['exchange-other-model'], teamId: teams.returns },
    },
    {
      id: 'refund',
      type: 'outcome',
      text: t(
        'Refund: the purchase price goes back to the original payment method.',
        'Erstattung: Der Kaufpreis geht auf das ursprüngliche Zahlungsmittel zurück.',
        'Raha tagastamine: ostuhind kantakse tagasi algsele makseviisile.',
        'İade: satın alma bedeli orijinal ödeme yöntemine geri ödenir.',
      ),
      outcome: { kind: 'refund', tags: [], teamId: teams.returns },
    },
    {
      id: 'repair',
      type: 'outcome',
      text: t(
        'Repair appointment: a technician checks the device and makes a quote first.',
        'Reparaturtermin: Ein Techniker prüft das Gerät und erstellt zuerst einen Kostenvoranschlag.',
        'Remondiaeg: tehnik kontrollib seadet ja teeb kõigepealt hinnapakkumise.',
        'Onarım randevusu: bir teknisyen cihazı inceler ve önce fiyat teklifi verir.',
      ),
      outcome: { kind: 'appointment', tags: ['repair'], teamId: teams.reservations },
    },
  ],
});
