import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale';

describe('pickLocale', () => {
  it("takes the page's data-locale first", () => {
    expect(pickLocale('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(pickLocale('en', ['zh-CN'])).toBe('en');
  });

  it('shows any Chinese as zh-CN', () => {
    for (const tag of ['zh', 'zh-TW', 'zh-Hant-HK', 'ZH-cn', 'zh_CN']) expect(pickLocale(tag)).toBe('zh-CN');
  });

  it("falls back on the browser's first language the widget speaks, else English", () => {
    expect(pickLocale(null, ['fr-FR', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLocale('fr', ['de', 'en-GB'])).toBe('en');
    expect(pickLocale(undefined, ['ja'])).toBe('en');
    expect(pickLocale('', [])).toBe('en');
    expect(pickLocale('zhx', ['enx'])).toBe('en');
  });
});
