import { describe, expect, it } from 'vitest';
import { insertCanned, moveHighlight, slashWordAt } from './slash';

describe('slash commands', () => {
  it('finds a slash at the start of a word where the caret is, and what follows it', () => {
    expect(slashWordAt('/', 1)).toEqual({ start: 0, end: 1, query: '' });
    expect(slashWordAt('/ref', 4)).toEqual({ start: 0, end: 4, query: 'ref' });
    expect(slashWordAt('Hello /ref', 10)).toEqual({ start: 6, end: 10, query: 'ref' });
    expect(slashWordAt('Hi\n/th', 6)).toEqual({ start: 3, end: 6, query: 'th' });
    // The caret inside the word: the query is what is before it, the whole word is replaced.
    expect(slashWordAt('a /refund b', 5)).toEqual({ start: 2, end: 9, query: 're' });
  });

  it('ignores slashes that do not start a word, paths and words away from the caret', () => {
    expect(slashWordAt('and/or', 6)).toBeNull();
    expect(slashWordAt('see /docs/api', 13)).toBeNull();
    expect(slashWordAt('/ref done', 9)).toBeNull();
    expect(slashWordAt('/ref ', 5)).toBeNull();
    expect(slashWordAt('', 0)).toBeNull();
  });

  it('puts the canned content in place of the word and the caret after it', () => {
    const text = 'Hello /ref, bye';
    const word = slashWordAt(text, 10)!;
    expect(word.end).toBe(10); // the comma is not part of the code
    expect(insertCanned(text, word, 'your refund')).toEqual({ text: 'Hello your refund, bye', caret: 17 });
    const inside = slashWordAt('a /refund b', 4)!;
    expect(insertCanned('a /refund b', inside, 'Refunds take 3 days.')).toEqual({ text: 'a Refunds take 3 days. b', caret: 22 });
    const start = slashWordAt('/th', 3)!;
    expect(insertCanned('/th', start, 'Thanks!')).toEqual({ text: 'Thanks!', caret: 7 });
  });

  it('moves the highlight with the arrows, wrapping at both ends', () => {
    expect(moveHighlight(0, 3, 'ArrowDown')).toBe(1);
    expect(moveHighlight(2, 3, 'ArrowDown')).toBe(0);
    expect(moveHighlight(0, 3, 'ArrowUp')).toBe(2);
    expect(moveHighlight(2, 3, 'ArrowUp')).toBe(1);
    expect(moveHighlight(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveHighlight(0, 0, 'ArrowDown')).toBe(-1);
  });
});
