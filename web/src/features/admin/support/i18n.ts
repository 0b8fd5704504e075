import i18n from 'i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/**
 * The customer-service screens' strings, the namespace `supportAdmin`. src/i18n loads the locales
 * of `features/<feature>/locales` only; these live one folder deeper (in the admin console's chunk),
 * so they are added here, as the console's code loads.
 */
export const NS = 'supportAdmin';
i18n.addResourceBundle('en', NS, en, true, false);
i18n.addResourceBundle('zh-CN', NS, zhCN, true, false);
