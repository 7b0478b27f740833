import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from './en';
import indonesianMessages from './id';

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? englishMessages : indonesianMessages), 'id', [
  { locale: 'id', name: 'Bahasa Indonesia' },
  { locale: 'en', name: 'English' },
]);
