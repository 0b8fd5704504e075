import { describe, expect, it } from 'vitest';
import { hideMarker, linkify, safeHref } from './text';

describe('hideMarker', () => {
  it('removes the hand-off marker wherever it is', () => {
    expect(hideMarker('Let me get a colleague for you. [[handoff]]')).toBe('Let me get a colleague for you.');
    expect(hideMarker('[[handoff]]')).toBe('');
    expect(hideMarker('One [[handoff]] two [[HANDOFF]]')).toBe('One two');
    expect(hideMarker('Line one\n[[ handoff ]]\nLine two')).toBe('Line one\n\nLine two');
  });

  it('leaves other text alone, brackets included', () => {
    expect(hideMarker('Use [[brackets]] freely  ')).toBe('Use [[brackets]] freely  ');
    expect(hideMarker('a [[')).toBe('a [[');
  });

  it('holds back a marker that is still arriving', () => {
    expect(hideMarker('Sure. [', true)).toBe('Sure.');
    expect(hideMarker('Sure. [[hand', true)).toBe('Sure.');
    expect(hideMarker('Sure. [[handoff]', true)).toBe('Sure.');
    expect(hideMarker('Sure. [[handoff]]', true)).toBe('Sure.');
    expect(hideMarker('Sure. [[hando', false)).toBe('Sure. [[hando');
    expect(hideMarker('Sure. [[x', true)).toBe('Sure. [[x');
  });
});

describe('linkify', () => {
  const links = (text: string) => linkify(text).filter((segment) => segment.href);

  it('cuts text into plain pieces and http(s) links, losing nothing', () => {
    const text = 'See https://example.com/a?b=1#c and http://x.test/ ok';
    const segments = linkify(text);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(links(text)).toEqual([
      { text: 'https://example.com/a?b=1#c', href: 'https://example.com/a?b=1#c' },
      { text: 'http://x.test/', href: 'http://x.test/' },
    ]);
  });

  it('leaves trailing punctuation and unopened brackets out of a link', () => {
    expect(links('Go to https://example.com/docs.')[0].text).toBe('https://example.com/docs');
    expect(links('(see https://example.com/x)')[0].text).toBe('https://example.com/x');
    expect(links('https://en.wikipedia.org/wiki/Foo_(bar), next')[0].text).toBe('https://en.wikipedia.org/wiki/Foo_(bar)');
    expect(links('请访问https://example.cn/帮助。谢谢')[0].text).toBe('https://example.cn/帮助');
    expect(links('"https://example.com/q"')[0].text).toBe('https://example.com/q');
  });

  it('never links another scheme', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.com', 'xhttps://example.com', 'https://', 'vbscript:x']) {
      expect(links(text)).toEqual([]);
      expect(linkify(text).map((segment) => segment.text).join('')).toBe(text);
    }
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://example.com/<script>')).toBe('https://example.com/%3Cscript%3E');
  });

  it('keeps line breaks in the plain pieces', () => {
    expect(linkify('one\ntwo').map((segment) => segment.text)).toEqual(['one\ntwo']);
  });
});
