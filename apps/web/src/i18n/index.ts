import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages } from '@switchboard/contracts/constants';

export type Language = (typeof languages)[number];
export const namespaces = ['common', 'inbox', 'case', 'customer', 'admin', 'supervisor', 'forms', 'sla', 'routing', 'automation', 'jobs', 'email', 'macros', 'portal', 'chat', 'knowledge', 'flows'] as const;

/** Every translation file, loaded on demand: only the fallback and the chosen language are fetched. */
const bundles = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');
const STORAGE_KEY = 'sb.language';

async function loadLanguage(lng: Language): Promise<void> {
  const prefix = `./locales/${lng}/`;
  await Promise.all(
    Object.entries(bundles)
      .filter(([path]) => path.startsWith(prefix))
      .map(async ([path, load]) => {
        const ns = path.slice(prefix.length, -'.json'.length);
        i18n.addResourceBundle(lng, ns, (await load()).default, true, true);
      }),
  );
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language before sign-in: the last one chosen on this device, else the browser's. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

export async function setupI18n(): Promise<typeof i18n> {
  const lng = initialLanguage();
  await i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    ns: [...namespaces],
    defaultNS: 'common',
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadLanguage('en');
  if (lng !== 'en') await loadLanguage(lng);
  document.documentElement.lang = lng;
  return i18n;
}

/** Switches the interface language (and remembers it on this device). */
export async function switchLanguage(lng: Language): Promise<void> {
  if (i18n.language === lng && i18n.hasResourceBundle(lng, 'common')) return;
  await loadLanguage(lng);
  await i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
  localStorage.setItem(STORAGE_KEY, lng);
}

export const languageNames: Record<Language, string> = { en: 'English', de: 'Deutsch', et: 'Eesti', tr: 'Türkçe' };

export { i18n };
