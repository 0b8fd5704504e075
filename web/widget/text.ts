/**
 * Text the widget shows: the bot's hand-off marker hidden, and links found in plain text. The
 * frame renders the pieces with text nodes and anchors it builds itself, never server text as
 * HTML.
 */
const MARKER = '[[handoff]]';
const MARKER_RE = /[ \t]*\[\[\s*handoff\s*\]\]/gi;

/**
 * The bot's text without the `[[handoff]]` marker its prompt asks it to write when a person
 * should take over. While the reply is still streaming, a trailing start of the marker (`[[`,
 * `[[hand`) is held back too, so it never flashes up before the rest arrives.
 */
export function hideMarker(text: string, streaming = false): string {
  let out = text.replace(MARKER_RE, '');
  const removed = out.length !== text.length;
  if (streaming) {
    const lower = out.toLowerCase();
    for (let n = Math.min(MARKER.length - 1, out.length); n > 0; n--) {
      if (lower.endsWith(MARKER.slice(0, n))) {
        out = out.slice(0, out.length - n).replace(/[ \t]+$/, '');
        break;
      }
    }
  }
  return removed ? out.trim() : out;
}

export interface Segment {
  text: string;
  /** Set on a link: an absolute http(s) URL. */
  href?: string;
}

// Stops at white space, quotes, angle brackets and CJK punctuation / full-width forms.
const URL_RE = /\bhttps?:\/\/[^\s<>"'`\u3000-\u303f\uff00-\uffef]+/gi;
const TRAILING = /[.,;:!?'"*_~]+$/;

function trimTrailing(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, '');
    // A closing bracket belongs to the URL only when the URL opened it: (see https://x.y/a_(b)).
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ]) {
      if (url.endsWith(close) && url.split(close).length > url.split(open).length) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

/** A safe href for a link: http or https only, or null. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** The text cut into plain pieces and links (http and https only). */
export function linkify(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    const at = match.index;
    const candidate = trimTrailing(match[0]);
    const href = candidate.length > 'https://'.length - 1 ? safeHref(candidate) : null;
    if (!href) continue;
    if (at > last) segments.push({ text: text.slice(last, at) });
    segments.push({ text: candidate, href });
    last = at + candidate.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}
