/**
 * The help center's own words in the four languages it is published in. Server-rendered pages
 * cannot use the web app's i18next files, and a handful of strings does not justify a loader.
 */
export const helpLanguages = ['de', 'en', 'et', 'tr'] as const;
export type HelpLanguage = (typeof helpLanguages)[number];

/** Whether a path segment is one of the help center's languages. */
export function isHelpLanguage(value: string): value is HelpLanguage {
  return (helpLanguages as readonly string[]).includes(value);
}

const en = {
  helpCenter: 'Help center',
  home: 'Articles',
  troubleshooting: 'Troubleshooting',
  myRequests: 'My requests',
  search: 'Search',
  searchPlaceholder: 'Search the help center',
  searchLabel: 'Search articles',
  skip: 'Skip to content',
  language: 'KnowledgeLanguage',
  categories: 'Categories',
  popular: 'Recently updated',
  noArticles: 'There are no articles here yet.',
  results: 'Results for “{q}”',
  noResults: 'Nothing matched “{q}”. Try other words, or open a request and we will help you.',
  enterQuery: 'Type what you are looking for.',
  updated: 'Updated {date}',
  fallback: 'This article is not available in your language yet; it is shown in {lang}.',
  helpful: 'Was this article helpful?',
  yes: 'Yes',
  no: 'No',
  thanks: 'Thank you for your feedback.',
  stillNeedHelp: 'Still need help?',
  contact: 'Open a request',
  notFound: 'Page not found',
  notFoundText: 'The page you are looking for does not exist or is not public.',
  breadcrumb: 'Breadcrumb',
  mainNav: 'Help center',
  articleCount: '{n} articles',
  homeIntro: 'Answers about orders, returns, bills, bookings and more.',
  attachments: 'Attachments',
  showingFor: 'Showing results for',
};

type Strings = typeof en;

const de: Strings = {
  helpCenter: 'Hilfe-Center',
  home: 'Artikel',
  troubleshooting: 'Fehlerbehebung',
  myRequests: 'Meine Anfragen',
  search: 'Suchen',
  searchPlaceholder: 'Hilfe-Center durchsuchen',
  searchLabel: 'Artikel suchen',
  skip: 'Zum Inhalt springen',
  language: 'Sprache',
  categories: 'Kategorien',
  popular: 'Zuletzt aktualisiert',
  noArticles: 'Hier gibt es noch keine Artikel.',
  results: 'Ergebnisse für „{q}“',
  noResults: 'Nichts gefunden für „{q}“. Versuchen Sie andere Wörter oder stellen Sie eine Anfrage – wir helfen Ihnen.',
  enterQuery: 'Geben Sie ein, wonach Sie suchen.',
  updated: 'Aktualisiert am {date}',
  fallback: 'Diesen Artikel gibt es noch nicht in Ihrer Sprache; er wird auf {lang} angezeigt.',
  helpful: 'War dieser Artikel hilfreich?',
  yes: 'Ja',
  no: 'Nein',
  thanks: 'Vielen Dank für Ihre Rückmeldung.',
  stillNeedHelp: 'Brauchen Sie weitere Hilfe?',
  contact: 'Anfrage stellen',
  notFound: 'Seite nicht gefunden',
  notFoundText: 'Die gesuchte Seite gibt es nicht oder sie ist nicht öffentlich.',
  breadcrumb: 'Brotkrumen-Navigation',
  mainNav: 'Hilfe-Center',
  articleCount: '{n} Artikel',
  homeIntro: 'Antworten zu Bestellungen, Rückgaben, Rechnungen, Buchungen und mehr.',
  attachments: 'Anhänge',
  showingFor: 'Ergebnisse für',
};

const et: Strings = {
  helpCenter: 'Abikeskus',
  home: 'Artiklid',
  troubleshooting: 'Tõrkeotsing',
  myRequests: 'Minu pöördumised',
  search: 'Otsi',
  searchPlaceholder: 'Otsi abikeskusest',
  searchLabel: 'Otsi artikleid',
  skip: 'Liigu sisu juurde',
  language: 'Keel',
  categories: 'Kategooriad',
  popular: 'Hiljuti uuendatud',
  noArticles: 'Siin pole veel artikleid.',
  results: 'Tulemused päringule „{q}“',
  noResults: 'Päringule „{q}“ ei leitud midagi. Proovi teisi sõnu või esita pöördumine ja me aitame.',
  enterQuery: 'Kirjuta, mida otsid.',
  updated: 'Uuendatud {date}',
  fallback: 'Seda artiklit pole veel sinu keeles; see on näidatud keeles: {lang}.',
  helpful: 'Kas see artikkel aitas?',
  yes: 'Jah',
  no: 'Ei',
  thanks: 'Aitäh tagasiside eest.',
  stillNeedHelp: 'Vajad veel abi?',
  contact: 'Esita pöördumine',
  notFound: 'Lehte ei leitud',
  notFoundText: 'Otsitud lehte pole olemas või see pole avalik.',
  breadcrumb: 'Navigeerimisrada',
  mainNav: 'Abikeskus',
  articleCount: '{n} artiklit',
  homeIntro: 'Vastused tellimuste, tagastuste, arvete, broneeringute ja muu kohta.',
  attachments: 'Manused',
  showingFor: 'Näitan tulemusi päringule',
};

const tr: Strings = {
  helpCenter: 'Yardım merkezi',
  home: 'Makaleler',
  troubleshooting: 'Sorun giderme',
  myRequests: 'Taleplerim',
  search: 'Ara',
  searchPlaceholder: 'Yardım merkezinde ara',
  searchLabel: 'Makale ara',
  skip: 'İçeriğe geç',
  language: 'Dil',
  categories: 'Kategoriler',
  popular: 'Son güncellenenler',
  noArticles: 'Burada henüz makale yok.',
  results: '“{q}” için sonuçlar',
  noResults: '“{q}” ile eşleşen bir şey bulunamadı. Başka kelimeler deneyin ya da bir talep oluşturun, size yardımcı olalım.',
  enterQuery: 'Aradığınız şeyi yazın.',
  updated: '{date} tarihinde güncellendi',
  fallback: 'Bu makale henüz dilinizde mevcut değil; {lang} olarak gösteriliyor.',
  helpful: 'Bu makale yardımcı oldu mu?',
  yes: 'Evet',
  no: 'Hayır',
  thanks: 'Geri bildiriminiz için teşekkürler.',
  stillNeedHelp: 'Hâlâ yardıma mı ihtiyacınız var?',
  contact: 'Talep oluştur',
  notFound: 'Sayfa bulunamadı',
  notFoundText: 'Aradığınız sayfa mevcut değil veya herkese açık değil.',
  breadcrumb: 'Sayfa yolu',
  mainNav: 'Yardım merkezi',
  articleCount: '{n} makale',
  homeIntro: 'Siparişler, iadeler, faturalar, rezervasyonlar ve daha fazlası hakkında yanıtlar.',
  attachments: 'Ekler',
  showingFor: 'Şunun için sonuçlar gösteriliyor:',
};

const all: Record<HelpLanguage, Strings> = { de, en, et, tr };

/** KnowledgeLanguage names in their own language, for the switcher and the fallback notice. */
export const languageNames: Record<HelpLanguage, string> = { de: 'Deutsch', en: 'English', et: 'Eesti', tr: 'Türkçe' };

/** The help center's string `key` in `lang`, with `{name}` placeholders filled (not escaped). */
export function helpText(lang: HelpLanguage, key: keyof Strings, vars: Record<string, string | number> = {}): string {
  return all[lang][key].replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? ''));
}
