import { describe, expect, it } from 'vitest';
import { splitHighlights } from './Highlighted';

describe('splitHighlights', () => {
  it('marks each range once, in order', () => {
    expect(splitHighlights('清除上下文管理', [{ start: 2, end: 5 }])).toEqual([
      { text: '清除', hit: false },
      { text: '上下文', hit: true },
      { text: '管理', hit: false },
    ]);
  });

  it('merges overlapping ranges and clips those outside the text', () => {
    expect(splitHighlights('abcdef', [{ start: 3, end: 9 }, { start: 0, end: 2 }, { start: 1, end: 4 }])).toEqual([
      { text: 'abcdef', hit: true },
    ]);
  });

  it('leaves a text without ranges whole', () => {
    expect(splitHighlights('plain', [])).toEqual([{ text: 'plain', hit: false }]);
  });
});
