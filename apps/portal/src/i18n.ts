import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages = ['en', 'de', 'et', 'tr'] as const;
export type Language = (typeof languages)[number];
export const languageNames: Record<Language, string> = { en: 'English', de: 'Deutsch', et: 'Eesti', tr: 'Türkçe' };

const bundles = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json');
const STORAGE_KEY = 'sb.portal.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The last language chosen on this device, else the first of the browser's we speak, else English. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lng = tag.slice(0, 2).toLowerCase();
    if (isLanguage(lng)) return lng;
  }
  return 'en';
}

async function load(lng: Language): Promise<void> {
  if (i18n.hasResourceBundle(lng, 'portal')) return;
  const loader = bundles[`./locales/${lng}.json`];
  if (loader) i18n.addResourceBundle(lng, 'portal', (await loader()).default, true, true);
}

export async function setupI18n(): Promise<void> {
  const lng = initialLanguage();
  await i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    ns: ['portal'],
    defaultNS: 'portal',
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
  });
  await load('en');
  if (lng !== 'en') await load(lng);
  document.documentElement.lang = lng;
}

/** Switches the language of the portal and remembers it on this device. */
export async function switchLanguage(lng: Language): Promise<void> {
  await load(lng);
  await i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
  localStorage.setItem(STORAGE_KEY, lng);
}

export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'en');

/** Date and time in the portal's language. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** File sizes the way people read them. */
export function formatBytes(bytes: number): string {
  const n = new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: 1 });
  if (bytes >= 1_048_576) return `${n.format(bytes / 1_048_576)} MB`;
  if (bytes >= 1024) return `${n.format(bytes / 1024)} KB`;
  return `${n.format(bytes)} B`;
}

export { i18n };
