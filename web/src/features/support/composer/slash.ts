/**
 * The composer's slash commands: a word that starts with `/` where the caret is asks for the
 * canned responses whose short code (or content) starts with what follows the slash; picking one
 * puts its content in place of the word.
 */
export interface SlashWord {
  /** Where the `/` is. */
  start: number;
  /** The end of the short code the caret is in. */
  end: number;
  /** The text between the slash and the caret. */
  query: string;
}

const SPACE = /\s/;
/** What a short code is made of: the word the caret is in ends at anything else (a comma stays). */
const CODE = /[\p{L}\p{N}_-]/u;

/** The slash word at the caret, or null when the caret is not in one. */
export function slashWordAt(text: string, caret: number): SlashWord | null {
  if (caret < 1 || caret > text.length) return null;
  let start = caret;
  while (start > 0 && !SPACE.test(text[start - 1])) start -= 1;
  if (text[start] !== '/') return null;
  const query = text.slice(start + 1, caret);
  // "/" inside the query (a path, a URL, "and/or") is not a command.
  if (query.includes('/')) return null;
  let end = caret;
  while (end < text.length && CODE.test(text[end])) end += 1;
  return { start, end, query };
}

/** The text with the word replaced by the content, and where the caret goes (after it). */
export function insertCanned(text: string, word: SlashWord, content: string): { text: string; caret: number } {
  const before = text.slice(0, word.start);
  const after = text.slice(word.end);
  return { text: before + content + after, caret: before.length + content.length };
}

/** The next highlighted suggestion for an arrow key, wrapping around. */
export function moveHighlight(current: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count <= 0) return -1;
  if (key === 'ArrowDown') return current < 0 || current >= count - 1 ? 0 : current + 1;
  return current <= 0 ? count - 1 : current - 1;
}
