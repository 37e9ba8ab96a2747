/**
 * Typed keys: `t('menu:start')` is checked against the English files, so a key that does not exist is a type
 * error, and so is a missing placeholder's name in most cases.
 */
import 'i18next';
import type { EnglishTexts } from './locales/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: EnglishTexts;
  }
}
