/** The widget's two languages, and the few strings the loader (the host page's script) shows. */
export type Locale = 'en' | 'zh-CN';

/**
 * The language to show: the embedding page's `data-locale` when it names one the widget
 * speaks, else the browser's first such language, else English. Any Chinese (zh, zh-TW,
 * zh-Hans-CN, ...) is shown as zh-CN, the one Chinese the widget has.
 */
export function pickLocale(explicit: string | null | undefined, languages: readonly string[] = []): Locale {
  for (const tag of [explicit, ...languages]) {
    const lower = (tag ?? '').trim().toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  }
  return 'en';
}

export interface LoaderStrings {
  open: string;
  close: string;
  /** `{n}` is the number of replies that came while the panel was closed. */
  unread: string;
  frame: string;
}

export const loaderStrings: Record<Locale, LoaderStrings> = {
  en: { open: 'Open chat', close: 'Close chat', unread: '{n} new', frame: 'Chat' },
  'zh-CN': { open: '打开聊天', close: '关闭聊天', unread: '{n} 条新消息', frame: '聊天' },
};
