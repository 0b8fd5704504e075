import { theme } from 'antd';
import { Fragment } from 'react';

export interface Range {
  start: number;
  end: number;
}

/** The parts of `text` split at the ranges, which are sorted, clipped and merged first. */
export function splitHighlights(text: string, ranges: Range[]): { text: string; hit: boolean }[] {
  const sorted = ranges
    .map(({ start, end }) => ({ start: Math.max(0, start), end: Math.min(text.length, end) }))
    .filter(({ start, end }) => start < end)
    .sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const { start, end } of merged) {
    if (start > at) parts.push({ text: text.slice(at, start), hit: false });
    parts.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

/** A search snippet with its matches marked (`<mark>`), as text: never HTML from the server. */
export function Highlighted({ text, ranges }: { text: string; ranges: Range[] }) {
  const { token } = theme.useToken();
  return (
    <>
      {splitHighlights(text, ranges).map((part, index) =>
        part.hit ? (
          <mark key={index} style={{ background: token.colorWarningBg, color: 'inherit', padding: 0, borderRadius: 2 }}>
            {part.text}
          </mark>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
