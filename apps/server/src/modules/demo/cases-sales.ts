import type { CaseSeed } from './model.ts';

/** Cases of sales (quotes, better-fitting products) and a survey suggestion passed to management. */
export const salesCases: CaseSeed[] = [
  {
    key: 'laptop-upsell',
    subject: 'Quote for six laptops for our new starters',
    requester: 'emily',
    channel: 'email',
    team: 'sales',
    tags: ['quote'],
    fields: { product: 'Laptop', amount_eur: 3294 },
    first: {
      body: `Hi Oliver,

We have six new accountants starting in January and need laptops for them. We were thinking of the basic 15-inch model you sold us last year (549 € each). Could you send a quote with delivery to our London office before Christmas?

Many thanks,
Emily Clarke
Office Manager, Thornbury Accountants`,
    },
    steps: [
      { set: { assignee: 'oliver' }, by: 'oliver' },
      {
        note: "Account review: two of the eight basic laptops from last year's order came back with hinge problems after heavy daily use, and their staff work with very large spreadsheets – 8 GB RAM is tight. Suggesting the Business 15 Pro (16 GB, three-year on-site warranty) plus docking stations. Pricing approved 689 € each for six or more.",
        by: 'oliver',
      },
      {
        out: `Hi Emily,

Thanks for thinking of us again. Here is the quote you asked for: six of the basic 15-inch model at 549 € each.

I'd also like to suggest an alternative: the Business 15 Pro. It has twice the memory (16 GB), which makes a real difference with large spreadsheets, a much sturdier hinge, and a three-year on-site warranty instead of one year carry-in. For six or more I can offer it at 689 € instead of 799 €, and I'd add USB-C docking stations at half price (64.50 €). Either option can be delivered to your office on 18 December.

Happy to talk it through on the phone if that helps.

Best regards,
Oliver Bennett
Business Accounts`,
        by: 'oliver',
      },
      {
        in: "Hi Oliver, thanks – the Pro sounds like the better choice given last year's problems. Please go ahead with six Business 15 Pro and six docking stations. Our finance team will send the PO number today.",
      },
      { note: 'Order 10-49420 placed: 6 × Business 15 Pro at 689 €, 6 × docking station at 64.50 €. Total 4,521 € instead of the 3,294 € first requested.', by: 'oliver' },
      { set: { status: 'solved', fields: { order_number: '10-49420', amount_eur: 4521 }, addTags: ['upsell'] }, by: 'oliver' },
    ],
  },
  {
    key: 'coffee-upgrade',
    subject: 'Angebot: Kaffeevollautomaten im Frühstücksraum modernisieren',
    requester: 'doerte',
    channel: 'phone',
    team: 'sales',
    openedBy: 'lukas',
    assignee: 'lukas',
    tags: ['upsell', 'account-review'],
    fields: { product: 'Coffee machine' },
    first: {
      direction: 'outbound',
      body: 'Guten Tag, Frau Claßen, hier ist Lukas Schäfer, Ihr Ansprechpartner für Geschäftskunden. Ihre beiden Kaffeevollautomaten im Frühstücksraum sind jetzt fünf Jahre alt, und der Wartungsvertrag läuft im Januar aus. Darf ich Ihnen kurz unser neues Gastro-Modell mit zwei Mahlwerken und einem Milchsystem auch für Hafermilch vorstellen? Für Ihre Altgeräte rechnen wir je 400 € an.',
    },
    steps: [
      { in: 'Klingt interessant, gerade Hafermilch wünschen sich viele Gäste. Schicken Sie mir bitte ein schriftliches Angebot, ich bespreche es mit der Direktion.', by: 'lukas' },
      {
        out: `Sehr geehrte Frau Claßen,

vielen Dank für das freundliche Gespräch heute. Wie besprochen unser Angebot:
– 2 × Gastro-Kaffeevollautomat Duo Plus, je 3.290,00 € netto
– Inzahlungnahme Ihrer beiden Altgeräte: –800,00 €
– Installation, Einweisung des Frühstücksteams und drei Jahre Wartung inklusive

Das Angebot gilt bis zum 31. Dezember. Gern führe ich Ihnen das Gerät auch bei Ihnen vor Ort vor.

Mit freundlichen Grüßen
Lukas Schäfer
Geschäftskunden`,
        by: 'lukas',
        channel: 'email',
      },
      { set: { status: 'pending', fields: { amount_eur: 5780 } }, by: 'lukas' },
    ],
  },
  {
    key: 'headphones-quote',
    subject: 'Hinnapakkumine: 15 mürasummutavat kõrvaklappi kontorisse',
    requester: 'mart',
    channel: 'email',
    team: 'sales',
    tags: ['quote'],
    fields: { product: 'Headphones' },
    first: {
      body: `Tere!

Meie kontor kolib jaanuaris avatud planeeringuga ruumidesse ja soovime töötajatele soetada 15 mürasummutavat kõrvaklappi. Palun saatke hinnapakkumine koos tarneajaga. Kas ettevõttena saame maksta ka arve alusel?

Tervitades
Mart Õunapuu
Põhja Tarkvara AS`,
    },
  },
  {
    key: 'fleet-phones',
    subject: 'Saha ekibi için 20 akıllı telefon teklifi',
    requester: 'mehmet',
    channel: 'phone',
    team: 'sales',
    openedBy: 'ayse',
    assignee: 'ayse',
    tags: ['quote'],
    fields: { product: 'Phone' },
    first: {
      body: 'Saha ekibimiz için 20 adet akıllı telefon almak istiyoruz. Cihazlar dayanıklı olmalı ve iki yıllık garanti istiyoruz. Hat sözleşmemiz zaten var, sadece cihaz lazım.',
    },
    steps: [
      {
        note: 'İhtiyaç: dayanıklı kasa, uzun pil ömrü, 2 yıl garanti. Önerim: Rugged X5 (IP68), 20 adet için birim fiyatı 379 €. Ek olarak kılıf ve ekran koruyucu paketi önereceğim.',
        by: 'ayse',
      },
      {
        out: `Merhaba Mehmet Bey,

telefonda konuştuğumuz gibi saha ekibiniz için teklifimizi gönderiyorum:
– 20 × Rugged X5 (IP68, 5.000 mAh pil), birim fiyatı 379 €
– İki yıllık garanti dahil; üçüncü yıl için cihaz başına 29 € ile uzatılmış garanti
– Kılıf ve kırılmaz ekran koruyucu paketi: cihaz başına 19 € yerine 12 €

Teslimat, sipariş onayından sonra 5 iş günü içinde yapılır. Sorularınız olursa beni her zaman arayabilirsiniz.

Saygılarımla,
Ayşe Kaya`,
        by: 'ayse',
        channel: 'email',
      },
    ],
  },
  {
    key: 'survey-suggestion',
    subject: 'Suggestion from the customer survey: phone support on Saturdays',
    requester: 'margaret',
    channel: 'portal',
    team: null,
    priority: 'low',
    tags: ['survey'],
    first: {
      body: `Hello,

Your survey after my last call asked whether I had any suggestions, and the box was too small, so I'm writing here. I work full-time and can only call you on Saturdays, when your phone line is closed – surely many of your customers are in the same situation. Would you consider opening the hotline on Saturday mornings, even for a few hours?

Kind regards,
Margaret Hughes`,
    },
    steps: [
      { set: { assignee: 'sabine' }, by: 'sabine' },
      {
        note: "Customer suggestion logged for the monthly management report (section 'Customer suggestions'). Third request for Saturday phone hours this quarter. Forwarded to Thomas Krüger.",
        by: 'sabine',
      },
      {
        out: `Dear Mrs Hughes,

Thank you for taking the time to write to us – suggestions like yours are exactly what our survey is for. I have passed your idea on to our management, together with other customers' requests for Saturday hours, and it will be discussed at the next planning meeting. In the meantime, our chat and the customer portal are open at any time, and we usually answer within a few hours, at weekends too.

Kind regards,
Sabine Hoffmann
Customer Service Supervisor`,
        by: 'sabine',
      },
      { set: { status: 'solved', addTags: ['suggestion'] }, by: 'sabine' },
    ],
  },
];
