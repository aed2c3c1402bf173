import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './i18n/vi.json';
import en from './i18n/en.json';
import congressVi from '../features/congress/i18n/vi.json';
import congressEn from '../features/congress/i18n/en.json';
import { setNetworkMessage } from './api';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'daihoi.language';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'vi') return saved;
  } catch {
    // storage unavailable
  }
  return 'vi';
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi, congress: congressVi }, en: { translation: en, congress: congressEn } },
  lng: initialLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function apply(lng: string) {
  document.documentElement.lang = lng;
  document.title = i18n.t('app.title');
  setNetworkMessage(i18n.t('errors.network'));
}
apply(i18n.language);
i18n.on('languageChanged', (lng) => {
  apply(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // storage unavailable
  }
});

export default i18n;
