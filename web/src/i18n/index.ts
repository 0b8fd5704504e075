import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Every feature keeps its strings in `features/<feature>/locales/{en,zh-CN}.json`, loaded here as
 * the namespace `<feature>`; `src/i18n/locales` holds the `common` namespace (navigation, buttons,
 * problem messages by slug).
 */
type Strings = Record<string, unknown>;
const featureFiles = import.meta.glob<Strings>('../features/*/locales/*.json', { eager: true, import: 'default' });
const commonFiles = import.meta.glob<Strings>('./locales/*.json', { eager: true, import: 'default' });

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'parley.language';

function resources() {
  const all: Record<string, Record<string, Strings>> = { en: {}, 'zh-CN': {} };
  for (const [path, strings] of Object.entries(featureFiles)) {
    const match = /features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path);
    if (match && all[match[2]]) all[match[2]][match[1]] = strings;
  }
  for (const [path, strings] of Object.entries(commonFiles)) {
    const match = /locales\/([^/]+)\.json$/.exec(path);
    if (match && all[match[1]]) all[match[1]].common = strings;
  }
  return all;
}

export function browserLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored === 'en' || stored === 'zh-CN') return stored;
  const wanted = typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : [];
  return wanted.some((language) => language?.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function setLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: resources(),
  lng: browserLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: ['common'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

export default i18n;
